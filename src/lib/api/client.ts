import createDebug from 'debug'
import got, {type Got, HTTPError, type Method, RequestError, type Response} from 'got'
import {AddonkitError, ApiError, ExitCode} from '../errors.js'
import {tlsProblem} from '../tls-problems.js'
import {type ApiTarget, resolveTarget} from './target.js'

const debug = createDebug('addonkit:api')

export interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
  // a single page only: do not follow Next-Range
  partial?: boolean
  // abandons the request (a command that must not wait on it any longer)
  signal?: AbortSignal
}

export interface ClientOptions {
  target?: ApiTarget
  // attempts after the first for idempotent requests; tests set 0
  retries?: number
  timeoutMs?: number
}

const ACCEPT = 'application/vnd.heroku+json; version=3'
// every list endpoint the commands read accepts `id` as its Range field; 1,000 is the API's largest page
const WHOLE_LIST_RANGE = 'id ..; max=1000'
const IDEMPOTENT: Method[] = ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS']

// The one client every command uses to talk to a Platform API v3 server (local or Heroku).
export class ApiClient {
  readonly target: ApiTarget
  private readonly http: Got

  constructor(options: ClientOptions = {}) {
    this.target = options.target ?? resolveTarget()
    const retries = options.retries ?? 2
    this.http = got.extend({
      prefixUrl: this.target.url,
      headers: {
        accept: ACCEPT,
        'user-agent': 'addonkit',
        ...(this.target.token ? {authorization: `Bearer ${this.target.token}`} : {}),
      },
      timeout: {request: options.timeoutMs ?? 30_000},
      retry: {
        limit: retries,
        methods: IDEMPOTENT,
        statusCodes: [429, 500, 502, 503, 504],
        calculateDelay: ({attemptCount, retryOptions, error, computedValue}) => {
          if (computedValue === 0 || attemptCount > retryOptions.limit) return 0
          const after = Number(error.response?.headers['retry-after'])
          return Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 10_000) : 250 * 2 ** (attemptCount - 1)
        },
      },
      hooks: {
        beforeRequest: [
          (options) => {
            if (debug.enabled) debug('%s %s %o', options.method, String(options.url), redacted(options.headers))
          },
        ],
        afterResponse: [
          (response) => {
            debug('%s %s -> %d', response.request.options.method, response.url, response.statusCode)
            return response
          },
        ],
      },
    })
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options)
  }

  // A whole list: asks for the largest page the Platform API serves (its default is 200), so 1,000
  // add-ons take one request instead of five; longer lists still follow Next-Range.
  list<T>(path: string, options: RequestOptions = {}): Promise<T[]> {
    return this.request<T[]>('GET', path, {...options, headers: {range: WHOLE_LIST_RANGE, ...options.headers}})
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, {...options, body})
  }

  patch<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, {...options, body})
  }

  delete<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, {...options, body})
  }

  // One request, its answer's headers too: a header may carry what the body never shows (the secret
  // a new webhook was given, Heroku-Webhook-Secret).
  async requestWithHeaders<T>(method: Method, path: string, options: RequestOptions = {}): Promise<{body: T; headers: Record<string, string | string[] | undefined>}> {
    const response = await this.send(method, path, {...options.headers}, options.body, options.signal)
    return {body: response.body as T, headers: response.headers}
  }

  // Sends one request; a GET that answers an array follows Next-Range until the last page.
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    let headers = {...options.headers}
    let response = await this.send(method, path, headers, options.body, options.signal)
    const first = response.body
    if (method !== 'GET' || options.partial || !Array.isArray(first)) return first as T
    const all: unknown[] = [...first]
    let nextRange = response.headers['next-range']
    while (typeof nextRange === 'string' && nextRange !== '') {
      headers = {...headers, range: nextRange}
      response = await this.send(method, path, headers)
      if (!Array.isArray(response.body)) break
      all.push(...response.body)
      nextRange = response.headers['next-range']
    }
    return all as T
  }

  private async send(method: Method, path: string, headers: Record<string, string>, body?: unknown, signal?: AbortSignal): Promise<Response<unknown>> {
    let response: Response<string>
    try {
      response = await this.http(path.replace(/^\/+/, ''), {
        method,
        headers,
        ...(body === undefined ? {} : {json: body}),
        ...(signal ? {signal} : {}),
      })
    } catch (error) {
      if (error instanceof HTTPError) {
        if (error.response.statusCode === 401 && !this.target.token) throw noApiKey(this.target.url)
        throw apiError(error.response.statusCode, parseBody(String(error.response.body ?? '')))
      }
      throw networkError(error, this.target.url)
    }
    // a text answer (a statement asked for as text) is the caller's as it came
    const parsed = /^text\/plain\b/i.test(response.headers['content-type'] ?? '') ? response.body : parseBody(response.body)
    return Object.assign(response, {body: parsed}) as unknown as Response<unknown>
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function apiError(status: number, body: unknown): ApiError {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const id = typeof record.id === 'string' ? record.id : `http_${status}`
  const message =
    typeof record.message === 'string' && record.message.trim() !== ''
      ? record.message.trim()
      : `The platform answered ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : '.'}`
  return new ApiError(status, id, message.replace(/\s*\n\s*/g, ' '), record)
}

// Refused because we had nothing to send: say where a key can come from.
function noApiKey(url: string): AddonkitError {
  return new AddonkitError(
    `No API key for ${url}: set ADDONKIT_API_KEY, start the local platform (addonkit platform:start), or add the host to ~/.netrc (heroku login does).`,
    ExitCode.auth,
  )
}

function networkError(error: unknown, url: string): AddonkitError {
  if (error instanceof RequestError) {
    if (error.code === 'ETIMEDOUT') return new AddonkitError(`The platform at ${url} did not answer in time.`, ExitCode.unreachable)
    const tls = tlsProblem(error.code)
    if (tls) return new AddonkitError(`Could not reach the platform at ${url}: ${tls} (${error.code}).`, ExitCode.unreachable)
    return new AddonkitError(`Could not reach the platform at ${url} (${error.code ?? error.message}).`, ExitCode.unreachable)
  }
  return new AddonkitError(error instanceof Error ? error.message : String(error))
}

// Headers for the DEBUG log: everything but the credential.
function redacted(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, name.toLowerCase() === 'authorization' ? '[redacted]' : value]))
}
