import {createHash, timingSafeEqual} from 'node:crypto'

// A token older (or further in the future) than this is refused: it may have been replayed.
export const ssoTokenMaxAgeSeconds = 5 * 60

// The signed-in user a user-scoped token also covers, so a provider can trust the email it shows.
export interface SsoUser {
  id: string
  email: string
}

// `token` / `resource_token`: sha1("<resource id>:<sso_salt>:<timestamp>"), as kensa-era providers check.
export function ssoToken(resourceId: string, salt: string, timestamp: string | number): string {
  return createHash('sha1').update(`${resourceId}:${salt}:${timestamp}`).digest('hex')
}

// `user_scoped_resource_token`: sha256("<resource uuid>:<sso_salt>:<timestamp>:<user id>:<user email>").
export function userScopedSsoToken(resourceId: string, salt: string, timestamp: string | number, user: SsoUser): string {
  return createHash('sha256').update(`${resourceId}:${salt}:${timestamp}:${user.id}:${user.email}`).digest('hex')
}

export type SsoVerdict = 'ok' | 'bad-token' | 'stale'

// With `user`, checks a user-scoped token; without, a resource token. The token is checked before
// the age, in constant time, so a forged link learns nothing about the clock.
export function verifySsoToken(
  params: {resourceId: string; token: string; timestamp: string; user?: SsoUser},
  salt: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SsoVerdict {
  const hex = params.user ? userScopedSsoToken(params.resourceId, salt, params.timestamp, params.user) : ssoToken(params.resourceId, salt, params.timestamp)
  const expected = Buffer.from(hex, 'hex')
  const wellFormed = params.token.length === hex.length && /^[0-9a-f]+$/i.test(params.token)
  // A malformed token is still compared (against zeros) so its handling takes the same time.
  const given = wellFormed ? Buffer.from(params.token, 'hex') : Buffer.alloc(expected.length)
  const tokenOk = timingSafeEqual(given, expected) && wellFormed
  if (!tokenOk) return 'bad-token'
  const timestamp = Number(params.timestamp)
  if (!/^\d+$/.test(params.timestamp) || Math.abs(nowSeconds - timestamp) > ssoTokenMaxAgeSeconds) return 'stale'
  return 'ok'
}
