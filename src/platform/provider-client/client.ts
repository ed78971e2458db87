import got, {type Got, type Response} from 'got'
import {drainUrlProblem} from '../logs/drains/drain-url.js'
import {requiresSyslogDrain} from '../logs/log-input-url.js'
import type {ProviderManifest} from '../../providers/kit/manifest-types.js'
import {ProviderFailed, ProviderRefused} from './errors.js'
import {providerBaseUrl} from './urls.js'
import type {ProvisionBody} from '../../providers/kit/protocol.js'

export interface ProvisionResult {
  async: boolean
  id: string
  config: Record<string, string>
  message: string | null
  // the top-level log_drain_url, when the manifest requires syslog_drain and the answer has one
  logDrainUrl?: string
}

export interface PlanChangeResult {
  config?: Record<string, string>
  message: string | null
}

export interface ProviderClientOptions {
  // provider calls give up after this long (the partner API allows 25 s)
  timeoutMs?: number
  deprovisionAttempts?: number
  retryBackoffMs?: number
}

// The only code that talks to add-on providers (Add-on Partner API v3, Basic auth id:password).
export class ProviderClient {
  private readonly http: Got
  readonly timeoutMs: number
  readonly deprovisionAttempts: number
  readonly retryBackoffMs: number

  constructor(options: ProviderClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 25_000
    this.deprovisionAttempts = options.deprovisionAttempts ?? 3
    this.retryBackoffMs = options.retryBackoffMs ?? 250
    this.http = got.extend({
      retry: {limit: 0},
      throwHttpErrors: false,
      followRedirect: false,
      timeout: {request: this.timeoutMs},
      responseType: 'text',
      headers: {accept: 'application/vnd.heroku-addons+json; version=3', 'user-agent': 'addonkit-platform'},
    })
  }

  async provision(manifest: ProviderManifest, body: ProvisionBody): Promise<ProvisionResult> {
    const response = await this.send(manifest, 'POST', providerBaseUrl(manifest), body, 'provision')
    if (response.statusCode === 200 || response.statusCode === 201 || response.statusCode === 202) {
      const json = parseObject(manifest, response, 'provision', true)
      const id = json.id
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new ProviderFailed(`The add-on provider ${manifest.id} answered the provision request without an id.`, true)
      }
      const config = json.config === undefined || json.config === null ? {} : checkConfig(manifest, json.config, String(id))
      const logDrainUrl = checkLogDrainUrl(manifest, json.log_drain_url, String(id))
      return {async: response.statusCode === 202, id: String(id), config, message: typeof json.message === 'string' ? json.message : null, ...(logDrainUrl ? {logDrainUrl} : {})}
    }
    throw refusalOrFailure(manifest, response, 'provision')
  }

  async changePlan(manifest: ProviderManifest, providerId: string, plan: string): Promise<PlanChangeResult> {
    const url = `${providerBaseUrl(manifest)}/${encodeURIComponent(providerId)}`
    const response = await this.send(manifest, 'PUT', url, {plan}, 'plan change')
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const json = response.body.trim() === '' ? {} : parseObject(manifest, response, 'plan change', false)
      const config = json.config === undefined || json.config === null ? undefined : checkConfig(manifest, json.config)
      return {config, message: typeof json.message === 'string' ? json.message : null}
    }
    throw refusalOrFailure(manifest, response, 'plan change')
  }

  // DELETE with retries and backoff. 2xx and 404/410 mean gone; 202 means the provider finishes later.
  async deprovision(manifest: ProviderManifest, providerId: string, attempts = this.deprovisionAttempts): Promise<'done' | 'async'> {
    const url = `${providerBaseUrl(manifest)}/${encodeURIComponent(providerId)}`
    let lastError = ''
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await this.send(manifest, 'DELETE', url, undefined, 'deprovision')
        if (response.statusCode === 202) return 'async'
        if ((response.statusCode >= 200 && response.statusCode < 300) || response.statusCode === 404 || response.statusCode === 410) return 'done'
        lastError = providerMessage(response) ?? `HTTP ${response.statusCode}`
        if (response.statusCode >= 400 && response.statusCode < 500) break
      } catch (error) {
        lastError = (error as Error).message
      }
      if (attempt < attempts) await sleep(this.retryBackoffMs * 2 ** (attempt - 1))
    }
    throw new ProviderFailed(`The add-on provider ${manifest.id} could not deprovision ${providerId}: ${lastError}`, true)
  }

  private async send(manifest: ProviderManifest, method: 'POST' | 'PUT' | 'DELETE', url: string, json: unknown, what: string): Promise<Response<string>> {
    const auth = Buffer.from(`${manifest.id}:${manifest.api.password}`).toString('base64')
    try {
      return await this.http(url, {method, json, headers: {authorization: `Basic ${auth}`}})
    } catch (error) {
      const code = (error as {code?: string}).code
      if (code === 'ETIMEDOUT') {
        throw new ProviderFailed(`The add-on provider ${manifest.id} did not answer the ${what} request within ${Math.round(this.timeoutMs / 100) / 10} s.`, true)
      }
      const reached = code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EHOSTUNREACH'
      throw new ProviderFailed(`The add-on provider ${manifest.id} could not be reached for the ${what} request (${code ?? (error as Error).message}).`, reached)
    }
  }
}

function parseObject(manifest: ProviderManifest, response: Response<string>, what: string, provisioned: boolean): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(response.body)
  } catch {
    throw new ProviderFailed(`The add-on provider ${manifest.id} answered the ${what} request with malformed JSON.`, provisioned)
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new ProviderFailed(`The add-on provider ${manifest.id} answered the ${what} request with JSON that is not an object.`, provisioned)
  }
  return json as Record<string, unknown>
}

// Provider config must be an object of declared names with string values (kensa's rules).
function checkConfig(manifest: ProviderManifest, config: unknown, providerId?: string): Record<string, string> {
  const fail = (message: string) => new ProviderFailed(`The add-on provider ${manifest.id} returned invalid config: ${message}`, true, providerId)
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw fail('config is not an object.')
  const declared = new Set(manifest.api.config_vars)
  const entries = Object.entries(config as Record<string, unknown>)
  const undeclared = entries.filter(([k]) => !declared.has(k)).map(([k]) => k)
  if (undeclared.length > 0) throw fail(`${undeclared.join(', ')} ${undeclared.length === 1 ? 'is' : 'are'} not in the manifest.`)
  const nonString = entries.filter(([, v]) => typeof v !== 'string').map(([k]) => k)
  if (nonString.length > 0) throw fail(`the value of ${nonString.join(', ')} is not a string.`)
  return Object.fromEntries(entries) as Record<string, string>
}

// Only a provider that asked for the app's logs (syslog_drain) gets a drain; one whose URL Logplex
// could not deliver to fails the provision, as kensa's check fails it.
function checkLogDrainUrl(manifest: ProviderManifest, url: unknown, providerId: string): string | undefined {
  if (!requiresSyslogDrain(manifest) || url === undefined || url === null || url === '') return undefined
  const problem = typeof url === 'string' ? drainUrlProblem(url) : `Url ${JSON.stringify(url)} cannot be a log drain: it is not a string.`
  if (problem === undefined) return url as string
  throw new ProviderFailed(`The add-on provider ${manifest.id} answered with an unusable log_drain_url. ${problem}`, true, providerId)
}

function providerMessage(response: Response<string>): string | undefined {
  try {
    const json = JSON.parse(response.body)
    if (json && typeof json.message === 'string' && json.message.trim() !== '') return json.message
  } catch {}
  return undefined
}

function refusalOrFailure(manifest: ProviderManifest, response: Response<string>, what: string): Error {
  const message = providerMessage(response)
  const status = response.statusCode
  if (status >= 400 && status < 500) {
    return new ProviderRefused(422, message ?? `The add-on provider ${manifest.id} refused the ${what} request (HTTP ${status}).`)
  }
  if (status === 503) {
    return new ProviderFailed(message ?? `The add-on provider ${manifest.id} is unavailable (HTTP 503).`, true)
  }
  return new ProviderFailed(`The add-on provider ${manifest.id} failed the ${what} request (HTTP ${status})${message ? `: ${message}` : '.'}`, true)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
