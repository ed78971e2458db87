import {createHmac, timingSafeEqual} from 'node:crypto'
import {LRUCache} from 'lru-cache'

// An add-on's web_url: a link that opens the provider's dashboard signed in as the add-on's owner,
// the way Heroku's addons-sso links do (`heroku addons:open` opens web_url). A browser brings no API
// key, so the link carries its own credential, an HMAC of the add-on id under the service's
// sso_salt: it is only handed out with the add-on over the API, stays valid while the salt does, and
// names no one but that add-on. The link itself only leads to a fresh 5-minute SSO login.

const purpose = 'addonkit dashboard link'

// Every add-on the API returns carries its link, so a page of 200 add-ons was 200 HMACs (≈0.6 ms of
// a 7 ms answer); the same add-on under the same salt always gets the same key, so keys are kept.
const keys = new LRUCache<string, string, {addonId: string; ssoSalt: string}>({
  max: 50_000,
  memoMethod: (_, __, {context: {addonId, ssoSalt}}) => createHmac('sha256', ssoSalt).update(`${purpose}:${addonId}`).digest('hex'),
})

function dashboardKey(addonId: string, ssoSalt: string): string {
  return keys.memo(`${ssoSalt}\n${addonId}`, {context: {addonId, ssoSalt}})
}

// null when the service has no single sign-on: there is no dashboard to open
export function dashboardUrl(baseUrl: string, addonId: string, ssoSalt: string | undefined): string | null {
  if (!ssoSalt) return null
  return `${baseUrl.replace(/\/+$/, '')}/addons/${encodeURIComponent(addonId)}/dashboard?key=${dashboardKey(addonId, ssoSalt)}`
}

export function dashboardKeyMatches(addonId: string, ssoSalt: string, key: unknown): boolean {
  const expected = Buffer.from(dashboardKey(addonId, ssoSalt), 'hex')
  const wellFormed = typeof key === 'string' && /^[0-9a-f]{64}$/i.test(key)
  // compared even when malformed, so a wrong key takes as long as a nearly right one
  const given = wellFormed ? Buffer.from(key, 'hex') : Buffer.alloc(expected.length)
  return timingSafeEqual(given, expected) && wellFormed
}
