import got, {type Got} from 'got'

export interface OAuthGrant {
  code: string
  type?: string
  expires_at?: string
}

const ACCEPT = 'application/vnd.heroku+json; version=3'

// Where a provider reaches the platform about one add-on: the provision's callback_url is the
// add-on's URL on the Platform API (https://api.heroku.com/addons/{uuid} on Heroku); grants are
// exchanged on Heroku's identity host there, and on the same host elsewhere (the local platform
// serves both).
export function platformEndpoints(callbackUrl: string): {addonUrl: string; tokenUrl: string} {
  const url = new URL(callbackUrl)
  const tokenUrl = url.hostname === 'api.heroku.com' ? 'https://id.heroku.com/oauth/token' : `${url.origin}/oauth/token`
  return {addonUrl: callbackUrl.replace(/\/+$/, ''), tokenUrl}
}

interface Tokens {
  access: string
  refresh?: string
  // when the access token stops working, in ms since the epoch
  expiresAt: number
}

// A token this close to its end is refreshed before use rather than risked.
const REFRESH_MARGIN_MS = 60_000

/**
 * The calls that end an asynchronous provision (partner API v3): exchange the provision's OAuth
 * grant for a token scoped to the add-on (at once: a grant lasts minutes, a build may take hours),
 * refresh the token when it is about to expire, then set the config and mark the add-on provisioned,
 * or mark it deprovisioned when building it failed. Transient failures (429, 5xx, no answer) are retried.
 */
export class PlatformCallback {
  private readonly http: Got
  private tokens?: Tokens

  constructor(
    private readonly callbackUrl: string,
    private readonly grant: OAuthGrant,
    // the secret the platform checks at the grant exchange (the local platform: api.password)
    private readonly clientSecret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.http = got.extend({
      headers: {accept: ACCEPT, 'user-agent': 'addonkit-provider-kit'},
      timeout: {request: 30_000},
      retry: {limit: 3, methods: ['GET', 'PATCH', 'POST'], statusCodes: [408, 429, 500, 502, 503, 504]},
    })
  }

  async provisioned(config: Record<string, string>): Promise<void> {
    const headers = await this.authorization()
    const {addonUrl} = platformEndpoints(this.callbackUrl)
    const items = Object.entries(config).map(([name, value]) => ({name, value}))
    if (items.length > 0) await this.http.patch(`${addonUrl}/config`, {headers, json: {config: items}})
    await this.http.post(`${addonUrl}/actions/provision`, {headers})
  }

  async failed(): Promise<void> {
    const headers = await this.authorization()
    await this.http.post(`${platformEndpoints(this.callbackUrl).addonUrl}/actions/deprovision`, {headers})
  }

  // Spends the grant for tokens, once; called as soon as the 202 is sent.
  async exchange(): Promise<void> {
    if (this.tokens) return
    // not retried: a grant is spent by the first exchange that reaches the platform
    this.tokens = await this.requestTokens({grant_type: 'authorization_code', code: this.grant.code}, 0)
  }

  private async authorization(): Promise<{authorization: string}> {
    if (!this.tokens) await this.exchange()
    else if (this.tokens.expiresAt - REFRESH_MARGIN_MS <= this.now() && this.tokens.refresh) {
      this.tokens = await this.requestTokens({grant_type: 'refresh_token', refresh_token: this.tokens.refresh}, 3)
    }
    return {authorization: `Bearer ${this.tokens!.access}`}
  }

  private async requestTokens(form: Record<string, string>, retries: number): Promise<Tokens> {
    const {tokenUrl} = platformEndpoints(this.callbackUrl)
    const answer = await this.http
      .post(tokenUrl, {form: {...form, client_secret: this.clientSecret}, retry: {limit: retries}})
      .json<{access_token: string; refresh_token?: string; expires_in?: number}>()
    // without expires_in, Heroku's eight hours
    return {access: answer.access_token, refresh: answer.refresh_token, expiresAt: this.now() + (answer.expires_in ?? 8 * 3600) * 1000}
  }
}
