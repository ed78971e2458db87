import {deliverSampleBatch, DRAIN_URL_PATTERN} from '../drain-delivery.js'
import type {LogInputStandIn} from '../log-input-stand-in.js'
import type {ProviderAnswer} from '../provider-http.js'
import {check, type ConformanceContext} from './context.js'

export const requiresLogInput = (context: ConformanceContext) => context.manifest.api.requires?.includes('log_input') ?? false
export const requiresSyslogDrain = (context: ConformanceContext) => context.manifest.api.requires?.includes('syslog_drain') ?? false

/**
 * For a manifest that requires syslog_drain: the provision's answer names a top-level
 * log_drain_url Logplex can deliver to (kensa's check, which never printed its PASS, and which
 * knew only https and syslog), then one sample batch delivered there, as the platform would, must
 * be taken (2xx).
 */
export async function checkLogDrain(context: ConformanceContext, answer: ProviderAnswer, drainToken: string): Promise<void> {
  const json = answer.json as {log_drain_url?: unknown} | undefined
  const drainUrl = typeof json === 'object' && json !== null ? json.log_drain_url : undefined
  const valid = await check(context, 'log_drain_url is returned if required', async () => {
    if (drainUrl === undefined || drainUrl === null || drainUrl === '') return 'the manifest requires syslog_drain but the answer has no top-level "log_drain_url"'
    if (typeof drainUrl !== 'string' || !DRAIN_URL_PATTERN.test(drainUrl)) {
      return `log_drain_url ${JSON.stringify(drainUrl)} must match ${DRAIN_URL_PATTERN.source} (an https, http, syslog or syslog+tls URL)`
    }
    return {note: `(log_drain_url ${redacted(drainUrl)})`}
  })
  if (!valid) return
  await check(context, 'log_drain_url takes a sample batch', async () => {
    const outcome = await deliverSampleBatch(drainUrl as string, drainToken, context.timeoutMs)
    if (!outcome.ok) return `delivering 2 lines with Logplex-Drain-Token ${drainToken}: expected 2xx, got ${outcome.detail}`
    return {note: `(2 lines delivered: ${outcome.detail})`}
  })
}

/**
 * For a manifest that requires log_input: the frames the provider sent to the provision's
 * log_input_url (the checker's Logplex stand-in) within `waitMs` of the provision checks. Refused
 * requests fail the check; none at all only warns, since a provider may write later.
 */
export async function checkLogInput(context: ConformanceContext, logs: LogInputStandIn, waitMs: number): Promise<void> {
  context.report.group(`log_input_url (the checker's Logplex input at ${logs.url}/logs)`)
  await logs.firstRequest(waitMs)
  const {record} = logs
  const name = 'frames sent to log_input_url are valid application/logplex-1'
  if (record.problems.length > 0) {
    context.report.fail(name, [...new Set(record.problems)].slice(0, 5).join('\n'))
    return
  }
  if (record.frames.length === 0) {
    const reach = context.production ? ' (the stand-in listens on 127.0.0.1: a provider on another machine cannot reach it)' : ''
    context.report.warn(name, `no frames were sent within ${Math.round(waitMs / 1000)} s of provisioning${reach}`)
    return
  }
  const first = record.frames[0]
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  context.report.pass(name, `${plural(record.frames.length, 'frame')} in ${plural(record.requests, 'request')}, the first: ${first.host} ${first.app}[${first.process}]: ${first.message.slice(0, 120)}`)
}

// A drain URL's password is the provider's secret: the report does not show it.
function redacted(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
