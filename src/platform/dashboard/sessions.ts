import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import type {AccountsService} from '../services/accounts.js'
import type {Actor} from '../services/context.js'
import type {Db} from '../store/database.js'
import type {AccountRow} from '../store/schema.js'
import {hashSecret} from '../store/secret-hash.js'

// Who is signed in to the dashboard. A session is a row in the store (so every instance sharing it
// knows the session) keyed by the SHA-256 of a random cookie value, as every credential here is
// kept. It is bound to the API key it was opened with: when the account's key changes, its
// sessions stop working, so the dashboard never outlives, or does more than, the key behind it.
// A one-time sign-in link (`addonkit dashboard`) is a row too: valid a minute, used once.

export const SESSION_MS = 12 * 60 * 60_000
export const SIGN_IN_LINK_MS = 60_000

// A message for the next page the session shows (after a POST that redirects).
export interface Flash {
  kind: 'notice' | 'error'
  text: string
}

export interface DashboardSession {
  account: AccountRow
  // the value of hidden `_csrf` fields and of the X-CSRF-Token header for this session
  csrfToken: string
  flash: Flash | null
  expiresAt: string
  // what the store knows the session by (never the cookie value)
  idHash: string
}

export interface SessionOptions {
  sessionMs?: number
  linkMs?: number
  now?: () => number
}

const newSecret = () => randomBytes(32).toString('base64url')
// the CSRF token is derived from the cookie value, which only the signed-in browser holds
const csrfFor = (cookieValue: string) => createHmac('sha256', cookieValue).update('addonkit dashboard csrf').digest('base64url')

export class DashboardSessions {
  private readonly sessionMs: number
  private readonly linkMs: number
  private readonly now: () => number

  constructor(private readonly db: Db, private readonly accounts: AccountsService, options: SessionOptions = {}) {
    this.sessionMs = options.sessionMs ?? SESSION_MS
    this.linkMs = options.linkMs ?? SIGN_IN_LINK_MS
    this.now = options.now ?? Date.now
  }

  private at(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString()
  }

  // `/dashboard/login`: the account whose API key this is; undefined for any other string.
  async signInWithKey(apiKey: string): Promise<string | undefined> {
    const account = apiKey === '' ? undefined : await this.accounts.byApiKey(apiKey)
    return account ? this.open(account) : undefined
  }

  // POST /account/dashboard-links: a link for the caller's browser, landing on `landing`.
  async createLink(actor: Actor, landing: string): Promise<{token: string; expiresAt: string}> {
    const token = newSecret()
    const expiresAt = this.at(this.linkMs)
    await this.db.deleteFrom('dashboard_sign_in_links').where('expires_at', '<', this.at()).execute()
    await this.db.insertInto('dashboard_sign_in_links').values({
      token_hash: hashSecret(token), account_id: actor.id, api_key_hash: actor.api_key_hash, landing, expires_at: expiresAt, created_at: this.at(),
    }).execute()
    return {token, expiresAt}
  }

  // The link's session and where it lands, or undefined when it is unknown, used, expired, or its
  // account's key has changed since. Deleting the row is what uses it: of two browsers opening the
  // same link at once, only the one whose DELETE removed the row gets in.
  async redeemLink(token: string): Promise<{cookieValue: string; landing: string} | undefined> {
    const hash = hashSecret(token)
    const link = await this.db.selectFrom('dashboard_sign_in_links').selectAll().where('token_hash', '=', hash).executeTakeFirst()
    if (!link) return undefined
    const deleted = await this.db.deleteFrom('dashboard_sign_in_links').where('token_hash', '=', hash).executeTakeFirst()
    if (Number(deleted.numDeletedRows) !== 1 || link.expires_at < this.at()) return undefined
    const account = await this.accountWithKey(link.account_id, link.api_key_hash)
    return account ? {cookieValue: await this.open(account), landing: link.landing} : undefined
  }

  async find(cookieValue: string | undefined): Promise<DashboardSession | undefined> {
    if (!cookieValue) return undefined
    const idHash = hashSecret(cookieValue)
    const row = await this.db.selectFrom('dashboard_sessions')
      .innerJoin('accounts', 'accounts.id', 'dashboard_sessions.account_id')
      .selectAll('accounts')
      .select(['dashboard_sessions.expires_at as session_expires_at', 'dashboard_sessions.flash as session_flash', 'dashboard_sessions.api_key_hash as session_key_hash'])
      .where('dashboard_sessions.id_hash', '=', idHash)
      .executeTakeFirst()
    if (!row || row.session_expires_at < this.at() || row.session_key_hash !== row.api_key_hash) return undefined
    const {session_expires_at: expiresAt, session_flash: flash, session_key_hash: _, ...account} = row
    return {account, csrfToken: csrfFor(cookieValue), flash: flash === null ? null : (JSON.parse(flash) as Flash), expiresAt, idHash}
  }

  // Constant-time: a wrong token takes as long as a nearly right one.
  csrfMatches(session: DashboardSession, given: unknown): boolean {
    const expected = Buffer.from(session.csrfToken)
    const actual = Buffer.from(typeof given === 'string' ? given : '')
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  }

  async setFlash(session: DashboardSession, flash: Flash): Promise<void> {
    await this.db.updateTable('dashboard_sessions').set({flash: JSON.stringify(flash)}).where('id_hash', '=', session.idHash).execute()
  }

  // Read once: cleared as the page that shows it is drawn.
  async takeFlash(session: DashboardSession): Promise<Flash | null> {
    if (session.flash === null) return null
    await this.db.updateTable('dashboard_sessions').set({flash: null}).where('id_hash', '=', session.idHash).execute()
    return session.flash
  }

  async end(cookieValue: string | undefined): Promise<void> {
    if (!cookieValue) return
    await this.db.deleteFrom('dashboard_sessions').where('id_hash', '=', hashSecret(cookieValue)).execute()
  }

  get lifetimeMs(): number {
    return this.sessionMs
  }

  private async open(account: AccountRow): Promise<string> {
    const cookieValue = newSecret()
    await this.db.deleteFrom('dashboard_sessions').where('expires_at', '<', this.at()).execute()
    await this.db.insertInto('dashboard_sessions').values({
      id_hash: hashSecret(cookieValue), account_id: account.id, api_key_hash: account.api_key_hash, flash: null, expires_at: this.at(this.sessionMs), created_at: this.at(),
    }).execute()
    return cookieValue
  }

  private async accountWithKey(accountId: string, apiKeyHash: string): Promise<AccountRow | undefined> {
    const account = await this.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst()
    return account && account.api_key_hash === apiKeyHash ? account : undefined
  }
}
