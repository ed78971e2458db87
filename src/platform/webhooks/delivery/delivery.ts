import type {Yielding} from '../../jobs/foreground.js'
import type {Job} from '../../jobs/queue.js'
import type {JobHandler, JobSettlement} from '../../jobs/worker.js'
import type {Store} from '../../store/database.js'
import {WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob} from '../publish.js'
import {deliveriesToSend} from '../rows.js'
import {type AttemptHolder, type DeliveryAttempts, FINAL_STATUSES} from './attempts.js'
import {backoffAfter} from './retry-policy.js'

// The 'webhook-delivery' job: a `sync` delivery's next attempt, due when its row's next_attempt_at
// says (the event's job made the first one: event-delivery.ts). A claim's jobs are taken together:
// one read of their deliveries, then attempts.ts makes and records the attempts.
export class WebhookDelivery implements JobHandler<WebhookDeliveryJob> {
  readonly kind = WEBHOOK_DELIVERY_JOB

  constructor(private readonly store: Store, private readonly attempts: DeliveryAttempts, private readonly foreground: Yielding) {}

  // the worker's wait before running a failed job again: the same wait next_attempt_at announces
  backoffMs(attempts: number): number {
    return backoffAfter(this.attempts.options, attempts)
  }

  async runBatch(jobs: Job<WebhookDeliveryJob>[], settle: JobSettlement): Promise<void> {
    const pause = this.foreground.budget()
    await pause()
    const rows = await deliveriesToSend(this.store.db, jobs.map((job) => job.payload.delivery_id))
    const byId = new Map(rows.map((row) => [row.id, row]))
    const idle: Job[] = []
    const due = []
    for (const job of jobs) {
      const delivery = byId.get(job.payload.delivery_id)
      // its subscription was removed, or an earlier run finished it
      if (!delivery || FINAL_STATUSES.has(delivery.status)) idle.push(job)
      else due.push({holder: {job, firstAttempts: false, left: 1} satisfies AttemptHolder, delivery})
    }
    if (idle.length > 0) await settle.complete(idle)
    await this.attempts.make(due, settle, pause)
  }

  close(): Promise<void> {
    return this.attempts.close()
  }
}
