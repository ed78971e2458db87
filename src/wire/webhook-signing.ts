import {createHmac, timingSafeEqual} from 'node:crypto'

// How a webhook delivery proves where it came from: the `Heroku-Webhook-Hmac-SHA256` header holds
// the standard (padded) Base64 of HMAC-SHA256 over the exact bytes of the request body, keyed by the
// subscription's secret. The platform signs with it; a receiver (the provider kit) checks with it,
// over the raw body as it arrived, never over a re-serialised parse of it.
export const WEBHOOK_SIGNATURE_HEADER = 'Heroku-Webhook-Hmac-SHA256'

export function signWebhookBody(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64')
}

// Constant time in the signature's content: a wrong signature of the right length takes as long to
// refuse as a nearly right one, so it cannot be guessed a byte at a time.
export function verifyWebhookSignature(secret: string, body: string | Buffer, signature: string | string[] | undefined): boolean {
  if (typeof signature !== 'string') return false
  const expected = Buffer.from(signWebhookBody(secret, body), 'utf8')
  const given = Buffer.from(signature.trim(), 'utf8')
  if (given.length !== expected.length) return false
  return timingSafeEqual(given, expected)
}
