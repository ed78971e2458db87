import type {FastifyInstance, FastifyRequest} from 'fastify'
import {WEBHOOK_SECRET_HEADER} from '../../wire/webhooks.js'
import {actorOf} from '../http/auth.js'
import {pageRequest, sendPage} from '../http/views.js'
import {forbidden} from '../services/errors.js'
import type {Services} from '../services/index.js'
import {HISTORY_RANGES} from './history.js'
import type {SubscriptionInput} from './subscription-input.js'
import type {SubscriptionResult, WebhookCaller} from './subscriptions.js'
import {deliveryView, eventView, webhookView} from './views.js'

// The shape only; which includes, levels and URLs are valid is the service's to say (with messages
// that name the valid ones).
const subscriptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    include: {type: 'array'}, level: {type: 'string'}, url: {type: 'string'},
    secret: {type: ['string', 'null']}, authorization: {type: ['string', 'null']},
  },
}

type Params = {app?: string; addon?: string; id?: string}
type Query = {status?: string; 'eq[status]'?: string}

// App webhooks for the app's owner, add-on webhooks for the add-on's provider only (its partner
// token; an account, even the owner's, is refused): the same routes under two prefixes.
const SUBSCRIBERS: Array<{prefix: string; auth: 'user' | 'partner'; caller(request: FastifyRequest<{Params: Params}>): WebhookCaller}> = [
  {prefix: '/apps/:app', auth: 'user', caller: (request) => ({actor: actorOf(request), app: request.params.app!})},
  {
    prefix: '/addons/:addon',
    auth: 'partner',
    caller: (request) => {
      if (!request.partnerAddonId) throw forbidden("Add-on webhooks can only be used by the add-on's provider, with the add-on's partner token.")
      return {partnerAddonId: request.partnerAddonId}
    },
  },
]

export function webhookRoutes(app: FastifyInstance, s: Services): void {
  const {subscriptions, history} = s.webhooks
  const one = (result: SubscriptionResult) => webhookView(result.webhook, result.subscriber)

  for (const {prefix, auth, caller} of SUBSCRIBERS) {
    const config = {auth}
    app.get<{Params: Params}>(`${prefix}/webhooks`, {config}, async (request) => {
      const {subscriber, webhooks} = await subscriptions.list(caller(request))
      return webhooks.map((row) => webhookView(row, subscriber))
    })
    app.post<{Params: Params; Body: SubscriptionInput}>(`${prefix}/webhooks`, {config, schema: {body: subscriptionSchema}}, async (request, reply) => {
      const result = await subscriptions.create(caller(request), request.body)
      if (result.generatedSecret) reply.header(WEBHOOK_SECRET_HEADER, result.generatedSecret)
      return reply.code(201).send(one(result))
    })
    app.get<{Params: Params}>(`${prefix}/webhooks/:id`, {config}, async (request) => one(await subscriptions.info(caller(request), request.params.id!)))
    app.patch<{Params: Params; Body: SubscriptionInput}>(`${prefix}/webhooks/:id`, {config, schema: {body: subscriptionSchema}}, async (request, reply) => {
      const result = await subscriptions.update(caller(request), request.params.id!, request.body)
      if (result.generatedSecret) reply.header(WEBHOOK_SECRET_HEADER, result.generatedSecret)
      return one(result)
    })
    app.delete<{Params: Params}>(`${prefix}/webhooks/:id`, {config}, async (request) => one(await subscriptions.destroy(caller(request), request.params.id!)))

    // the heroku CLI filters with ?eq[status]=, the schema's clients with ?status=
    app.get<{Params: Params; Querystring: Query}>(`${prefix}/webhook-deliveries`, {config}, async (request, reply) => {
      const status = request.query['eq[status]'] ?? request.query.status
      const page = await history.deliveries(caller(request), pageRequest(request, HISTORY_RANGES), status)
      return sendPage(reply, page, HISTORY_RANGES, page.items.map(deliveryView))
    })
    app.get<{Params: Params}>(`${prefix}/webhook-deliveries/:id`, {config}, async (request) => deliveryView(await history.delivery(caller(request), request.params.id!)))
    app.get<{Params: Params}>(`${prefix}/webhook-events`, {config}, async (request, reply) => {
      const page = await history.events(caller(request), pageRequest(request, HISTORY_RANGES))
      return sendPage(reply, page, HISTORY_RANGES, page.items.map(eventView))
    })
    app.get<{Params: Params}>(`${prefix}/webhook-events/:id`, {config}, async (request) => eventView(await history.event(caller(request), request.params.id!)))
  }
}
