import type {Yielding} from '../../jobs/foreground.js'
import type {Job} from '../../jobs/queue.js'
import type {JobHandler, JobSettlement} from '../../jobs/worker.js'
import type {Store} from '../../store/database.js'
import {WEBHOOK_EVENT_JOB, type WebhookEventJob} from '../publish.js'
import {eventDeliveriesToSend} from '../rows.js'
import {type AttemptHolder, type DeliveryAttempts, FINAL_STATUSES} from './attempts.js'
import {dropUnheard, fanOut} from './fan-out.js'
import {backoffAfter} from './retry-policy.js'

// The 'webhook-event' job the change wrote with its event (the outbox): makes the event's deliveries
// (fan-out.ts) and their first attempts, then ends; a `sync` delivery that failed gets a retry job
// of its own (delivery.ts). The jobs of one claim are taken together: one statement makes all their
// deliveries with their first attempts written down as started, one read fetches them. A job cut off by a crash is taken by another instance
// (or the restarted one): its deliveries exist already, and those not yet attempted to the end
// (num_attempts 0) are sent again with the same delivery id: at least once.
export class WebhookEventDelivery implements JobHandler<WebhookEventJob> {
  readonly kind = WEBHOOK_EVENT_JOB

  constructor(private readonly store: Store, private readonly attempts: DeliveryAttempts, private readonly foreground: Yielding) {}

  backoffMs(attempts: number): number {
    return backoffAfter(this.attempts.options, attempts)
  }

  async runBatch(jobs: Job<WebhookEventJob>[], settle: JobSettlement): Promise<void> {
    // the claim waited for a quiet moment already; these steps share one more bound between them
    const pause = this.foreground.budget()
    await pause()
    const startedAtMs = Date.now()
    const attemptIds = await fanOut(this.store.db, jobs.map((job) => job.payload), new Date(startedAtMs).toISOString())
    await pause()
    const rows = await eventDeliveriesToSend(this.store.db, jobs.map((job) => job.payload.event_id))
    const holders = new Map(jobs.map((job): [string, AttemptHolder] => [job.payload.event_id, {job, firstAttempts: true, left: 0}]))
    const heard = new Set<string>()
    const due = []
    for (const delivery of rows) {
      heard.add(delivery.event_id)
      // attempted to the end already (its verdict and any retry job written): not this job's any more
      if (Number(delivery.num_attempts) > 0 || FINAL_STATUSES.has(delivery.status)) continue
      const holder = holders.get(delivery.event_id)!
      holder.left++
      // made just now, its attempt written down as started with it; or made by an earlier run
      const attemptId = attemptIds.get(delivery.id)
      due.push({holder, delivery, started: delivery.last_attempt_id === attemptId ? {attemptId, atMs: startedAtMs} : undefined})
    }
    await dropUnheard(this.store.db, jobs.map((job) => job.payload.event_id).filter((id) => !heard.has(id)))
    const idle = [...holders.values()].filter((h) => h.left === 0).map((h) => h.job)
    if (idle.length > 0) await settle.complete(idle)
    await this.attempts.make(due, settle, pause)
  }
}
