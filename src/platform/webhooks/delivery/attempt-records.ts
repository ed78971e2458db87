import {sql} from 'kysely'
import type {WebhookDeliveryStatus} from '../../../wire/webhooks.js'
import type {Db, Tx} from '../../store/database.js'

// How delivery attempts are written down: before they are made (the delivery pending or retrying,
// its last attempt scheduled) and after (the verdict), each for many deliveries in one statement,
// so an event's ten deliveries cost two statements, not twenty.
export interface StartedAttempt {
  deliveryId: string
  attemptId: string
  firstAttempt: boolean
}

export async function recordStarted(db: Db | Tx, attempts: StartedAttempt[], startedAtMs: number): Promise<void> {
  const started = new Date(startedAtMs).toISOString()
  for (const firstAttempt of [true, false]) {
    const group = attempts.filter((a) => a.firstAttempt === firstAttempt)
    if (group.length === 0) continue
    // each delivery its own attempt id, in the one statement
    const attemptId = sql<string>`case ${sql.ref('id')} ${sql.join(group.map((a) => sql`when ${a.deliveryId} then ${a.attemptId}`), sql` `)} end`
    await db.updateTable('webhook_deliveries').set({
      status: firstAttempt ? 'pending' : 'retrying', next_attempt_at: null,
      last_attempt_id: attemptId, last_attempt_status: 'scheduled', last_attempt_code: null, last_attempt_error_class: null,
      last_attempt_created_at: started, last_attempt_updated_at: started, updated_at: started,
    }).where('id', 'in', group.map((a) => a.deliveryId)).execute()
  }
}

export interface FinishedAttempt {
  deliveryId: string
  attemptId: string
  status: WebhookDeliveryStatus
  nextAttemptAtMs: number | null
  ok: boolean
  code: number | null
  errorClass: string | null
  finishedAtMs: number
}

// One statement per outcome (succeeded with 204, failed with a time-out…): the attempts that came
// back together mostly share one. A delivery whose last attempt is no longer this one (another
// instance took it over) is left as that one wrote it, and one removed meanwhile (its webhook
// deleted) stays gone. Answers the ids of the deliveries written.
export async function recordFinished(tx: Db | Tx, attempts: FinishedAttempt[]): Promise<Set<string>> {
  const written = new Set<string>()
  const outcomes = new Map<string, FinishedAttempt[]>()
  for (const a of attempts) {
    const key = JSON.stringify([a.status, a.nextAttemptAtMs, a.ok, a.code, a.errorClass])
    outcomes.set(key, [...(outcomes.get(key) ?? []), a])
  }
  for (const group of outcomes.values()) {
    const {status, nextAttemptAtMs, ok, code, errorClass} = group[0]
    const finished = new Date(Math.max(...group.map((a) => a.finishedAtMs))).toISOString()
    const rows = await tx.updateTable('webhook_deliveries').set((eb) => ({
      status,
      num_attempts: eb('num_attempts', '+', 1),
      next_attempt_at: nextAttemptAtMs === null ? null : new Date(nextAttemptAtMs).toISOString(),
      last_attempt_code: code, last_attempt_error_class: errorClass, last_attempt_status: ok ? 'succeeded' : 'failed',
      last_attempt_updated_at: finished, updated_at: finished,
    }))
      .where('id', 'in', group.map((a) => a.deliveryId))
      // attempt ids are unique: each delivery in the list matches only on its own
      .where('last_attempt_id', 'in', group.map((a) => a.attemptId))
      .returning('id')
      .execute()
    for (const row of rows) written.add(row.id)
  }
  return written
}
