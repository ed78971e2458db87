import {createHash, randomUUID} from 'node:crypto'
import {sql} from 'kysely'
import type {Db, Tx} from '../../store/database.js'
import {sequenceKey, type WebhookEventJob} from '../publish.js'

// RFC 4122 name-based (version 5) ids in a namespace of our own: the delivery of an event to a
// subscription has the same id whichever run of the event's job makes it.
const NAMESPACE = Buffer.from('6f1d2a4c8b3e4f5a9c7d0e1f2a3b4c5d', 'hex')

export function deliveryIdOf(eventId: string, webhookId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${eventId}/${webhookId}`).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// Makes the deliveries of events (their jobs' payloads), one per subscription that heard each when
// its change was made and is still there, each with its first attempt written down as started
// (`attempts`: the attempt id each delivery gets): one statement. Idempotent: a job run again after
// a crash finds its deliveries made and makes none twice (the ids are derived; the insert skips those
// that exist, and they keep the attempt an earlier run wrote).
export async function fanOut(db: Db | Tx, events: WebhookEventJob[], startedAt: string): Promise<Map<string, string>> {
  const attempts = new Map<string, string>()
  const rows = events.flatMap((event) => event.webhook_ids.map((webhookId) => {
    const id = deliveryIdOf(event.event_id, webhookId)
    const attemptId = randomUUID()
    attempts.set(id, attemptId)
    return sql`(${id}, ${event.event_id}, ${webhookId}, ${attemptId}, ${sequenceKey(event.at, id)}, ${event.at})`
  }))
  // in slices: 6 values a row, well under SQLite's limit of bound values per statement; only the
  // subscriptions still there (the join), and the SELECT keeps its WHERE, which SQLite's upsert
  // after INSERT … SELECT needs
  for (let i = 0; i < rows.length; i += 500) {
    await sql`with wanted (id, event_id, webhook_id, attempt_id, seq, created_at) as (values ${sql.join(rows.slice(i, i + 500))})
      insert into webhook_deliveries (id, event_id, webhook_id, status, num_attempts, next_attempt_at, last_attempt_id, last_attempt_code,
        last_attempt_error_class, last_attempt_status, last_attempt_created_at, last_attempt_updated_at, seq, created_at, updated_at)
      select wanted.id, wanted.event_id, wanted.webhook_id, 'pending', 0, null, wanted.attempt_id, null,
        null, 'scheduled', ${startedAt}, ${startedAt}, wanted.seq, wanted.created_at, ${startedAt}
      from wanted, webhooks where webhooks.id = wanted.webhook_id
      on conflict (id) do nothing`.execute(db)
  }
  return attempts
}

// An event whose every subscription went before its deliveries were made is dropped, as it would
// have been with them (../rows.ts removeWebhooks).
export async function dropUnheard(db: Db | Tx, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return
  await db.deleteFrom('webhook_events')
    .where('id', 'in', eventIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('webhook_deliveries').select('id').whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id'))))
    .execute()
}
