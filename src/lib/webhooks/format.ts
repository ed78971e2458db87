import type {AppWebhook, WebhookDelivery, WebhookEvent} from '../../wire/webhooks.js'
import {formatHeader, formatKeyValues} from '../output/key-value.js'
import {renderTable, type Column} from '../output/table.js'

const WEBHOOK_COLUMNS: Column<AppWebhook>[] = [
  {header: 'Webhook ID', get: (w) => w.id},
  {header: 'URL', get: (w) => w.url},
  {header: 'Include', get: (w) => w.include.join(',')},
  {header: 'Level', get: (w) => w.level},
]

const DELIVERY_COLUMNS: Column<WebhookDelivery>[] = [
  {header: 'Delivery ID', get: (d) => d.id},
  {header: 'Created', get: (d) => d.created_at},
  {header: 'Status', get: (d) => d.status},
  {header: 'Include', get: (d) => d.event.include},
  {header: 'Level', get: (d) => d.webhook.level},
  {header: 'Attempts', get: (d) => String(d.num_attempts)},
  {header: 'Code', get: (d) => (d.last_attempt?.code == null ? '' : String(d.last_attempt.code))},
  {header: 'Error', get: (d) => d.last_attempt?.error_class ?? ''},
  {header: 'Next Attempt', get: (d) => d.next_attempt_at ?? ''},
]

// `webhooks`: oldest first, as made.
export function formatWebhookList(app: string, webhooks: AppWebhook[], bin: string): string[] {
  if (webhooks.length === 0) return [`${app} has no webhooks`, `Use ${bin} webhooks:add to add one.`]
  const sorted = [...webhooks].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
  return renderTable(WEBHOOK_COLUMNS, sorted).split('\n')
}

export function formatWebhookInfo(webhook: AppWebhook): string[] {
  return [formatHeader(webhook.id), ...formatKeyValues([['Webhook ID', webhook.id], ['URL', webhook.url], ['Include', webhook.include.join(',')], ['Level', webhook.level]])]
}

// webhooks:add: the secret the platform made, which is never shown again.
export function formatSigningSecret(secret: string): string[] {
  return [formatHeader('Webhooks Signing Secret'), secret]
}

export function formatDeliveryList(app: string, deliveries: WebhookDelivery[]): string[] {
  if (deliveries.length === 0) return [`${app} has no deliveries`]
  return renderTable(DELIVERY_COLUMNS, deliveries).split('\n')
}

export function formatDeliveryInfo(delivery: WebhookDelivery, event: WebhookEvent): string[] {
  const facts = formatKeyValues([
    ['Created', delivery.created_at],
    ['Event', delivery.event.id],
    ['Webhook', delivery.webhook.id],
    ['Status', delivery.status],
    ['Include', delivery.event.include],
    ['Level', delivery.webhook.level],
    ['Attempts', String(delivery.num_attempts)],
    ['Code', delivery.last_attempt?.code == null ? '' : String(delivery.last_attempt.code)],
    ['Error', delivery.last_attempt?.error_class ?? ''],
    ['Next Attempt', delivery.next_attempt_at ?? ''],
  ])
  return [formatHeader(delivery.id), ...facts, '', formatHeader('Event Payload'), ...JSON.stringify(event.payload, null, 2).split('\n')]
}
