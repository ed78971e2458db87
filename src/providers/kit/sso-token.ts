import {createHash, timingSafeEqual} from 'node:crypto'

// A token older (or further in the future) than this is refused: it may have been replayed.
export const ssoTokenMaxAgeSeconds = 5 * 60

export function ssoToken(resourceId: string, salt: string, timestamp: string | number): string {
  return createHash('sha1').update(`${resourceId}:${salt}:${timestamp}`).digest('hex')
}

export type SsoVerdict = 'ok' | 'bad-token' | 'stale'

export function verifySsoToken(
  params: {resourceId: string; token: string; timestamp: string},
  salt: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SsoVerdict {
  const expected = Buffer.from(ssoToken(params.resourceId, salt, params.timestamp), 'hex')
  const wellFormed = /^[0-9a-f]{40}$/i.test(params.token)
  // A malformed token is still compared (against zeros) so its handling takes the same time.
  const given = wellFormed ? Buffer.from(params.token, 'hex') : Buffer.alloc(expected.length)
  const tokenOk = timingSafeEqual(given, expected) && wellFormed
  if (!tokenOk) return 'bad-token'
  const timestamp = Number(params.timestamp)
  if (!/^\d+$/.test(params.timestamp) || Math.abs(nowSeconds - timestamp) > ssoTokenMaxAgeSeconds) return 'stale'
  return 'ok'
}
