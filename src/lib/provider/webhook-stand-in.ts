import {randomBytes, randomUUID} from 'node:crypto'
import {signWebhookBody, WEBHOOK_SIGNATURE_HEADER} from '../../wire/webhook-signing.js'
import {
  WEBHOOK_INCLUDES, WEBHOOK_LEVELS, WEBHOOK_SECRET_HEADER, type AddonWebhook, type WebhookInclude, type WebhookLevel,
} from '../../wire/webhooks.js'
import type {PartnerSamples} from './partner-samples.js'

// How a receiver answered one sample delivery: its status, or why none came.
export interface DeliveryOutcome {
  status?: number
  error?: string
}

export interface StandInSubscription {
  webhook: AddonWebhook
  secret: string
  authorization?: string
  // the sample event signed with the subscription's secret, once answered
  sample?: DeliveryOutcome
  // the same event signed with another secret, which a receiver should refuse
  forged?: DeliveryOutcome
}

export interface StandInAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/**
 * The add-on webhooks of one add-on on provider:test's partner API stand-in: a subscription is
 * checked as the platform checks it (includes it publishes, notify or sync, an http(s) URL), and
 * its URL is sent one sample event at once, signed with the subscription's secret and carrying its
 * Authorization, then a copy signed with another secret. What the receiver answered is kept.
 */
export class WebhookStandIn {
  readonly subscriptions: StandInSubscription[] = []
  // refused subscriptions, in words
  readonly refusals: string[] = []
  private readonly deliveries = new Set<Promise<void>>()

  constructor(
    private readonly samples: PartnerSamples,
    private readonly timeoutMs: number,
  ) {}

  get delivering(): boolean {
    return this.deliveries.size > 0
  }

  list(): StandInAnswer {
    return {status: 200, body: this.subscriptions.map((s) => s.webhook)}
  }

  destroy(id: string): StandInAnswer {
    const index = this.subscriptions.findIndex((s) => s.webhook.id === id)
    if (index < 0) return {status: 404, body: {id: 'not_found', message: "Couldn't find that webhook."}}
    return {status: 200, body: this.subscriptions.splice(index, 1)[0].webhook}
  }

  create(body: unknown): StandInAnswer {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    const problem = subscriptionProblem(input)
    if (problem) {
      this.refusals.push(problem)
      return {status: 422, body: {id: 'invalid_params', message: problem}}
    }
    const now = new Date().toISOString()
    const addon = this.samples.addon('provisioned')
    const webhook: AddonWebhook = {
      id: randomUUID(), addon: {id: addon.id, name: addon.name}, include: [...new Set(input.include as WebhookInclude[])], level: input.level as WebhookLevel,
      url: input.url as string, created_at: now, updated_at: now,
    }
    const given = typeof input.secret === 'string' && input.secret !== '' ? input.secret : undefined
    const subscription: StandInSubscription = {
      webhook, secret: given ?? randomBytes(24).toString('base64url'), ...(typeof input.authorization === 'string' ? {authorization: input.authorization} : {}),
    }
    this.subscriptions.push(subscription)
    this.track(this.sendSamples(subscription))
    return {status: 201, body: webhook, ...(given ? {} : {headers: {[WEBHOOK_SECRET_HEADER]: subscription.secret}})}
  }

  // resolves when every sample delivery under way has been answered
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries])
  }

  private track(delivery: Promise<void>): void {
    this.deliveries.add(delivery)
    void delivery.finally(() => this.deliveries.delete(delivery))
  }

  private async sendSamples(subscription: StandInSubscription): Promise<void> {
    const event = JSON.stringify(this.samples.event(subscription.webhook.include[0] as WebhookInclude, subscription.webhook))
    subscription.sample = await this.post(subscription, event, signWebhookBody(subscription.secret, event))
    subscription.forged = await this.post(subscription, event, signWebhookBody(`not-${subscription.secret}`, event))
  }

  private async post(subscription: StandInSubscription, body: string, signature: string): Promise<DeliveryOutcome> {
    try {
      const response = await fetch(subscription.webhook.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature, 'user-agent': 'addonkit-provider-test',
          ...(subscription.authorization === undefined ? {} : {authorization: subscription.authorization}),
        },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      await response.arrayBuffer().catch(() => undefined)
      return {status: response.status}
    } catch (error) {
      const cause = (error as {cause?: {code?: string}}).cause?.code
      return {error: (error as Error).name === 'TimeoutError' ? `no answer within ${Math.round(this.timeoutMs / 1000)} s` : (cause ?? (error as Error).message)}
    }
  }
}

// What the platform would refuse in a subscription, in its words; undefined when it would take it.
function subscriptionProblem(input: Record<string, unknown>): string | undefined {
  const missing = ['include', 'level', 'url'].filter((name) => input[name] === undefined)
  if (missing.length > 0) return `Missing ${missing.join(', ')}: a webhook needs include, level and url.`
  const known = WEBHOOK_INCLUDES as readonly string[]
  if (!Array.isArray(input.include) || input.include.length === 0) return `include must list one or more of: ${known.join(', ')}.`
  const unknown = input.include.filter((item) => typeof item !== 'string' || !known.includes(item))
  if (unknown.length > 0) return `Unknown include ${unknown.map(String).join(', ')}: valid includes are ${known.join(', ')}.`
  if (typeof input.level !== 'string' || !(WEBHOOK_LEVELS as readonly string[]).includes(input.level)) return `level must be notify or sync, not ${JSON.stringify(input.level)}.`
  let url: URL
  try {
    url = new URL(String(input.url))
  } catch {
    return `url ${JSON.stringify(input.url)} is not a URL: give an http or https URL.`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `url must be an http or https URL, not ${url.protocol.replace(/:$/, '')}.`
  return undefined
}
