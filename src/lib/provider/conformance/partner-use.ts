import type {PartnerApiStandIn} from '../partner-api-stand-in.js'
import type {DeliveryOutcome, StandInSubscription} from '../webhook-stand-in.js'
import {check, is2xx, type ConformanceContext} from './context.js'

// No call for this long after the provision checks: the provider is done with the partner API.
const QUIET_MS = 500

/**
 * What a provider that exchanged its grant did with the token, once the stand-in had recorded the
 * add-on: every call within the token's reach (its add-on, the apps it is attached to, their
 * domains, add-on webhooks) and made with the token; each webhook subscription one the platform
 * takes, whose URL answers 2xx to a signed sample event (Heroku retries anything else) and, as good
 * practice, refuses a copy signed with another secret. A provider that never exchanged its grant
 * (it does not use the partner API) is not checked here.
 */
export async function checkPartnerUse(context: ConformanceContext, platform: PartnerApiStandIn, uuid: string): Promise<void> {
  if (!platform.calls(uuid).exchanged) return
  const calls = await platform.quiet(uuid, QUIET_MS, context.partnerWaitMs)
  context.report.group(`the partner API at ${platform.url} (reads and webhooks)`)
  const made = [...new Set(calls.calls.map((call) => call.replace(/ \d+$/, '')))]
  await check(context, 'partner API calls are authorized and within the token\'s reach', async () => {
    if (calls.problems.length > 0) return [...new Set(calls.problems)].slice(0, 5).join('\n')
    return made.length > 0 ? {note: `(${summarize(made)})`} : undefined
  })
  const webhooks = calls.webhooks
  if (webhooks && webhooks.refusals.length > 0) {
    context.report.fail('webhook subscriptions are ones the platform takes', [...new Set(webhooks.refusals)].join('\n'))
  }
  const subscriptions = webhooks?.subscriptions ?? []
  if (subscriptions.length === 0) {
    context.report.info('  (no webhook subscription: no sample event was sent)')
    return
  }
  await webhooks!.settled()
  for (const subscription of subscriptions) await checkSubscription(context, subscription)
}

async function checkSubscription(context: ConformanceContext, subscription: StandInSubscription): Promise<void> {
  const {webhook} = subscription
  const include = webhook.include[0]
  await check(context, `webhook ${webhook.url} takes a signed ${include} event`, async () => {
    const outcome = subscription.sample
    if (outcome?.status !== undefined && is2xx(outcome.status)) return {note: `(${outcome.status}; ${webhook.level} subscription to ${webhook.include.join(', ')})`}
    return `expected 2xx, got ${describe(outcome)}: the platform counts anything else as a failed delivery${webhook.level === 'sync' ? ' and tries again' : ''}`
  })
  await check(context, `webhook ${webhook.url} refuses an event signed with another secret`, async () => {
    const outcome = subscription.forged
    if (outcome?.status !== undefined && outcome.status >= 400 && outcome.status < 500) return {note: `(${outcome.status})`}
    return `expected 401 or 403, got ${describe(outcome)}: check Heroku-Webhook-Hmac-SHA256 against the raw body before trusting an event`
  }, 'should')
}

function describe(outcome: DeliveryOutcome | undefined): string {
  if (outcome === undefined) return 'no attempt'
  return outcome.status === undefined ? `no answer (${outcome.error})` : String(outcome.status)
}

// the first few calls, and how many more
function summarize(calls: string[]): string {
  const shown = calls.slice(0, 6).join(', ')
  return calls.length > 6 ? `${shown} and ${calls.length - 6} more` : shown
}
