import {randomUUID} from 'node:crypto'
import {WEBHOOK_INCLUDES, type WebhookAction, type WebhookActor, type WebhookInclude} from '../../wire/webhooks.js'
import {jobRow} from '../jobs/queue.js'
import {wakeWorkerAfterCommit} from '../jobs/wake.js'
import type {Tx} from '../store/database.js'
import {isPostgres} from '../store/dialect.js'
import type {JobRow, WebhookEventRow} from '../store/schema.js'
import {listeningWebhooks} from './rows.js'

// An event's job: its deliveries made, and their first attempts (delivery/event-delivery.ts).
export const WEBHOOK_EVENT_JOB = 'webhook-event'

export interface WebhookEventJob {
  event_id: string
  // who hears it, as it was when the change was made
  webhook_ids: string[]
  // the change's time: its deliveries' creation time (their retry window runs from it)
  at: string
}

// A delivery's later attempts, one job each (delivery/delivery.ts).
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
// the change is answered (delivery/event-delivery.ts), so a change costs two rows however many listen. A
// change that rolls back takes its event with it; one that commits cannot lose it, whatever happens
// to this process next. Nothing is written when nobody listens. Returns the event's id, if one was written.
export async function publish(tx: Tx, input: PublishInput): Promise<string | undefined> {
  return (await publishAll(tx, [input]))[0]
}

// Several events of one change, about one app and heard by the same add-ons (an add-on created: the
// add-on and its attachment): who listens is asked once, and on PostgreSQL the events and their jobs
// are one statement (each statement is a round trip there; on SQLite it costs none).
export async function publishAll(tx: Tx, inputs: PublishInput[]): Promise<Array<string | undefined>> {
  if (inputs.length === 0) return []
  const {appId} = inputs[0]
  const addonIds = inputs[0].addonIds ?? []
  if (inputs.some((i) => i.appId !== appId || String(i.addonIds ?? []) !== String(addonIds))) {
    throw new Error('publishAll: events of one app, heard by the same add-ons')
  }
  const listening = (await listeningWebhooks(tx, appId, addonIds)).map((w) => ({id: w.id, include: JSON.parse(w.include) as string[]}))
  const at = new Date()
  const events: WebhookEventRow[] = []
  const jobs: JobRow[] = []
  const ids: Array<string | undefined> = []
  for (const input of inputs) {
    const webhookIds = listening.filter((w) => w.include.includes(input.include)).map((w) => w.id)
    if (webhookIds.length === 0) {
      ids.push(undefined)
      continue
    }
    const event = await eventRow(input, at.toISOString())
    events.push(event)
    jobs.push(jobRow(WEBHOOK_EVENT_JOB, {payload: {event_id: event.id, webhook_ids: webhookIds, at: event.created_at} satisfies WebhookEventJob}, at))
    ids.push(event.id)
  }
  if (events.length === 0) return ids
  if (isPostgres(tx)) await tx.with('events', (db) => db.insertInto('webhook_events').values(events)).insertInto('jobs').values(jobs).execute()
  else {
    await tx.insertInto('webhook_events').values(events).execute()
    await tx.insertInto('jobs').values(jobs).execute()
  }
  // its deliveries go out as soon as the change commits, not at the worker's next poll
  wakeWorkerAfterCommit(tx)
  return ids
}

async function eventRow(input: PublishInput, at: string): Promise<WebhookEventRow> {
  const id = randomUUID()
  return {
    id, app_id: input.appId, include: input.include, resource: resourceOf(input.include), action: input.action,
    actor_id: input.actor.id, actor_email: input.actor.email,
    data: JSON.stringify(await resolve(input.data)), previous_data: JSON.stringify((await resolve(input.previousData)) ?? {}),
    seq: sequenceKey(at, id), created_at: at, updated_at: at,
  }
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
