import {noForeground, type Yielding} from '../jobs/foreground.js'
import type {SingleJobHandler} from '../jobs/worker.js'
import type {ServiceContext} from '../services/context.js'
import {DeliveryAttempts, type DeliveryOptions} from './delivery/attempts.js'
import {WebhookDelivery} from './delivery/delivery.js'
import {WebhookEventDelivery} from './delivery/event-delivery.js'
import {DEFAULT_BACKOFF_MS, DEFAULT_RETRY_WINDOW_MS} from './delivery/retry-policy.js'
import {DEFAULT_WEBHOOK_TIMEOUT_MS} from './delivery/sender.js'
import {ThreadSender} from './delivery/thread-sender.js'
import {WebhookHistory} from './history.js'
import {webhookPrune} from './prune.js'
import {WebhookSubscriptions} from './subscriptions.js'

// Webhooks: one delivery engine for app webhooks (their owner's) and add-on webhooks (their
// provider's). Here: subscriptions.ts holds the subscription rules, publish.ts writes an event and
// one job for it in the transaction of the change it describes (entities.ts: one call per kind of
// change), history.ts reads deliveries and events back, prune.ts drops them a week after they end,
// rows.ts holds the queries and routes.ts the API.
// delivery/ turns events into requests: event-delivery.ts is the 'webhook-event' job that makes an
// event's deliveries (fan-out.ts) and their first attempts; delivery.ts is the 'webhook-delivery' job
// of a `sync` delivery's later attempts. attempts.ts makes and records attempts for both
// (attempt-records.ts; retry-policy.ts says when to try again), thread-sender.ts hands the requests
// to a thread of their own (sender-thread.ts) where delivery-request.ts builds and signs each and
// sender.ts makes the POST.
export interface Webhooks {
  subscriptions: WebhookSubscriptions
  history: WebhookHistory
  // the job handlers the worker runs: an event's deliveries and first attempts; a delivery's retry;
  // the hourly clean-up
  events: WebhookEventDelivery
  delivery: WebhookDelivery
  prune: SingleJobHandler
}

export interface WebhookOptions {
  // how long a `sync` delivery is retried (Heroku: 72 hours)
  retryWindowMs?: number
  // the wait after the first failed attempt, doubling after each next one (up to an hour)
  backoffMs?: number
  // how long one attempt waits for the receiver's answer
  timeoutMs?: number
}

// `foreground`: the API requests this instance answers, which deliveries make way for.
export function createWebhooks(ctx: ServiceContext, options: WebhookOptions = {}, foreground: Yielding = noForeground): Webhooks {
  const delivery: DeliveryOptions = {
    windowMs: options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
  }
  const subscriptions = new WebhookSubscriptions(ctx)
  const attempts = new DeliveryAttempts(ctx.store, delivery, new ThreadSender(), foreground)
  return {
    subscriptions, history: new WebhookHistory(ctx, subscriptions),
    events: new WebhookEventDelivery(ctx.store, attempts, foreground), delivery: new WebhookDelivery(ctx.store, attempts, foreground),
    prune: webhookPrune(ctx.store),
  }
}
