import type {ProviderManifest} from '../../providers/kit/manifest-types.js'
import {ssoToken, userScopedSsoToken} from '../../providers/kit/sso-token.js'
import {AddonkitError} from '../errors.js'
import type {ProviderEndpoints} from './endpoints.js'

// The user and app the checker pretends to sign in as.
export const ssoEmail = 'username@example.com'
export const ssoUserId = '01234567-89ab-4cde-8f01-23456789abcd'
export const ssoApp = 'myapp'

export type SsoParams = Record<string, string>

/**
 * The fields the platform sends to the provider's SSO URL: the legacy `id` + `token` and the v3
 * `resource_id` + `resource_token`, both sha1("<id>:<salt>:<timestamp>") over the same id, and the
 * current `user_scoped_resource_token` (sha256, also over user_id and email), so a provider reading
 * any of them accepts them.
 */
export function signSso(manifest: ProviderManifest, id: string, timestampSeconds: number): SsoParams {
  const salt = manifest.api.sso_salt
  if (!salt) throw new AddonkitError('the manifest has no api.sso_salt: single sign-on cannot be signed')
  const timestamp = String(timestampSeconds)
  const token = ssoToken(id, salt, timestamp)
  return {
    id,
    token,
    timestamp,
    'nav-data': navData(manifest),
    email: ssoEmail,
    user_id: ssoUserId,
    app: ssoApp,
    resource_id: id,
    resource_token: token,
    user_scoped_resource_token: userScopedSsoToken(id, salt, timestamp, {id: ssoUserId, email: ssoEmail}),
  }
}

// The platform's navigation header data: URL-safe base64, no padding, of a small JSON document.
export function navData(manifest: ProviderManifest): string {
  const name = manifest.name ?? manifest.id
  const document = {addon: name, appname: ssoApp, addons: [{slug: manifest.id, name, current: true}]}
  return Buffer.from(JSON.stringify(document)).toString('base64url')
}

export type SsoRequest = {method: 'get'; url: string} | {method: 'post'; url: string; fields: SsoParams}

// GET style puts the id in the path and the rest in the query; POST style sends a form.
export function ssoRequest(sso: NonNullable<ProviderEndpoints['sso']>, params: SsoParams): SsoRequest {
  if (sso.method === 'post') return {method: 'post', url: sso.url, fields: params}
  const {id, ...query} = params
  return {method: 'get', url: `${sso.url}/${encodeURIComponent(id)}?${new URLSearchParams(query)}`}
}

export function nowSeconds(now: () => number = Date.now): number {
  return Math.floor(now() / 1000)
}
