import {randomUUID} from 'node:crypto'
import type {WebhookLevel} from '../../../wire/webhooks.js'
import type {Yielding} from '../../jobs/foreground.js'
import {insertScheduledJobs, type Job} from '../../jobs/queue.js'
import type {JobSettlement} from '../../jobs/worker.js'
import type {Db, Store, Tx} from '../../store/database.js'
import {WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob} from '../publish.js'
import {type FinishedAttempt, recordFinished, recordStarted} from './attempt-records.js'
import type {Sendable} from './delivery-request.js'
import {afterAttempt, backoffAfter, type RetryPolicy} from './retry-policy.js'
import type {Sender, SendResult} from './sender.js'

export interface DeliveryOptions extends RetryPolicy {
  timeoutMs: number
}

export const FINAL_STATUSES = new Set(['succeeded', 'failed', 'skipped'])

// The job an attempt is made under: an event's job holds its deliveries' first attempts and ends when
// the last of them is written down (a `sync` delivery that failed is handed on to a retry job of its
// own, in the same write); a delivery's retry job holds that one delivery's next attempt.
export interface AttemptHolder {
  job: Job
  firstAttempts: boolean
  // attempts not yet written down
  left: number
}

interface Attempt {
  holder: AttemptHolder
  delivery: Sendable
  attemptId: string
  firstAttempt: boolean
  startedAtMs: number
}

interface Finished {
  attempt: Attempt
  result: SendResult
  finishedAtMs: number
  settle: JobSettlement
  written(): void
  failed(error: Error): void
}

// Makes attempts at deliveries and writes down how they went, for both jobs that make them: one
// statement marking a claim's attempts started, the requests handed to the sender (a thread), and
// when answers come back (those that come back together are written together), one transaction
// with one statement per outcome, the retry jobs, and the removal of the jobs that are done.
// Each attempt is recorded before and after it is made, so one cut off by a crash is made again
// with the same delivery id (receivers de-duplicate by webhook_metadata.delivery.id).
export class DeliveryAttempts {
  private readonly finished: Finished[] = []
  private writing: Promise<void> = Promise.resolve()
  private writeQueued = false

  constructor(private readonly store: Store, readonly options: DeliveryOptions, private readonly sender: Sender, private readonly foreground: Yielding) {}

  // Resolves once every attempt's verdict is written; an attempt the sender lost leaves its job
  // unsettled, and the worker runs that job again. `started`: the attempt was written down as started
  // already, with this id at this time (the delivery was made with it: fan-out.ts).
  async make(deliveries: Array<{holder: AttemptHolder; delivery: Sendable; started?: {attemptId: string; atMs: number}}>, settle: JobSettlement, pause: () => Promise<void>): Promise<void> {
    if (deliveries.length === 0) return
    const startedAtMs = Date.now()
    const attempts = deliveries.map(({holder, delivery, started}): Attempt => ({
      holder, delivery, attemptId: started?.attemptId ?? randomUUID(), firstAttempt: Number(delivery.num_attempts) === 0, startedAtMs: started?.atMs ?? startedAtMs,
    }))
    const toStart = attempts.filter((_, i) => deliveries[i].started === undefined)
    if (toStart.length > 0) {
      await pause()
      await recordStarted(this.store.db, toStart.map((a) => ({deliveryId: a.delivery.id, attemptId: a.attemptId, firstAttempt: a.firstAttempt})), startedAtMs)
    }
    const results = this.sender.send(attempts.map((a) => ({delivery: a.delivery, attemptId: a.attemptId})), this.options.timeoutMs)
    const written = await Promise.allSettled(results.map((result, i) => result.then((r) => this.finish(attempts[i], r, settle))))
    const failure = written.find((w): w is PromiseRejectedResult => w.status === 'rejected')
    if (failure) throw failure.reason
  }

  close(): Promise<void> {
    return this.sender.close()
  }

  // Resolves once the attempt's verdict is written. Answers that come in while a write runs or waits
  // for a quiet moment (or in the same turn of the event loop) are written together by the next one.
  private finish(attempt: Attempt, result: SendResult, settle: JobSettlement): Promise<void> {
    return new Promise((written, failed) => {
      this.finished.push({attempt, result, finishedAtMs: Date.now(), settle, written, failed})
      if (this.writeQueued) return
      this.writeQueued = true
      this.writing = this.writing
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => this.foreground.idle())
        .then(() => {
          this.writeQueued = false
          return this.write(this.finished.splice(0))
        })
    })
  }

  private async write(batch: Finished[]): Promise<void> {
    const verdicts = batch.map(({attempt, result, finishedAtMs}): FinishedAttempt => {
      const verdict = afterAttempt(this.options, {
        level: attempt.delivery.level as WebhookLevel, succeeded: result.ok, createdAtMs: Date.parse(attempt.delivery.created_at),
        startedAtMs: attempt.startedAtMs, firstAttempt: attempt.firstAttempt, finishedAtMs,
        // every earlier attempt at it failed (or it would not be made again)
        backoffMs: backoffAfter(this.options, Number(attempt.delivery.num_attempts) + 1),
      })
      return {
        deliveryId: attempt.delivery.id, attemptId: attempt.attemptId, status: verdict.status, nextAttemptAtMs: verdict.nextAttemptAtMs,
        ok: result.ok, code: result.code, errorClass: result.errorClass, finishedAtMs,
      }
    })
    // what each event's job has left once this write is in; applied only if it commits
    const left = new Map<AttemptHolder, number>()
    // Every attempt final (the usual case): no transaction; the verdicts go first, so a crash before
    // the jobs' removal leaves jobs whose runs find nothing left to send. A retry to schedule is
    // written with its verdict, atomically, or a crash between them could lose it.
    const final = verdicts.every((v) => v.nextAttemptAtMs === null)
    const inTransaction = <T>(work: (tx: Db | Tx) => Promise<T>) => (final ? work(this.store.db) : this.store.transaction(work))
    try {
      await inTransaction(async (tx) => {
        const written = await recordFinished(tx, verdicts)
        const done: Job[] = []
        const retries: Array<{payload: WebhookDeliveryJob; runAt: Date; attempts: number}> = []
        // every settlement is the worker's own: one does for all
        const {settle} = batch[0]
        for (const [i, {attempt}] of batch.entries()) {
          // a delivery no longer there (its webhook removed) or no longer ours is not tried again by us
          const next = written.has(attempt.delivery.id) ? verdicts[i].nextAttemptAtMs : null
          const {holder} = attempt
          if (holder.firstAttempts) {
            // tried again when the delivery row says it will be, by a job of its own
            if (next !== null) retries.push({payload: {delivery_id: attempt.delivery.id}, runAt: new Date(next), attempts: Number(attempt.delivery.num_attempts) + 1})
            const remaining = (left.get(holder) ?? holder.left) - 1
            left.set(holder, remaining)
            if (remaining === 0) done.push(holder.job)
          } else if (next === null) {
            done.push(holder.job)
          } else {
            await settle.retry(holder.job, new Date(next), tx)
          }
        }
        await insertScheduledJobs(tx, WEBHOOK_DELIVERY_JOB, retries)
        await settle.complete(done, tx)
      })
      for (const [holder, remaining] of left) holder.left = remaining
      for (const f of batch) f.written()
    } catch (error) {
      for (const f of batch) f.failed(error as Error)
    }
  }
}
