import {randomBytes, randomUUID} from 'node:crypto'
import type {Db, Tx} from '../store/database.js'
import type {OauthGrantRow} from '../store/schema.js'
import {hashSecret} from '../store/secret-hash.js'
import type {Catalog} from './catalog.js'
import {PlatformError} from './errors.js'

const GRANT_TTL_MS = 15 * 60 * 1000
const TOKEN_TTL_S = 8 * 60 * 60

export interface TokenResponse {
  access_token: string
  refresh_token: string
  expires_in: number
  token_type: 'Bearer'
  user_id: string
  session_nonce: null
}

const badGrant = (message: string) => new PlatformError(401, 'unauthorized', message)

export interface OauthGrant {
  code: string
  type: 'authorization_code'
  expires_at: string
}

// A fresh grant for an add-on: the row to store (the code hashed) and the grant the provider is sent.
// Creating an add-on writes the row with its reservation (services/provisioning.ts).
export function newGrant(addonId: string): {row: OauthGrantRow; grant: OauthGrant} {
  const code = randomUUID()
  const expiresAt = new Date(Date.now() + GRANT_TTL_MS).toISOString()
  return {row: {code_hash: hashSecret(code), addon_id: addonId, expires_at: expiresAt}, grant: {code, type: 'authorization_code', expires_at: expiresAt}}
}

// The OAuth side of the partner API: one grant per provision request, exchanged by the provider for
// a bearer token that reaches only that one add-on.
export class PartnerAuth {
  constructor(private readonly db: Db, private readonly catalog: Catalog) {}

  async createGrant(db: Db | Tx, addonId: string): Promise<OauthGrant> {
    const {row, grant} = newGrant(addonId)
    await db.insertInto('oauth_grants').values(row).execute()
    return grant
  }

  async exchange(code: string, clientSecret: string): Promise<TokenResponse> {
    const grant = await this.db.selectFrom('oauth_grants').selectAll().where('code_hash', '=', hashSecret(code)).executeTakeFirst()
    if (!grant || grant.expires_at < new Date().toISOString()) throw badGrant('Invalid or expired authorization code.')
    await this.checkSecret(grant.addon_id, clientSecret)
    await this.db.deleteFrom('oauth_grants').where('code_hash', '=', grant.code_hash).execute()
    return this.issue(grant.addon_id)
  }

  async refresh(refreshToken: string, clientSecret: string): Promise<TokenResponse> {
    const token = await this.db.selectFrom('partner_tokens').selectAll().where('refresh_token_hash', '=', hashSecret(refreshToken)).executeTakeFirst()
    if (!token) throw badGrant('Invalid refresh token.')
    await this.checkSecret(token.addon_id, clientSecret)
    await this.db.deleteFrom('partner_tokens').where('token_hash', '=', token.token_hash).execute()
    return this.issue(token.addon_id)
  }

  // The add-on a bearer token is scoped to, if it is a live partner token.
  async addonForToken(token: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('partner_tokens').select(['addon_id', 'expires_at']).where('token_hash', '=', hashSecret(token)).executeTakeFirst()
    return row && row.expires_at > new Date().toISOString() ? row.addon_id : undefined
  }

  async revokeAll(db: Db | Tx, addonId: string): Promise<void> {
    await db.deleteFrom('partner_tokens').where('addon_id', '=', addonId).execute()
    await db.deleteFrom('oauth_grants').where('addon_id', '=', addonId).execute()
  }

  private async checkSecret(addonId: string, secret: string): Promise<void> {
    const addon = await this.db.selectFrom('addons').select('service_id').where('id', '=', addonId).executeTakeFirst()
    if (!addon) throw badGrant('The add-on of this grant no longer exists.')
    if (this.catalog.service(addon.service_id).manifest.api.password !== secret) throw badGrant('Invalid client secret.')
  }

  // The tokens are given out here, once; the store keeps their hashes.
  private async issue(addonId: string): Promise<TokenResponse> {
    const access = randomBytes(24).toString('hex')
    const refresh = randomBytes(24).toString('hex')
    await this.db.insertInto('partner_tokens').values({
      token_hash: hashSecret(access),
      refresh_token_hash: hashSecret(refresh),
      addon_id: addonId,
      expires_at: new Date(Date.now() + TOKEN_TTL_S * 1000).toISOString(),
    }).execute()
    return {access_token: access, refresh_token: refresh, expires_in: TOKEN_TTL_S, token_type: 'Bearer', user_id: addonId, session_nonce: null}
  }
}
