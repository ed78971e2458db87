import {pathOf} from '../endpoints.js'
import type {ProviderAnswer} from '../provider-http.js'
import {checkConfig, type ConfigVars} from './config-checks.js'
import {call, check, goodCredentials, is2xx, resourceUrl, unexpectedStatus, wrongCredentials, type ConformanceContext} from './context.js'
import {unknownResourceId} from './unknown-id.js'

/**
 * PUT {base_url}/:id {plan}: a 2xx answer (JSON when it has a body, config checked when given),
 * then wrong credentials get 401, for this id and for one that never existed.
 */
export async function checkPlanChange(context: ConformanceContext, id: string, plan: string): Promise<ConfigVars> {
  const {manifest, report} = context
  const url = resourceUrl(context, id)
  report.group(`PUT ${pathOf(url)} (plan ${plan})`)
  let answer: ProviderAnswer | undefined
  const ok = await check(context, 'plan change response is 2xx', async () => {
    answer = await call(context, {method: 'PUT', url, credentials: goodCredentials(manifest), body: {plan}})
    return is2xx(answer.status) ? undefined : unexpectedStatus('2xx', answer)
  })
  let config: ConfigVars = {}
  // an empty body (204) says "done, nothing to change"
  if (ok && answer && answer.text.trim() !== '') {
    const body = answer
    const parsed = await check(context, 'plan change response is valid JSON', async () => (body.jsonError === undefined ? undefined : `the body is not JSON: ${body.jsonError}`))
    if (parsed) config = checkConfig(context, 'plan change ', body.json)
  }
  await check(context, 'wrong credentials get 401 on PUT', async () => {
    for (const target of [id, unknownResourceId()]) {
      const refused = await call(context, {method: 'PUT', url: resourceUrl(context, target), credentials: wrongCredentials(manifest), body: {plan}})
      if (refused.status !== 401) return `${target === id ? 'for this resource' : 'for an unknown id'}: ${unexpectedStatus('401', refused)}`
    }
    return undefined
  })
  return config
}
