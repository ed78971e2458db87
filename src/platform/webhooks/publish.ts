import {randomUUID} from 'node:crypto'
import {WEBHOOK_INCLUDES, type WebhookAction, type WebhookActor, type WebhookInclude} from '../../wire/webhooks.js'
import {insertJob} from '../jobs/queue.js'
import {afterCommit, type Db, type Tx} from '../store/database.js'
import type {WebhookEventRow} from '../store/schema.js'
import {listeningWebhooks} from './rows.js'

// An event's job: its deliveries made, and their first attempts (event-delivery.ts).
export const WEBHOOK_EVENT_JOB = 'webhook-event'

export interface WebhookEventJob {
  event_id: string
  // who hears it, as it was when the change was made
  webhook_ids: string[]
  // the change's time: its deliveries' creation time (their retry window runs from it)
  at: string
}

// A delivery's later attempts, one job each (delivery.ts).
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery'

export interface WebhookDeliveryJob {
  delivery_id: string
}

type Lazy<T> = T | (() => Promise<T>)

export interface PublishInput {
  // the app the event is about: its webhooks, and those of every add-on attached to it, hear it
  appId: string
  include: WebhookInclude
  action: WebhookAction
  actor: WebhookActor
  // the resource's Platform API representation; built only when someone listens
  data: Lazy<Record<string, unknown>>
  // an update's changed fields with their old values
  previousData?: Lazy<Record<string, unknown>>
  // add-ons that hear the event though they may not be attached to the app (any longer): the add-on
  // an attachment or add-on event is about
  addonIds?: string[]
}

// Writes an event about an app in the caller's transaction (the outbox): the event row and one job
// naming the subscriptions that include its entity, which makes the deliveries and sends them once
// the change is answered (event-delivery.ts), so a change costs two rows however many listen. A
// change that rolls back takes its event with it; one that commits cannot lose it, whatever happens
// to this process next. Nothing is written when nobody listens. Returns the event's id, if one was written.
export async function publish(tx: Tx, input: PublishInput): Promise<string | undefined> {
  const webhooks = (await listeningWebhooks(tx, input.appId, input.addonIds ?? []))
    .filter((w) => (JSON.parse(w.include) as string[]).includes(input.include))
  if (webhooks.length === 0) return undefined
  const at = new Date().toISOString()
  const id = randomUUID()
  const event: WebhookEventRow = {
    id, app_id: input.appId, include: input.include, resource: resourceOf(input.include), action: input.action,
    actor_id: input.actor.id, actor_email: input.actor.email,
    data: JSON.stringify(await resolve(input.data)), previous_data: JSON.stringify((await resolve(input.previousData)) ?? {}),
    seq: sequenceKey(at, id), created_at: at, updated_at: at,
  }
  await tx.insertInto('webhook_events').values(event).execute()
  await insertJob(tx, WEBHOOK_EVENT_JOB, {event_id: id, webhook_ids: webhooks.map((w) => w.id), at} satisfies WebhookEventJob)
  const wake = wakers.get(adapterOf(tx))
  if (wake) afterCommit(tx, wake)
  return id
}

// `api:addon-attachment` → `addon-attachment`
export function resourceOf(include: WebhookInclude): string {
  return include.slice('api:'.length)
}

export function isWebhookInclude(value: string): value is WebhookInclude {
  return (WEBHOOK_INCLUDES as readonly string[]).includes(value)
}

// List order of events and deliveries: by time, then by id (ISO times of one width sort as text).
export function sequenceKey(at: string, id: string): string {
  return `${at}|${id}`
}

// The fields of `after` whose value differs in `before`, with their values in `before`.
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {}
  for (const key of Object.keys(before)) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key]
  return changed
}

async function resolve<T>(value: Lazy<T> | undefined): Promise<T | undefined> {
  return typeof value === 'function' ? (value as () => Promise<T>)() : value
}

// An event's deliveries go out when the transaction commits rather than at the next poll: each
// platform tells which worker to wake for its store. A transaction shares its store's adapter (one
// per store), which is how a transaction finds its platform's worker without being handed it.
const wakers = new WeakMap<object, () => void>()

export function wakeOnPublish(db: Db, wake: () => void): void {
  wakers.set(adapterOf(db), wake)
}

function adapterOf(db: Db | Tx): object {
  return db.getExecutor().adapter
}
