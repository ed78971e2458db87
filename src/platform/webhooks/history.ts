import {WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus} from '../../wire/webhooks.js'
import type {ServiceContext} from '../services/context.js'
import {invalid, notFound} from '../services/errors.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import {deliveriesOf, eventsOf, type DeliveryListRow, type EventRow} from './rows.js'
import {refOf, type WebhookCaller, type WebhookSubscriptions} from './subscriptions.js'

// `seq` is the Range field the heroku CLI pages deliveries by (newest first): creation order.
export const HISTORY_RANGES = ['seq', 'id']
const DELIVERY_COLUMNS = {
  seq: {column: 'webhook_deliveries.seq', key: (d: DeliveryListRow) => d.seq},
  id: {column: 'webhook_deliveries.id', key: (d: DeliveryListRow) => d.id},
}
const EVENT_COLUMNS = {
  seq: {column: 'seq', key: (e: EventRow) => e.seq},
  id: {column: 'id', key: (e: EventRow) => e.id},
}

export const deliveryNotFound = () => notFound('webhook-delivery', "Couldn't find that webhook delivery.")
export const eventNotFound = () => notFound('webhook-event', "Couldn't find that webhook event.")

// What became of the events a subscriber's webhooks heard: deliveries with their attempts, and the
// events themselves. Read-only; the delivery jobs (delivery/) write them.
export class WebhookHistory {
  constructor(private readonly ctx: ServiceContext, private readonly subscriptions: WebhookSubscriptions) {}

  async deliveries(caller: WebhookCaller, page: PageRequest, status?: string): Promise<Page<DeliveryListRow>> {
    const wanted = status === undefined ? undefined : checkStatus(status)
    const subscriber = await this.subscriptions.subscriber(caller)
    let query = deliveriesOf(this.ctx.store.db, refOf(subscriber))
    if (wanted !== undefined) query = query.where('webhook_deliveries.status', '=', wanted)
    return fetchPage(query, page, DELIVERY_COLUMNS)
  }

  async delivery(caller: WebhookCaller, id: string): Promise<DeliveryListRow> {
    const subscriber = await this.subscriptions.subscriber(caller)
    const row = await deliveriesOf(this.ctx.store.db, refOf(subscriber)).where('webhook_deliveries.id', '=', id).executeTakeFirst()
    if (!row) throw deliveryNotFound()
    return row
  }

  async events(caller: WebhookCaller, page: PageRequest): Promise<Page<EventRow>> {
    const subscriber = await this.subscriptions.subscriber(caller)
    return fetchPage(eventsOf(this.ctx.store.db, refOf(subscriber)), page, EVENT_COLUMNS)
  }

  async event(caller: WebhookCaller, id: string): Promise<EventRow> {
    const subscriber = await this.subscriptions.subscriber(caller)
    const row = await eventsOf(this.ctx.store.db, refOf(subscriber)).where('id', '=', id).executeTakeFirst()
    if (!row) throw eventNotFound()
    return row
  }
}

function checkStatus(status: string): WebhookDeliveryStatus {
  if (!(WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(status)) {
    throw invalid(`Unknown delivery status ${status}: use one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}.`)
  }
  return status as WebhookDeliveryStatus
}
