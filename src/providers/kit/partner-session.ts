import got, {type Got} from 'got'
import type {PartnerTokens} from './partner-tokens.js'

const ACCEPT = 'application/vnd.heroku+json; version=3'

// A token this close to its end is refreshed before use rather than risked.
const REFRESH_MARGIN_MS = 60_000

// Where a provider reaches the platform about one add-on: the provision's callback_url is the
// add-on's URL on the Platform API (https://api.heroku.com/addons/{uuid} on Heroku); grants are
// exchanged on Heroku's identity host there, and on the same host elsewhere (the local platform
// serves both). The API's root is what comes before `/addons/{uuid}`.
export function platformEndpoints(callbackUrl: string): {addonUrl: string; tokenUrl: string; apiUrl: string} {
  const url = new URL(callbackUrl)
  const tokenUrl = url.hostname === 'api.heroku.com' ? 'https://id.heroku.com/oauth/token' : `${url.origin}/oauth/token`
  const addonUrl = callbackUrl.replace(/\/+$/, '')
  const apiUrl = addonUrl.replace(/\/addons\/[^/]+$/, '')
  return {addonUrl, tokenUrl, apiUrl}
}

export interface PartnerSessionOptions {
  // the provision's callback_url
  callbackUrl: string
  // the secret the platform checks at the grant exchange (the local platform: api.password)
  clientSecret: string
  // tokens kept from an earlier exchange, and where new ones go (before they are used)
  stored?: PartnerTokens
  save?(tokens: PartnerTokens): Promise<void>
  now?: () => number
  // How hard a call tries: by default 3 retries of transient failures within 30 s each. A caller on
  // a timer (metrics lines) gives 0 and a short time-out: the next round is its retry.
  retries?: number
  timeoutMs?: number
}

/**
 * One add-on's partner token (Heroku's Platform API for Partners): the provision's grant spent at
 * once for an access and a refresh token, the access token refreshed when it nears its end (one
 * refresh at a time: a second would spend a refresh token the first already spent), every new pair
 * saved before use. `http` is a client for the platform that retries transient failures (429, 5xx).
 */
export class PartnerSession {
  readonly http: Got
  readonly endpoints: ReturnType<typeof platformEndpoints>
  private tokens?: PartnerTokens
  private refreshing?: Promise<PartnerTokens>
  private exchanging?: Promise<void>
  private readonly now: () => number

  constructor(private readonly options: PartnerSessionOptions) {
    this.endpoints = platformEndpoints(options.callbackUrl)
    this.tokens = options.stored
    this.now = options.now ?? Date.now
    this.http = got.extend({
      headers: {accept: ACCEPT, 'user-agent': 'addonkit-provider-kit'},
      timeout: {request: options.timeoutMs ?? 30_000},
      retry: {limit: options.retries ?? 3, methods: ['GET', 'PATCH', 'POST', 'DELETE'], statusCodes: [408, 429, 500, 502, 503, 504]},
    })
  }

  get exchanged(): boolean {
    return this.tokens !== undefined
  }

  // Spends a grant for tokens. Not retried: a grant is spent by the first exchange that reaches the platform.
  async exchange(grantCode: string): Promise<void> {
    if (this.tokens) return
    this.exchanging ??= this.requestTokens({grant_type: 'authorization_code', code: grantCode}, 0).then((tokens) => this.keep(tokens))
    await this.exchanging
  }

  // Resolves once an exchange under way has ended (whether or not it succeeded): a caller that asks
  // for the client just after a provision gets it rather than racing the exchange.
  async settled(): Promise<void> {
    await this.exchanging?.catch(() => {})
  }

  async authorization(): Promise<{authorization: string}> {
    if (!this.tokens) throw new Error('no partner token: the grant was never exchanged')
    if (this.tokens.expires_at - REFRESH_MARGIN_MS <= this.now() && this.tokens.refresh_token) await this.refresh()
    return {authorization: `Bearer ${this.tokens.access_token}`}
  }

  private refresh(): Promise<PartnerTokens> {
    this.refreshing ??= (async () => {
      const fresh = await this.requestTokens({grant_type: 'refresh_token', refresh_token: this.tokens!.refresh_token!}, this.options.retries ?? 3)
      await this.keep(fresh)
      return fresh
    })().finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  private async keep(tokens: PartnerTokens): Promise<void> {
    await this.options.save?.(tokens)
    this.tokens = tokens
  }

  private async requestTokens(form: Record<string, string>, retries: number): Promise<PartnerTokens> {
    const answer = await this.http
      .post(this.endpoints.tokenUrl, {form: {...form, client_secret: this.options.clientSecret}, retry: {limit: retries}})
      .json<{access_token: string; refresh_token?: string; expires_in?: number}>()
    // without expires_in, Heroku's eight hours
    return {
      addon_url: this.endpoints.addonUrl,
      access_token: answer.access_token,
      ...(answer.refresh_token ? {refresh_token: answer.refresh_token} : {}),
      expires_at: this.now() + (answer.expires_in ?? 8 * 3600) * 1000,
    }
  }
}
