import {signWebhookBody, WEBHOOK_SIGNATURE_HEADER} from '../../../wire/webhook-signing.js'
import {WEBHOOK_EVENT_VERSION, type WebhookDeliveryBody} from '../../../wire/webhooks.js'

// What one attempt sends, built from the delivery's row and its attempt id. Plain data, so it can
// be built wherever the request is made (sender-thread.ts).
export interface Sendable {
  id: string
  status: string
  num_attempts: number | string
  created_at: string
  webhook_id: string
  url: string
  secret: string
  authorization_header: string | null
  level: string
  event_id: string
  include: string
  resource: string
  action: string
  actor_id: string
  actor_email: string
  // the event's JSON, as ../publish.ts wrote it
  data: string
  previous_data: string
  event_created_at: string
  event_updated_at: string
}

export interface DeliveryRequest {
  url: string
  body: string
  headers: Record<string, string>
}

const USER_AGENT = 'addonkit-platform-webhooks'

// The signed POST of one attempt. The body is the event as Heroku sends it, with which attempt of
// which delivery to which webhook it is; `events` keeps each event's part of the body, serialised
// once for all the deliveries of that event in hand.
export function deliveryRequest(delivery: Sendable, attemptId: string, events = new Map<string, string>()): DeliveryRequest {
  let event = events.get(delivery.event_id)
  if (event === undefined) {
    event = eventPart(delivery)
    events.set(delivery.event_id, event)
  }
  const metadata: WebhookDeliveryBody['webhook_metadata'] = {
    attempt: {id: attemptId},
    delivery: {id: delivery.id},
    event: {id: delivery.event_id, include: delivery.include},
    webhook: {id: delivery.webhook_id},
  }
  const body = `${event},"webhook_metadata":${JSON.stringify(metadata)}}`
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(delivery.secret, body),
    ...(delivery.authorization_header === null ? {} : {authorization: delivery.authorization_header}),
  }
  return {url: delivery.url, body, headers}
}

// The body's fields up to webhook_metadata, in WebhookDeliveryBody's order, without the closing
// brace; data and previous_data are spliced in as stored (../publish.ts wrote them with JSON.stringify),
// not parsed and serialised again.
function eventPart(delivery: Sendable): string {
  const head = JSON.stringify({id: delivery.event_id, action: delivery.action, actor: {id: delivery.actor_id, email: delivery.actor_email}, resource: delivery.resource})
  const tail = JSON.stringify({
    published_at: delivery.event_created_at, sequence: null, created_at: delivery.event_created_at, updated_at: delivery.event_updated_at, version: WEBHOOK_EVENT_VERSION,
  })
  return `${head.slice(0, -1)},"data":${delivery.data},"previous_data":${delivery.previous_data},${tail.slice(1, -1)}`
}
