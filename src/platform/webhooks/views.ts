import {WEBHOOK_EVENT_VERSION, type AddonWebhook, type AppWebhook, type WebhookDelivery, type WebhookDeliveryStatus, type WebhookEvent, type WebhookLevel} from '../../wire/webhooks.js'
import type {WebhookEventRow, WebhookRow} from '../store/schema.js'
import type {DeliveryListRow} from './rows.js'

// The Platform API representations of webhooks, deliveries and events. A subscription's secret and
// authorization are never part of them.

export type Subscriber = {kind: 'app'; id: string; name: string} | {kind: 'addon'; id: string; name: string}

export function webhookView(row: WebhookRow, subscriber: Subscriber): AppWebhook | AddonWebhook {
  const common = {
    id: row.id, include: JSON.parse(row.include) as string[], level: row.level as WebhookLevel, url: row.url,
    created_at: row.created_at, updated_at: row.updated_at,
  }
  const owner = {id: subscriber.id, name: subscriber.name}
  return subscriber.kind === 'app' ? {...common, app: owner} : {...common, addon: owner}
}

export function deliveryView(row: DeliveryListRow): WebhookDelivery {
  return {
    id: row.id,
    event: {id: row.event_id, include: row.event_include},
    webhook: {id: row.webhook_id, level: row.webhook_level as WebhookLevel},
    status: row.status as WebhookDeliveryStatus,
    num_attempts: Number(row.num_attempts),
    next_attempt_at: row.next_attempt_at,
    last_attempt: row.last_attempt_id === null ? null : {
      id: row.last_attempt_id,
      code: row.last_attempt_code === null ? null : Number(row.last_attempt_code),
      error_class: row.last_attempt_error_class,
      status: row.last_attempt_status as 'scheduled' | 'succeeded' | 'failed',
      created_at: row.last_attempt_created_at!,
      updated_at: row.last_attempt_updated_at!,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export function eventView(row: WebhookEventRow): WebhookEvent {
  return {
    id: row.id,
    include: row.include,
    payload: {
      action: row.action,
      actor: {id: row.actor_id, email: row.actor_email},
      data: JSON.parse(row.data) as Record<string, unknown>,
      previous_data: JSON.parse(row.previous_data) as Record<string, unknown>,
      resource: row.resource,
      version: WEBHOOK_EVENT_VERSION,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
