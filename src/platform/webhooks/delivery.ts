import {randomUUID} from 'node:crypto'
import {signWebhookBody, WEBHOOK_SIGNATURE_HEADER} from '../../wire/webhook-signing.js'
import {WEBHOOK_EVENT_VERSION, type WebhookDeliveryBody, type WebhookLevel} from '../../wire/webhooks.js'
import type {Job} from '../jobs/queue.js'
import type {JobHandler} from '../jobs/worker.js'
import type {Store} from '../store/database.js'
import {WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob} from './publish.js'
import {afterAttempt, backoffAfter, type RetryPolicy} from './retry-policy.js'
import {deliveryToSend} from './rows.js'
import {postDelivery} from './sender.js'

export interface DeliveryOptions extends RetryPolicy {
  timeoutMs: number
}

const FINAL = new Set(['succeeded', 'failed', 'skipped'])
const USER_AGENT = 'addonkit-platform-webhooks'

// Failed this time; the worker runs the job again after backoffMs (the delivery row says when).
class RetryLater extends Error {}

type Sendable = NonNullable<Awaited<ReturnType<typeof deliveryToSend>>>

// The 'webhook-delivery' job: one attempt at one delivery. The job was written with the event (the
// outbox), so a delivery survives a crash; a claim that died with its instance is taken by another
// (or by the restarted one) and sent again with the same delivery id: at least once, receivers
// de-duplicate by webhook_metadata.delivery.id. Each attempt is recorded before and after it is made.
export class WebhookDelivery implements JobHandler<WebhookDeliveryJob> {
  readonly kind = WEBHOOK_DELIVERY_JOB

  constructor(private readonly store: Store, private readonly options: DeliveryOptions) {}

  // the worker's wait before running a failed job again: the same wait next_attempt_at announces
  backoffMs(attempts: number): number {
    return backoffAfter(this.options, attempts)
  }

  async run(payload: WebhookDeliveryJob, job: Job<WebhookDeliveryJob>): Promise<void> {
    const db = this.store.db
    const delivery = await deliveryToSend(db, payload.delivery_id)
    // its subscription was removed, or an earlier run finished it
    if (!delivery || FINAL.has(delivery.status)) return
    const firstAttempt = Number(delivery.num_attempts) === 0
    const startedAtMs = Date.now()
    const started = new Date(startedAtMs).toISOString()
    const attemptId = randomUUID()
    await db.updateTable('webhook_deliveries').set({
      status: firstAttempt ? 'pending' : 'retrying', next_attempt_at: null,
      last_attempt_id: attemptId, last_attempt_status: 'scheduled', last_attempt_code: null, last_attempt_error_class: null,
      last_attempt_created_at: started, last_attempt_updated_at: started, updated_at: started,
    }).where('id', '=', delivery.id).execute()

    const body = JSON.stringify(deliveryBody(delivery, attemptId))
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(delivery.secret, body),
      ...(delivery.authorization_header === null ? {} : {authorization: delivery.authorization_header}),
    }
    const result = await postDelivery(delivery.url, body, headers, this.options.timeoutMs)

    const finishedAtMs = Date.now()
    const verdict = afterAttempt(this.options, {
      level: delivery.level as WebhookLevel, succeeded: result.ok, createdAtMs: Date.parse(delivery.created_at),
      startedAtMs, firstAttempt, finishedAtMs, backoffMs: this.backoffMs(job.attempts + 1),
    })
    const finished = new Date(finishedAtMs).toISOString()
    await db.updateTable('webhook_deliveries').set((eb) => ({
      status: verdict.status,
      num_attempts: eb('num_attempts', '+', 1),
      next_attempt_at: verdict.nextAttemptAtMs === null ? null : new Date(verdict.nextAttemptAtMs).toISOString(),
      last_attempt_code: result.code, last_attempt_error_class: result.errorClass, last_attempt_status: result.ok ? 'succeeded' : 'failed',
      last_attempt_updated_at: finished, updated_at: finished,
    })).where('id', '=', delivery.id).where('last_attempt_id', '=', attemptId).execute()
    if (verdict.status === 'scheduled') throw new RetryLater(`delivery ${delivery.id}: attempt failed`)
  }
}

// The body as Heroku sends it: the event, and which attempt of which delivery to which webhook it is.
export function deliveryBody(delivery: Sendable, attemptId: string): WebhookDeliveryBody {
  return {
    id: delivery.event_id,
    action: delivery.action,
    actor: {id: delivery.actor_id, email: delivery.actor_email},
    resource: delivery.resource,
    data: JSON.parse(delivery.data) as Record<string, unknown>,
    previous_data: JSON.parse(delivery.previous_data) as Record<string, unknown>,
    published_at: delivery.event_created_at,
    sequence: null,
    created_at: delivery.event_created_at,
    updated_at: delivery.event_updated_at,
    version: WEBHOOK_EVENT_VERSION,
    webhook_metadata: {
      attempt: {id: attemptId},
      delivery: {id: delivery.id},
      event: {id: delivery.event_id, include: delivery.include},
      webhook: {id: delivery.webhook_id},
    },
  }
}
