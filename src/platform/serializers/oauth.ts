import {createHash} from 'node:crypto'
import type {OAuthToken} from '../../wire/platform-api.js'
import type {TokenResponse} from '../services/partner-auth.js'

// A token's id: uuid-shaped and fixed for the token, taken from a hash so that it tells nothing of the
// token itself (and differs from the hash the store keeps to look the token up).
function idOf(token: string): string {
  const hex = createHash('sha256').update(`oauth-token-id\u0000${token}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

// POST /oauth/tokens: a partner token issued for one add-on, whose id stands for the authorization,
// the session and the user the token acts as.
export function oauthToken(token: TokenResponse, grant: {type: string; code?: string}): OAuthToken {
  const at = new Date().toISOString()
  const id = idOf(token.access_token)
  return {
    id, access_token: {id, token: token.access_token, expires_in: token.expires_in},
    refresh_token: {id: idOf(token.refresh_token), token: token.refresh_token, expires_in: null},
    authorization: {id: token.user_id}, client: null, grant: {code: grant.code ?? '', type: grant.type},
    session: {id: token.user_id}, user: {id: token.user_id}, created_at: at, updated_at: at,
  }
}
