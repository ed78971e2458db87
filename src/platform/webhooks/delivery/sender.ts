import {Agent as HttpAgent, request as httpRequest} from 'node:http'
import {Agent as HttpsAgent, request as httpsRequest} from 'node:https'
import {deliveryRequest, type Sendable} from './delivery-request.js'

// One delivery attempt: a POST of the signed body to the subscription's URL. Any 2xx is success;
// anything else, a redirect included (it is not followed), is a failure. The time-out covers the
// whole wait for the answer, so a receiver that never answers is cut off; the attempt runs in the
// job worker, never in a request, so it slows no API call either. node:http rather than fetch:
// fetch refuses the ports browsers block (9, 6000…), which a receiver may well listen on.
export interface SendResult {
  ok: boolean
  // the receiver's status, when it answered
  code: number | null
  // why it did not answer
  errorClass: string | null
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000

export interface AttemptToSend {
  delivery: Sendable
  attemptId: string
}

// Makes attempts and tells how each went: in this thread (sendAttempts) or in a thread of its own
// (sender-thread.ts), which keeps the requests off the event loop that answers API calls.
export interface Sender {
  send(attempts: AttemptToSend[], timeoutMs: number): Array<Promise<SendResult>>
  close(): Promise<void>
}

// Builds, signs and POSTs each attempt; an event's part of the body is serialised once for all.
export function sendAttempts(attempts: AttemptToSend[], timeoutMs: number): Array<Promise<SendResult>> {
  const events = new Map<string, string>()
  return attempts.map(({delivery, attemptId}) => {
    const request = deliveryRequest(delivery, attemptId, events)
    return postDelivery(request.url, request.body, request.headers, timeoutMs)
  })
}

export const inProcessSender: Sender = {send: sendAttempts, close: async () => {}}

// connections to a receiver are kept between deliveries
const agents = {http: new HttpAgent({keepAlive: true}), https: new HttpsAgent({keepAlive: true})}

export function postDelivery(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  return new Promise((resolve) => {
    let target: URL
    try {
      target = new URL(url)
    } catch {
      resolve({ok: false, code: null, errorClass: 'InvalidURL'})
      return
    }
    const secure = target.protocol === 'https:'
    const request = (secure ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers: {...headers, 'content-length': String(Buffer.byteLength(body))},
      agent: secure ? agents.https : agents.http,
      signal: AbortSignal.timeout(timeoutMs),
    }, (response) => {
      const code = response.statusCode ?? 0
      // the answer's body is not wanted: read it away so the connection can be reused
      response.resume()
      resolve({ok: code >= 200 && code < 300, code, errorClass: null})
    })
    request.on('error', (error) => resolve({ok: false, code: null, errorClass: errorClassOf(error)}))
    request.end(body)
  })
}

// A short name for what went wrong, as last_attempt.error_class shows it.
export function errorClassOf(error: unknown): string {
  const name = (error as Error | undefined)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return 'Timeout'
  const code = (error as {code?: string})?.code
  switch (code) {
    case 'ECONNREFUSED': return 'ConnectionRefused'
    case 'ECONNRESET': case 'EPIPE': return 'ConnectionReset'
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'HostNotFound'
    case 'ETIMEDOUT': return 'Timeout'
    default:
      if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return 'TLSError'
      return typeof code === 'string' ? code : 'ConnectionFailed'
  }
}
