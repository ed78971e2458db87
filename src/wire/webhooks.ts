// The webhook wire shapes (Heroku's app-webhook, add-on-webhook, app-webhook-delivery and
// app-webhook-event, and the body a receiver gets): what the local platform answers and sends, what
// addonkit's CLI reads and what the provider kit hands to a provider.

// The entities a subscription may include: what the local platform publishes.
export const WEBHOOK_INCLUDES = ['api:app', 'api:addon', 'api:addon-attachment', 'api:release', 'api:domain'] as const
export type WebhookInclude = (typeof WEBHOOK_INCLUDES)[number]

export const WEBHOOK_LEVELS = ['notify', 'sync'] as const
// notify: one fire-and-forget attempt; sync: retried until a 2xx or the retry window ends
export type WebhookLevel = (typeof WEBHOOK_LEVELS)[number]

export type WebhookAction = 'create' | 'update' | 'destroy'

// `version` of an event's payload, as Heroku's delivered bodies carry it
export const WEBHOOK_EVENT_VERSION = 'application/vnd.heroku+json; version=3'
// what the heroku CLI sends for webhook calls; it answers as version=3 does
export const WEBHOOKS_ACCEPT = 'application/vnd.heroku+json; version=3.webhooks'
// the header that carries a generated secret, given out once, when the subscription is made
export const WEBHOOK_SECRET_HEADER = 'Heroku-Webhook-Secret'

interface WebhookBase {
  id: string
  include: string[]
  level: WebhookLevel
  url: string
  created_at: string
  updated_at: string
}

// A subscription; its secret and authorization are never shown again.
export interface AppWebhook extends WebhookBase {
  app: {id: string; name: string}
}

export interface AddonWebhook extends WebhookBase {
  addon: {id: string; name: string}
}

export type Webhook = AppWebhook | AddonWebhook

// pending: not attempted yet; scheduled: failed, the next attempt is due at next_attempt_at;
// retrying: a later attempt is under way; skipped: its first attempt came after the retry window and
// failed (Heroku's rule since 2023); failed and succeeded are final.
export type WebhookDeliveryStatus = 'pending' | 'scheduled' | 'retrying' | 'failed' | 'succeeded' | 'skipped'
export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'scheduled', 'retrying', 'failed', 'succeeded', 'skipped']

export interface WebhookAttempt {
  id: string
  // the receiver's HTTP status; null when none came (refused, timed out)
  code: number | null
  // why no answer came (Timeout, ConnectionRefused…); null when one did
  error_class: string | null
  // scheduled while under way
  status: 'scheduled' | 'succeeded' | 'failed'
  created_at: string
  updated_at: string
}

export interface WebhookDelivery {
  id: string
  event: {id: string; include: string}
  webhook: {id: string; level: WebhookLevel}
  status: WebhookDeliveryStatus
  num_attempts: number
  next_attempt_at: string | null
  last_attempt: WebhookAttempt | null
  created_at: string
  updated_at: string
}

export interface WebhookActor {
  id: string
  email: string
}

export interface WebhookEventPayload {
  action: string
  actor: WebhookActor
  // the resource's Platform API representation after the change (before it, for a destroy)
  data: Record<string, unknown>
  // the old values of the fields an update changed; {} otherwise
  previous_data: Record<string, unknown>
  resource: string
  version: string
}

export interface WebhookEvent {
  id: string
  include: string
  payload: WebhookEventPayload
  created_at: string
  updated_at: string
}

// The body POSTed to a subscription's URL.
export interface WebhookDeliveryBody extends WebhookEventPayload {
  id: string
  published_at: string | null
  sequence: null
  created_at: string
  updated_at: string
  webhook_metadata: {
    attempt: {id: string}
    delivery: {id: string}
    event: {id: string; include: string}
    webhook: {id: string}
  }
}
