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

/**
 * The calls that end an asynchronous provision (partner API v3): exchange the provision's OAuth
 * grant for a token scoped to the add-on, then set its config and mark it provisioned, or mark it
 * deprovisioned when building it failed. Transient failures (429, 5xx, no answer) are retried.
 */
export class PlatformCallback {
  private readonly http: Got
  private token?: string

  constructor(
    private readonly callbackUrl: string,
    private readonly grant: OAuthGrant,
    // the secret the platform checks at the grant exchange (the local platform: api.password)
    private readonly clientSecret: string,
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

  private async authorization(): Promise<{authorization: string}> {
    if (!this.token) {
      const {tokenUrl} = platformEndpoints(this.callbackUrl)
      const form = {grant_type: 'authorization_code', code: this.grant.code, client_secret: this.clientSecret}
      // not retried: a grant is spent by the first exchange that reaches the platform
      const answer = await this.http.post(tokenUrl, {form, retry: {limit: 0}}).json<{access_token: string}>()
      this.token = answer.access_token
    }
    return {authorization: `Bearer ${this.token}`}
  }
}
