import {pathOf} from '../endpoints.js'
import {call, check, goodCredentials, is2xx, resourceUrl, unexpectedStatus, wrongCredentials, type ConformanceContext} from './context.js'
import {unknownResourceId} from './unknown-id.js'

/**
 * DELETE {base_url}/:id: a 2xx answer, then wrong credentials get 401 for the (now gone) id and
 * for one that never existed. Wrong credentials come last so a provider that ignores them cannot
 * delete the resource before the real call.
 */
export async function checkDeprovision(context: ConformanceContext, id: string): Promise<boolean> {
  const {manifest, report} = context
  const url = resourceUrl(context, id)
  report.group(`DELETE ${pathOf(url)}`)
  const ok = await check(context, 'deprovision response is 2xx', async () => {
    const answer = await call(context, {method: 'DELETE', url, credentials: goodCredentials(manifest)})
    return is2xx(answer.status) ? undefined : unexpectedStatus('2xx', answer)
  })
  if (ok) context.created.delete(id)
  await check(context, 'wrong credentials get 401 on DELETE', async () => {
    for (const target of [id, unknownResourceId()]) {
      const refused = await call(context, {method: 'DELETE', url: resourceUrl(context, target), credentials: wrongCredentials(manifest)})
      if (refused.status !== 401) return `${target === id ? 'for this resource' : 'for an unknown id'}: ${unexpectedStatus('401', refused)}`
    }
    return undefined
  })
  return ok
}

// Removes resources the checker created besides the one under test, quietly: a failure here is
// reported as a line, not as a failed check, since no behaviour is being checked.
export async function removeLeftovers(context: ConformanceContext, ids: Iterable<string>): Promise<void> {
  for (const id of [...ids]) {
    try {
      const answer = await call(context, {method: 'DELETE', url: resourceUrl(context, id), credentials: goodCredentials(context.manifest)})
      if (is2xx(answer.status) || answer.status === 404 || answer.status === 410) {
        context.created.delete(id)
        if (is2xx(answer.status)) context.report.info(`  (removed resource ${id} that the checks created)`)
      } else context.report.info(`  could not remove resource ${id} the checks created: ${unexpectedStatus('2xx', answer)}`)
    } catch (error) {
      context.report.info(`  could not remove resource ${id} the checks created: ${(error as Error).message}`)
    }
  }
}
