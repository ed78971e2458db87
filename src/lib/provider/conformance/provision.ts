import {randomBytes} from 'node:crypto'
import {pathOf} from '../endpoints.js'
import {answerMessage, type ProviderAnswer} from '../provider-http.js'
import {startLogInputStandIn, type LogInputStandIn} from '../log-input-stand-in.js'
import {type PartnerApiStandIn, startPartnerApiStandIn} from '../partner-api-stand-in.js'
import {provisionBody, type ProvisionBody} from '../provision-body.js'
import {unservedPlatformRegion} from '../regions.js'
import {checkConfig, type ConfigVars} from './config-checks.js'
import {answeredId, call, check, goodCredentials, is2xx, unexpectedStatus, wrongCredentials, type ConformanceContext} from './context.js'
import {checkLogDrain, checkLogInput, requiresLogInput, requiresSyslogDrain} from './logs.js'
import {checkPartnerUse} from './partner-use.js'

export interface ProvisionRequestSettings {
  plan: string
  region: string
  options: Record<string, string>
}

export interface ProvisionOutcome {
  uuid: string
  // the provider's resource id; undefined when the provision failed
  id?: string
  config: ConfigVars
  async: boolean
  // the provider said yes (2xx), whatever the body: something may exist to clean up
  answered: boolean
}

/**
 * POST {base_url}: the provision answer (sync 200/201 or async 202), its JSON, id and config; wrong
 * credentials; a repeat with the same uuid; refusals (422 + message) of a plan and a region the
 * manifest does not offer; after a 202, how the provider finishes through the partner API. Every
 * resource the provider creates along the way lands in `created`.
 */
export async function checkProvision(context: ConformanceContext, settings: ProvisionRequestSettings): Promise<ProvisionOutcome> {
  const platform = await startPartnerApiStandIn(context.manifest.api.password)
  const logs = requiresLogInput(context) ? await startLogInputStandIn() : undefined
  try {
    return await checkProvisionCalls(context, settings, {platform, logs})
  } finally {
    await platform.close()
    await logs?.close()
  }
}

// The checker's stand-ins for the platform's partner API and, when the manifest requires log_input, Logplex's input.
interface StandIns {
  platform: PartnerApiStandIn
  logs?: LogInputStandIn
}

async function checkProvisionCalls(context: ConformanceContext, settings: ProvisionRequestSettings, standIns: StandIns): Promise<ProvisionOutcome> {
  const {manifest, report} = context
  const {platform, logs} = standIns
  const url = context.endpoints.resourcesUrl
  report.group(`POST ${pathOf(url)}`)
  const requires = manifest.api.requires
  const body = provisionBody({addonId: manifest.id, ...settings, now: context.now(), platform, requires, logs})
  const outcome: ProvisionOutcome = {uuid: body.uuid, config: {}, async: false, answered: false}
  const provision = (request: ProvisionBody, credentials = goodCredentials(manifest)) =>
    call(context, {method: 'POST', url, credentials, body: request}).then((answer) => remember(context, answer))

  let first: ProviderAnswer | undefined
  await check(context, 'provision response is 200, 201 or 202', async () => {
    first = await provision(body)
    if (![200, 201, 202].includes(first.status)) return unexpectedStatus('200, 201 or 202', first)
    // since 2018 a 202 always means "still provisioning": the platform must tell users so
    outcome.async = first.status === 202
    return {
      note: outcome.async
        ? '202: provisioning asynchronously (the provider finishes it through the platform API)'
        : `${first.status}: provisioned synchronously`,
    }
  })
  outcome.answered = first !== undefined && is2xx(first.status)
  const parsed = outcome.answered && (await check(context, 'provision response is valid JSON', async () => (first!.jsonError === undefined ? undefined : `the body is not JSON: ${first!.jsonError}`)))

  await check(context, 'wrong credentials get 401 on POST', async () => {
    const answer = await provision(body, wrongCredentials(manifest))
    return answer.status === 401 ? undefined : unexpectedStatus('401', answer)
  })

  if (parsed) {
    const hasId = await check(context, 'response contains an id', async () => {
      const id = answeredId(first!)
      return id === undefined ? `the answer has no "id" (got ${first!.text.slice(0, 200)})` : undefined
    })
    if (hasId) {
      outcome.id = answeredId(first!)
      report.info(`    (id ${outcome.id})`)
      // the platform records the add-on once it has the answer: the provider may now read it
      platform.recorded(body.uuid, {name: body.name, plan: body.plan, service: manifest.id, async: outcome.async})
    }
    outcome.config = checkConfig(context, '', first!.json)
    if (requiresSyslogDrain(context)) await checkLogDrain(context, first!, body.log_drain_token!)
    if (outcome.id !== undefined) {
      await check(context, 'same uuid returns the same id', async () => {
        const again = await provision(body)
        if (!is2xx(again.status)) return `repeating the provision: ${unexpectedStatus('2xx', again)}`
        const id = answeredId(again)
        return id === outcome.id ? undefined : `the repeat answered id ${id ?? '(none)'}, the first ${outcome.id}: the same uuid must give the same resource`
      })
    }
  }

  await checkRefusals(context, settings, provision, standIns)
  if (outcome.async && outcome.id !== undefined) outcome.config = await checkAsyncCompletion(context, platform, body.uuid)
  if (logs && outcome.answered) await checkLogInput(context, logs, context.logWaitMs)
  if (outcome.id !== undefined) await checkPartnerUse(context, platform, body.uuid)
  return outcome
}

/**
 * After a 202 the provider finishes through the platform: it exchanges the provision's grant for a
 * token, PATCHes the config and calls actions/provision (or actions/deprovision when it gave up).
 * The checker's stand-in for the partner API records all of it; the config gets the usual checks.
 */
async function checkAsyncCompletion(context: ConformanceContext, platform: PartnerApiStandIn, uuid: string): Promise<ConfigVars> {
  context.report.group(`the partner API at ${platform.url} (finishing the 202)`)
  const seconds = Math.round(context.asyncTimeoutMs / 1000)
  const calls = await platform.settled(uuid, context.asyncTimeoutMs)
  // a provider on another machine (--production) cannot reach a stand-in on 127.0.0.1: say so
  const reach = context.production ? ' (the stand-in listens on 127.0.0.1: a provider on another machine cannot reach it)' : ''
  await check(context, 'async: the grant is exchanged for a token', async () =>
    calls.exchanged ? undefined : (calls.problems[0] ?? `no grant exchange at ${platform.url}/oauth/token within ${seconds} s${reach}`))
  const finished = await check(context, 'async: provisioning ends with actions/provision', async () => {
    if (calls.outcome === 'provisioned') return undefined
    if (calls.outcome === 'deprovisioned') return 'the provider gave up: it called actions/deprovision'
    return `neither actions/provision nor actions/deprovision within ${seconds} s`
  })
  return finished ? checkConfig(context, 'async ', {config: calls.config}) : {}
}

// 422 with a message for what the manifest does not offer; a provider saying yes has created something.
async function checkRefusals(
  context: ConformanceContext,
  settings: ProvisionRequestSettings,
  provision: (request: ProvisionBody) => Promise<ProviderAnswer>,
  {platform, logs}: StandIns,
): Promise<void> {
  const {manifest} = context
  const requires = manifest.api.requires
  const refusals: ProviderAnswer[] = []
  // Good practice only: Heroku sends a provider only the plans and regions its manifest lists (and
  // kensa 3.1 never checked this), so a provider that would take anything still works there.
  const refused = async (name: string, request: ProvisionBody) =>
    check(context, name, async () => {
      const answer = await provision(request)
      if (answer.status === 422) refusals.push(answer)
      return answer.status === 422 ? undefined : unexpectedStatus('422', answer)
    }, 'should')
  const now = context.now()
  // a manifest without plans accepts any plan name, as kensa's `test` plan did
  if ((manifest.plans ?? []).length > 0) {
    const plan = `no-such-plan-${randomBytes(3).toString('hex')}`
    await refused('unknown plan gets 422', provisionBody({addonId: manifest.id, ...settings, plan, now, platform, requires, logs}))
  }
  const region = unservedPlatformRegion(manifest.api.regions)
  if (region !== undefined) await refused('unknown region gets 422', provisionBody({addonId: manifest.id, ...settings, region, now, platform, requires, logs}))
  else context.report.info('  (the manifest serves every region: no region to refuse)')
  if (refusals.length > 0) {
    const silent = refusals.filter((answer) => answerMessage(answer) === undefined)
    context.report.verdict(
      '422 answers carry a message',
      silent.length ? `a 422 answer has no "message" for the user (got ${silent[0].text.slice(0, 200) || 'an empty body'})` : undefined,
      undefined,
      'should',
    )
  }
}

function remember(context: ConformanceContext, answer: ProviderAnswer): ProviderAnswer {
  const id = is2xx(answer.status) ? answeredId(answer) : undefined
  if (id !== undefined) context.created.add(id)
  return answer
}
