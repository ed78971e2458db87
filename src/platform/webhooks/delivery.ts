import {randomUUID} from 'node:crypto'
import type {WebhookLevel} from '../../wire/webhooks.js'
import type {Job} from '../jobs/queue.js'
import type {JobHandler, JobSettlement} from '../jobs/worker.js'
import type {Store} from '../store/database.js'
import {type FinishedAttempt, recordFinished, recordStarted} from './attempt-records.js'
import type {Sendable} from './delivery-request.js'
import {WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob} from './publish.js'
import {afterAttempt, backoffAfter, type RetryPolicy} from './retry-policy.js'
import {deliveriesToSend} from './rows.js'
import {inProcessSender, type Sender, type SendResult} from './sender.js'

export interface DeliveryOptions extends RetryPolicy {
  timeoutMs: number
}

const FINAL = new Set(['succeeded', 'failed', 'skipped'])

interface Attempt {
  job: Job<WebhookDeliveryJob>
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

// The 'webhook-delivery' job: one attempt at one delivery. The job was written with the event (the
// outbox), so a delivery survives a crash; a claim that died with its instance is taken by another
// (or by the restarted one) and sent again with the same delivery id: at least once, receivers
// de-duplicate by webhook_metadata.delivery.id. Each attempt is recorded before and after it is made.
// The jobs of one claim are taken together: one read of their deliveries, one statement marking
// their attempts started, and when answers come back (those that come back together are written
// together), one transaction with one statement per outcome and the jobs' removal.
export class WebhookDelivery implements JobHandler<WebhookDeliveryJob> {
  readonly kind = WEBHOOK_DELIVERY_JOB
  private readonly finished: Finished[] = []
  private writing: Promise<void> = Promise.resolve()
  private writeQueued = false

  constructor(private readonly store: Store, private readonly options: DeliveryOptions, private readonly sender: Sender = inProcessSender) {}

  // the worker's wait before running a failed job again: the same wait next_attempt_at announces
  backoffMs(attempts: number): number {
    return backoffAfter(this.options, attempts)
  }

  async runBatch(jobs: Job<WebhookDeliveryJob>[], settle: JobSettlement): Promise<void> {
    const rows = await deliveriesToSend(this.store.db, jobs.map((job) => job.payload.delivery_id))
    const byId = new Map(rows.map((row) => [row.id, row]))
    const startedAtMs = Date.now()
    const idle: Job[] = []
    const attempts: Attempt[] = []
    for (const job of jobs) {
      const delivery = byId.get(job.payload.delivery_id)
      // its subscription was removed, or an earlier run finished it
      if (!delivery || FINAL.has(delivery.status)) idle.push(job)
      else attempts.push({job, delivery, attemptId: randomUUID(), firstAttempt: Number(delivery.num_attempts) === 0, startedAtMs})
    }
    if (idle.length > 0) await settle.complete(idle)
    if (attempts.length === 0) return
    await recordStarted(this.store.db, attempts.map((a) => ({deliveryId: a.delivery.id, attemptId: a.attemptId, firstAttempt: a.firstAttempt})), startedAtMs)
    const results = this.sender.send(attempts.map((a) => ({delivery: a.delivery, attemptId: a.attemptId})), this.options.timeoutMs)
    // every attempt's record written before this ends; one the sender lost stays unsettled, and the
    // worker runs its job again
    const written = await Promise.allSettled(results.map((result, i) => result.then((r) => this.finish(attempts[i], r, settle))))
    const failure = written.find((w): w is PromiseRejectedResult => w.status === 'rejected')
    if (failure) throw failure.reason
  }

  close(): Promise<void> {
    return this.sender.close()
  }

  // Resolves once the attempt's verdict is written. Answers that come in while a write runs (or in
  // the same turn of the event loop) are written together by the next one.
  private finish(attempt: Attempt, result: SendResult, settle: JobSettlement): Promise<void> {
    return new Promise((written, failed) => {
      this.finished.push({attempt, result, finishedAtMs: Date.now(), settle, written, failed})
      if (this.writeQueued) return
      this.writeQueued = true
      this.writing = this.writing.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => {
        this.writeQueued = false
        return this.write(this.finished.splice(0))
      })
    })
  }

  private async write(batch: Finished[]): Promise<void> {
    const verdicts = batch.map(({attempt, result, finishedAtMs}): FinishedAttempt => {
      const verdict = afterAttempt(this.options, {
        level: attempt.delivery.level as WebhookLevel, succeeded: result.ok, createdAtMs: Date.parse(attempt.delivery.created_at),
        startedAtMs: attempt.startedAtMs, firstAttempt: attempt.firstAttempt, finishedAtMs, backoffMs: this.backoffMs(attempt.job.attempts + 1),
      })
      return {
        deliveryId: attempt.delivery.id, attemptId: attempt.attemptId, status: verdict.status, nextAttemptAtMs: verdict.nextAttemptAtMs,
        ok: result.ok, code: result.code, errorClass: result.errorClass, finishedAtMs,
      }
    })
    try {
      await this.store.transaction(async (tx) => {
        await recordFinished(tx, verdicts)
        // every settlement is the worker's own: one does for all
        const {settle} = batch[0]
        await settle.complete(batch.filter((_, i) => verdicts[i].nextAttemptAtMs === null).map((f) => f.attempt.job), tx)
        // tried again when the delivery row says it will be
        for (const [i, f] of batch.entries()) if (verdicts[i].nextAttemptAtMs !== null) await settle.retry(f.attempt.job, new Date(verdicts[i].nextAttemptAtMs!), tx)
      })
      for (const f of batch) f.written()
    } catch (error) {
      for (const f of batch) f.failed(error as Error)
    }
  }
}
