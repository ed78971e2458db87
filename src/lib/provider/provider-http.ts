// The checker's HTTP calls to a provider: raw status and body, nothing thrown for 4xx/5xx, no
// retries (a retry would hide exactly what is being checked).
import {tlsProblem} from '../tls-problems.js'

export interface Credentials {
  user: string
  password: string
}

export interface ProviderAnswer {
  status: number
  text: string
  // the parsed body when it is JSON; `jsonError` says why not otherwise
  json?: unknown
  jsonError?: string
  headers: Headers
}

export class ProviderUnreachable extends Error {
  constructor(url: string, cause: string) {
    super(`unable to connect to ${url} (${cause})`)
    this.name = 'ProviderUnreachable'
  }
}

export const partnerApiAccept = 'application/vnd.heroku-addons+json; version=3'

export interface CallOptions {
  method: 'POST' | 'PUT' | 'DELETE'
  url: string
  credentials: Credentials
  body?: unknown
  timeoutMs: number
}

export async function callProvider(options: CallOptions): Promise<ProviderAnswer> {
  const basic = Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')
  const headers: Record<string, string> = {authorization: `Basic ${basic}`, accept: partnerApiAccept, 'user-agent': 'addonkit-provider-test'}
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const response = await send(options.url, {
    method: options.method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs),
  })
  return readAnswer(response)
}

export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    const err = error as Error & {cause?: {code?: string; message?: string}}
    const code = err.cause?.code
    const cause = err.name === 'TimeoutError' ? 'no answer in time' : tlsProblem(code) ? `${tlsProblem(code)} (${code})` : (code ?? err.cause?.message ?? err.message)
    throw new ProviderUnreachable(url, cause)
  }
}

export async function readAnswer(response: Response): Promise<ProviderAnswer> {
  const text = await response.text()
  const answer: ProviderAnswer = {status: response.status, text, headers: response.headers}
  try {
    answer.json = JSON.parse(text) as unknown
  } catch (error) {
    answer.jsonError = text.trim() === '' ? 'the body is empty' : `${(error as Error).message}`
  }
  return answer
}

// The provider's own explanation, when it gave one, for failure reasons.
export function answerMessage(answer: ProviderAnswer): string | undefined {
  const json = answer.json as {message?: unknown} | undefined
  return typeof json === 'object' && json !== null && typeof json.message === 'string' && json.message.trim() !== '' ? json.message : undefined
}
