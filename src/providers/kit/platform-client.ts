import {HTTPError, RequestError, type OptionsOfJSONResponseBody} from 'got'
import type {UsageReport} from '../../wire/billing.js'
import type {Addon, App, Attachment, Domain} from '../../wire/platform-api.js'
import {WEBHOOK_SECRET_HEADER, WEBHOOKS_ACCEPT, type AddonWebhook, type WebhookInclude, type WebhookLevel} from '../../wire/webhooks.js'
import type {PartnerSession} from './partner-session.js'

// A call to the platform that did not succeed: its status (0 when no answer came) and the
// platform's own message.
export class PlatformCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    // the platform's error id (not_found, forbidden...)
    readonly id?: string,
  ) {
    super(message)
    this.name = 'PlatformCallError'
  }
}

export interface SubscribeOptions {
  // the key the platform signs deliveries with (Heroku-Webhook-Hmac-SHA256); without one the
  // platform makes one up and answers it once (`secret` in the result)
  secret?: string
  // sent verbatim as each delivery's Authorization header
  authorization?: string
}

export interface Subscription {
  webhook: AddonWebhook
  // the secret deliveries are signed with: the one given, or the one the platform made up
  secret?: string
}

/**
 * One resource's view of the platform, with its partner token (Heroku's Platform API for
 * Partners): the add-on, its attachments, the apps it is attached to with their owners and
 * domains, and webhook subscriptions for those apps' events. What the token may not read, the
 * platform refuses (PlatformCallError 403; an app the add-on is not attached to, 404).
 */
export class PlatformClient {
  constructor(private readonly session: PartnerSession) {}

  addon(): Promise<Addon> {
    return this.get<Addon>(this.session.endpoints.addonUrl)
  }

  attachments(): Promise<Attachment[]> {
    return this.list<Attachment>(`${this.session.endpoints.addonUrl}/addon-attachments`)
  }

  // An app the add-on is attached to (id or name); by default the add-on's own (billing) app.
  async app(app?: string): Promise<App> {
    return this.get<App>(`${this.session.endpoints.apiUrl}/apps/${encodeURIComponent(app ?? (await this.addon()).app.id)}`)
  }

  // The owner of an app the add-on is attached to (by default its own app): who to write to.
  async owner(app?: string): Promise<App['owner']> {
    return (await this.app(app)).owner
  }

  // That app's domains: its default one first, then the custom ones.
  async domains(app?: string): Promise<Domain[]> {
    return this.list<Domain>(`${this.session.endpoints.apiUrl}/apps/${encodeURIComponent(app ?? (await this.addon()).app.id)}/domains`)
  }

  /**
   * Subscribes `url` to events (`api:release`, `api:domain`...) of the apps the add-on is attached
   * to: `notify` is one attempt per event, `sync` is retried until a 2xx. Deliveries are signed with
   * the secret (webhookReceiver checks them).
   */
  async subscribe(include: WebhookInclude[] | string[], level: WebhookLevel, url: string, options: SubscribeOptions = {}): Promise<Subscription> {
    const json = {include, level, url, ...(options.secret === undefined ? {} : {secret: options.secret}), ...(options.authorization === undefined ? {} : {authorization: options.authorization})}
    const response = await this.call<AddonWebhook>(`${this.session.endpoints.addonUrl}/webhooks`, {method: 'POST', json, headers: {accept: WEBHOOKS_ACCEPT}})
    const generated = response.headers[WEBHOOK_SECRET_HEADER.toLowerCase()]
    const secret = options.secret ?? (typeof generated === 'string' ? generated : undefined)
    return {webhook: response.body, ...(secret === undefined ? {} : {secret})}
  }

  webhooks(): Promise<AddonWebhook[]> {
    return this.list<AddonWebhook>(`${this.session.endpoints.addonUrl}/webhooks`, {accept: WEBHOOKS_ACCEPT})
  }

  async unsubscribe(webhookId: string): Promise<void> {
    await this.call(`${this.session.endpoints.addonUrl}/webhooks/${encodeURIComponent(webhookId)}`, {method: 'DELETE', headers: {accept: WEBHOOKS_ACCEPT}})
  }

  /**
   * Reports usage of the meters of the resource's (metered) plan: `{requests: 1200}`, counted in the
   * month the platform receives it. An addonkit extension (Heroku has no public API for it). `id` is
   * yours and makes the report idempotent: after a failure, send the same id and quantities again
   * (a repeat records nothing more; the same id with other quantities is refused, 409).
   */
  async reportUsage(id: string, meters: Record<string, number>): Promise<UsageReport> {
    return (await this.call<UsageReport>(`${this.session.endpoints.addonUrl}/usage`, {method: 'POST', json: {id, meters}})).body
  }

  private async get<T>(url: string): Promise<T> {
    return (await this.call<T>(url, {method: 'GET'})).body
  }

  // Every page of a list: the platform answers 206 with a Next-Range while more remain.
  private async list<T>(url: string, headers: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = []
    let range: string | undefined
    for (;;) {
      const response = await this.call<T[]>(url, {method: 'GET', headers: {...headers, ...(range ? {range} : {})}})
      items.push(...response.body)
      const next = response.headers['next-range']
      if (response.statusCode !== 206 || typeof next !== 'string') return items
      range = next
    }
  }

  private async call<T>(url: string, options: OptionsOfJSONResponseBody) {
    const {authorization} = await this.session.authorization()
    try {
      return await this.session.http<T>(url, {...options, responseType: 'json', headers: {...options.headers, authorization}})
    } catch (error) {
      throw refusal(options.method ?? 'GET', url, error)
    }
  }
}

function refusal(method: string, url: string, error: unknown): Error {
  const path = new URL(url).pathname
  if (error instanceof HTTPError) {
    const body = error.response.body as {id?: string; message?: string} | string
    const message = typeof body === 'object' && body !== null && typeof body.message === 'string' ? body.message : `HTTP ${error.response.statusCode}`
    const id = typeof body === 'object' && body !== null ? body.id : undefined
    return new PlatformCallError(error.response.statusCode, `${method} ${path}: ${error.response.statusCode} ${message}`, id)
  }
  if (error instanceof RequestError) return new PlatformCallError(0, `${method} ${path}: the platform could not be reached (${error.code ?? error.message})`)
  return error as Error
}
