import {randomUUID} from 'node:crypto'
import type {Actor, ServiceContext} from '../services/context.js'
import {addonNotFound, notFound} from '../services/errors.js'
import {addonById, findApp} from '../services/lookup.js'
import type {WebhookRow} from '../store/schema.js'
import {removeWebhooks, webhookOf, webhooksOf, type SubscriberRef} from './rows.js'
import {checkInclude, checkLevel, checkUrl, newSubscription, secretFor, type SubscriptionInput} from './subscription-input.js'
import type {Subscriber} from './views.js'

// Who asks: the owner of an app (app webhooks) or the provider of an add-on, holding that add-on's
// partner token (add-on webhooks).
export type WebhookCaller = {actor: Actor; app: string} | {partnerAddonId: string}

export interface SubscriptionResult {
  subscriber: Subscriber
  webhook: WebhookRow
  // set when the platform made the secret: the only time it is shown
  generatedSecret?: string
}

export const webhookNotFound = () => notFound('webhook', "Couldn't find that webhook.")

// Webhook subscriptions of apps and add-ons: the rules (valid includes, levels and URLs, a secret for
// every subscription) and the rows.
export class WebhookSubscriptions {
  constructor(private readonly ctx: ServiceContext) {}

  async subscriber(caller: WebhookCaller): Promise<Subscriber> {
    if ('app' in caller) {
      const app = await findApp(this.ctx.store.db, caller.actor, caller.app)
      return {kind: 'app', id: app.id, name: app.name}
    }
    const addon = await addonById(this.ctx.store.db, caller.partnerAddonId)
    if (!addon) throw addonNotFound()
    return {kind: 'addon', id: addon.id, name: addon.name}
  }

  async list(caller: WebhookCaller): Promise<{subscriber: Subscriber; webhooks: WebhookRow[]}> {
    const subscriber = await this.subscriber(caller)
    return {subscriber, webhooks: await webhooksOf(this.ctx.store.db, refOf(subscriber))}
  }

  async info(caller: WebhookCaller, id: string): Promise<SubscriptionResult> {
    const subscriber = await this.subscriber(caller)
    return {subscriber, webhook: await this.find(subscriber, id)}
  }

  async create(caller: WebhookCaller, input: SubscriptionInput): Promise<SubscriptionResult> {
    const fields = newSubscription(input)
    const {secret, generated} = secretFor(input.secret)
    const subscriber = await this.subscriber(caller)
    const at = new Date().toISOString()
    const webhook: WebhookRow = {
      id: randomUUID(), app_id: subscriber.kind === 'app' ? subscriber.id : null, addon_id: subscriber.kind === 'addon' ? subscriber.id : null,
      include: JSON.stringify(fields.include), level: fields.level, url: fields.url, secret, authorization_header: input.authorization ?? null,
      created_at: at, updated_at: at,
    }
    await this.ctx.store.db.insertInto('webhooks').values(webhook).execute()
    return {subscriber, webhook, ...(generated ? {generatedSecret: secret} : {})}
  }

  // Only the fields given change; a null secret asks for a new generated one.
  async update(caller: WebhookCaller, id: string, input: SubscriptionInput): Promise<SubscriptionResult> {
    const subscriber = await this.subscriber(caller)
    const current = await this.find(subscriber, id)
    const changes: Partial<WebhookRow> = {updated_at: new Date().toISOString()}
    if (input.include !== undefined) changes.include = JSON.stringify(checkInclude(input.include))
    if (input.level !== undefined) changes.level = checkLevel(input.level)
    if (input.url !== undefined) changes.url = checkUrl(input.url)
    if (input.authorization !== undefined) changes.authorization_header = input.authorization
    let generatedSecret: string | undefined
    if (input.secret !== undefined) {
      const {secret, generated} = secretFor(input.secret)
      changes.secret = secret
      if (generated) generatedSecret = secret
    }
    await this.ctx.store.db.updateTable('webhooks').set(changes).where('id', '=', current.id).execute()
    return {subscriber, webhook: {...current, ...changes}, ...(generatedSecret === undefined ? {} : {generatedSecret})}
  }

  // Deliveries not yet made are dropped with the subscription.
  async destroy(caller: WebhookCaller, id: string): Promise<SubscriptionResult> {
    const subscriber = await this.subscriber(caller)
    const webhook = await this.ctx.store.transaction(async (tx) => {
      const row = await webhookOf(tx, refOf(subscriber), id)
      if (!row) throw webhookNotFound()
      await removeWebhooks(tx, [row.id])
      return row
    })
    return {subscriber, webhook}
  }

  private async find(subscriber: Subscriber, id: string): Promise<WebhookRow> {
    const row = await webhookOf(this.ctx.store.db, refOf(subscriber), id)
    if (!row) throw webhookNotFound()
    return row
  }
}

export function refOf(subscriber: Subscriber): SubscriberRef {
  return subscriber.kind === 'app' ? {appId: subscriber.id} : {addonId: subscriber.id}
}
