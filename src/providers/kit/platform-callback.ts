import {PartnerSession} from './partner-session.js'

export interface OAuthGrant {
  code: string
  type?: string
  expires_at?: string
}

/**
 * The calls that end an asynchronous provision (partner API v3): exchange the provision's OAuth
 * grant for a token scoped to the add-on (at once: a grant lasts minutes, a build may take hours),
 * then set the config and mark the add-on provisioned, or mark it deprovisioned when building it
 * failed. The token (refreshed when about to expire) lives in a PartnerSession, which a provider
 * that calls the platform later (PlatformClient) keeps. Transient failures (429, 5xx, no answer) are retried.
 */
export class PlatformCallback {
  constructor(
    callbackUrl: string,
    private readonly grant: OAuthGrant,
    // the secret the platform checks at the grant exchange (the local platform: api.password)
    clientSecret: string,
    now: () => number = Date.now,
    readonly session: PartnerSession = new PartnerSession({callbackUrl, clientSecret, now}),
  ) {}

  async provisioned(config: Record<string, string>): Promise<void> {
    const headers = await this.authorization()
    const {addonUrl} = this.session.endpoints
    const items = Object.entries(config).map(([name, value]) => ({name, value}))
    if (items.length > 0) await this.session.http.patch(`${addonUrl}/config`, {headers, json: {config: items}})
    await this.session.http.post(`${addonUrl}/actions/provision`, {headers})
  }

  async failed(): Promise<void> {
    const headers = await this.authorization()
    await this.session.http.post(`${this.session.endpoints.addonUrl}/actions/deprovision`, {headers})
  }

  // Spends the grant for tokens, once; called as soon as the 202 is sent.
  exchange(): Promise<void> {
    return this.session.exchange(this.grant.code)
  }

  private async authorization(): Promise<{authorization: string}> {
    if (!this.session.exchanged) await this.exchange()
    return this.session.authorization()
  }
}
