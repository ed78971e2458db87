import {WEBHOOK_SECRET_HEADER, WEBHOOKS_ACCEPT, type AppWebhook, type WebhookDelivery, type WebhookEvent, type WebhookLevel} from '../../wire/webhooks.js'
import type {ApiClient} from '../api/client.js'

// Webhook calls take the media type the heroku CLI sends for them (it answers as version=3 does).
const options = {headers: {accept: WEBHOOKS_ACCEPT}}
const app = (name: string) => `/apps/${encodeURIComponent(name)}`

export interface WebhookFields {
  include?: string[]
  level?: WebhookLevel | string
  url?: string
  secret?: string
  authorization?: string
}

// What webhooks:add gives back: the webhook, and its signing secret when the platform made it (shown
// only this once).
export interface AddedWebhook {
  webhook: AppWebhook
  secret: string | null
}

export function listWebhooks(api: ApiClient, appName: string): Promise<AppWebhook[]> {
  return api.get<AppWebhook[]>(`${app(appName)}/webhooks`, options)
}

export function getWebhook(api: ApiClient, appName: string, id: string): Promise<AppWebhook> {
  return api.get<AppWebhook>(`${app(appName)}/webhooks/${encodeURIComponent(id)}`, options)
}

export async function addWebhook(api: ApiClient, appName: string, fields: WebhookFields): Promise<AddedWebhook> {
  const {body, headers} = await api.requestWithHeaders<AppWebhook>('POST', `${app(appName)}/webhooks`, {...options, body: fields})
  const secret = headers[WEBHOOK_SECRET_HEADER.toLowerCase()]
  return {webhook: body, secret: typeof secret === 'string' && secret !== '' ? secret : null}
}

export function updateWebhook(api: ApiClient, appName: string, id: string, fields: WebhookFields): Promise<AppWebhook> {
  return api.patch<AppWebhook>(`${app(appName)}/webhooks/${encodeURIComponent(id)}`, fields, options)
}

export function removeWebhook(api: ApiClient, appName: string, id: string): Promise<AppWebhook> {
  return api.delete<AppWebhook>(`${app(appName)}/webhooks/${encodeURIComponent(id)}`, undefined, options)
}

// The newest `max` deliveries (one page, newest first as the API pages them), given oldest first.
export async function listDeliveries(api: ApiClient, appName: string, status: string | undefined, max: number): Promise<WebhookDelivery[]> {
  const filter = status === undefined ? '' : `?eq[status]=${encodeURIComponent(status)}`
  const page = await api.get<WebhookDelivery[]>(`${app(appName)}/webhook-deliveries${filter}`, {
    headers: {...options.headers, range: `seq ..; order=desc,max=${max}`},
    partial: true,
  })
  return [...page].reverse()
}

export function getDelivery(api: ApiClient, appName: string, id: string): Promise<WebhookDelivery> {
  return api.get<WebhookDelivery>(`${app(appName)}/webhook-deliveries/${encodeURIComponent(id)}`, options)
}

export function getEvent(api: ApiClient, appName: string, id: string): Promise<WebhookEvent> {
  return api.get<WebhookEvent>(`${app(appName)}/webhook-events/${encodeURIComponent(id)}`, options)
}

// `-i api:release, api:domain` → ['api:release', 'api:domain']
export function splitInclude(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '')
}
