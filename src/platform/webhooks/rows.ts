import type {Db, Tx} from '../store/database.js'
import type {WebhookDeliveryRow, WebhookEventRow, WebhookRow} from '../store/schema.js'

// The webhook tables' queries. A subscriber is an app (its owner's webhooks) or an add-on (its
// provider's); every read and change goes through one of them, so nobody reaches another's rows.
export type SubscriberRef = {appId: string} | {addonId: string}

function bySubscriber<Q extends {where: (...args: any[]) => Q}>(query: Q, subscriber: SubscriberRef, column = 'webhooks'): Q {
  return 'appId' in subscriber ? query.where(`${column}.app_id`, '=', subscriber.appId) : query.where(`${column}.addon_id`, '=', subscriber.addonId)
}

export function webhooksOf(db: Db | Tx, subscriber: SubscriberRef): Promise<WebhookRow[]> {
  return bySubscriber(db.selectFrom('webhooks').selectAll(), subscriber).orderBy('created_at').orderBy('id').execute()
}

export function webhookOf(db: Db | Tx, subscriber: SubscriberRef, id: string): Promise<WebhookRow | undefined> {
  return bySubscriber(db.selectFrom('webhooks').selectAll(), subscriber).where('webhooks.id', '=', id).executeTakeFirst()
}

// The subscriptions that hear about an app: its own, those of the add-ons attached to it, and those
// of the add-ons named (the subject of an add-on or attachment event).
export function listeningWebhooks(db: Db | Tx, appId: string, addonIds: string[]): Promise<Pick<WebhookRow, 'id' | 'include'>[]> {
  return db.selectFrom('webhooks').select(['id', 'include'])
    .where((eb) => eb.or([
      eb('app_id', '=', appId),
      // from the subscriptions' side: an app with 500 attachments and no add-on webhooks costs nothing
      eb.exists(eb.selectFrom('attachments').select('attachments.id').whereRef('attachments.addon_id', '=', 'webhooks.addon_id').where('attachments.app_id', '=', appId)),
      ...(addonIds.length > 0 ? [eb('addon_id', 'in', addonIds)] : []),
    ]))
    .execute()
}

// Removes subscriptions with their deliveries (nothing more is sent for them) and the events no
// other subscription still has a delivery of.
export async function removeWebhooks(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const events = await tx.selectFrom('webhook_deliveries').select('event_id').distinct().where('webhook_id', 'in', ids).execute()
  await tx.deleteFrom('webhook_deliveries').where('webhook_id', 'in', ids).execute()
  await tx.deleteFrom('webhooks').where('id', 'in', ids).execute()
  const eventIds = events.map((e) => e.event_id)
  for (let i = 0; i < eventIds.length; i += 500) {
    await tx.deleteFrom('webhook_events')
      .where('id', 'in', eventIds.slice(i, i + 500))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('webhook_deliveries').select('id').whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id'))))
      .execute()
  }
}

// Part of an app's destroy, or an add-on's removal: its subscriptions go with it.
export async function removeSubscriberWebhooks(tx: Tx, subscriber: SubscriberRef): Promise<void> {
  const ids = (await bySubscriber(tx.selectFrom('webhooks').select('id'), subscriber).execute()).map((w) => w.id)
  await removeWebhooks(tx, ids)
}

// Deliveries of the subscriber's webhooks, with what a delivery shows of its event and webhook.
export function deliveriesOf(db: Db | Tx, subscriber: SubscriberRef) {
  return bySubscriber(
    db.selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
      .selectAll('webhook_deliveries')
      .select(['webhooks.level as webhook_level', 'webhook_events.include as event_include']),
    subscriber,
  )
}

export type DeliveryListRow = WebhookDeliveryRow & {webhook_level: string; event_include: string}

// Events with a delivery to one of the subscriber's webhooks.
export function eventsOf(db: Db | Tx, subscriber: SubscriberRef) {
  return db.selectFrom('webhook_events').selectAll()
    .where('id', 'in', (eb) => bySubscriber(
      eb.selectFrom('webhook_deliveries').innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id').select('webhook_deliveries.event_id'),
      subscriber,
    ))
}

export type EventRow = WebhookEventRow

// What delivery attempts need: each delivery, its subscription and its event (none for a delivery
// whose subscription is gone); by the deliveries' ids, or every delivery of the events named.
export function deliveriesToSend(db: Db | Tx, ids: string[]) {
  return sendableDeliveries(db).where('webhook_deliveries.id', 'in', ids).execute()
}

export function eventDeliveriesToSend(db: Db | Tx, eventIds: string[]) {
  return sendableDeliveries(db).where('webhook_deliveries.event_id', 'in', eventIds).execute()
}

function sendableDeliveries(db: Db | Tx) {
  return db.selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_deliveries.id', 'webhook_deliveries.status', 'webhook_deliveries.num_attempts', 'webhook_deliveries.created_at', 'webhook_deliveries.last_attempt_id',
      'webhooks.id as webhook_id', 'webhooks.url', 'webhooks.secret', 'webhooks.authorization_header', 'webhooks.level',
      'webhook_events.id as event_id', 'webhook_events.include', 'webhook_events.resource', 'webhook_events.action',
      'webhook_events.actor_id', 'webhook_events.actor_email', 'webhook_events.data', 'webhook_events.previous_data',
      'webhook_events.created_at as event_created_at', 'webhook_events.updated_at as event_updated_at',
    ])
}
