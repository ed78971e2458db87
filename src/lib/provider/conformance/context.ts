import {randomBytes} from 'node:crypto'
import type {ProviderManifest} from '../../../providers/kit/manifest-types.js'
import type {CheckReport, CheckSeverity} from '../check-report.js'
import type {ProviderEndpoints} from '../endpoints.js'
import {answerMessage, callProvider, ProviderUnreachable, type CallOptions, type Credentials, type ProviderAnswer} from '../provider-http.js'

// Everything one conformance run shares.
export interface ConformanceContext {
  manifest: ProviderManifest
  endpoints: ProviderEndpoints
  report: CheckReport
  // checking the production URLs: localhost config URLs are then refused
  production: boolean
  timeoutMs: number
  // how long an asynchronous provision may take to be finished through the partner API
  asyncTimeoutMs: number
  // how long after the provision checks frames may take to reach log_input_url
  logWaitMs: number
  // how long after the provision checks a provider may go on calling the partner API (reads, webhooks)
  partnerWaitMs: number
  now: () => number
  // every resource id a provision answered with, so the checker removes what it created
  created: Set<string>
}

export function goodCredentials(manifest: ProviderManifest): Credentials {
  return {user: manifest.id, password: manifest.api.password}
}

// The right user with a wrong password: a provider that only looks at the user name is caught too.
export function wrongCredentials(manifest: ProviderManifest): Credentials {
  return {user: manifest.id, password: `wrong-${randomBytes(8).toString('hex')}`}
}

export function resourceUrl(context: ConformanceContext, id: string): string {
  return `${context.endpoints.resourcesUrl}/${encodeURIComponent(id)}`
}

export function call(context: ConformanceContext, options: Omit<CallOptions, 'timeoutMs'>): Promise<ProviderAnswer> {
  return callProvider({...options, timeoutMs: context.timeoutMs})
}

// A failure reason, a pass with something worth saying, or undefined for a plain pass.
export type Verdict = string | {note: string} | undefined

/**
 * Runs one check: a `must` one fails the run when not met, a `should` one only warns (see
 * CheckSeverity). An unreachable provider fails the check with the connection error rather than
 * ending the run.
 */
export async function check(context: ConformanceContext, name: string, evaluate: () => Promise<Verdict>, severity: CheckSeverity = 'must'): Promise<boolean> {
  try {
    const verdict = await evaluate()
    if (typeof verdict === 'object') return context.report.verdict(name, undefined, verdict.note, severity)
    return context.report.verdict(name, verdict, undefined, severity)
  } catch (error) {
    if (error instanceof ProviderUnreachable) return context.report.verdict(name, error.message, undefined, severity)
    throw error
  }
}

// "expected 401, got 200: <provider's message>"
export function unexpectedStatus(expected: string, answer: ProviderAnswer): string {
  const message = answerMessage(answer)
  return `expected ${expected}, got ${answer.status}${message === undefined ? '' : `: ${message}`}`
}

export const is2xx = (status: number) => status >= 200 && status < 300

// The id a provision answered with, when it answered with one.
export function answeredId(answer: ProviderAnswer): string | undefined {
  const json = answer.json as {id?: unknown} | undefined
  if (typeof json !== 'object' || json === null) return undefined
  if (typeof json.id === 'string' && json.id !== '') return json.id
  if (typeof json.id === 'number') return String(json.id)
  return undefined
}
