import type {FastifyInstance} from 'fastify'
import {SDK_ACCEPT, acceptsStatementText} from '../../wire/billing.js'
import {actorOf} from '../http/auth.js'
import {wantsSdk} from '../http/views.js'
import {forbidden, notFound} from '../services/errors.js'
import type {Services} from '../services/index.js'

// Only the shape: which meters and quantities are right is the usage service's to say.
const usageSchema = {type: 'object'}

// Heroku's invoices; the usage read behind `heroku usage:addons` (3.sdk only, as Heroku serves it);
// addonkit's extensions: a provider's usage report and the month's cost breakdown (as JSON, or as
// text to `Accept: text/plain`).
export function billingRoutes(app: FastifyInstance, s: Services): void {
  const {billing} = s
  app.get('/account/invoices', async (request) => billing.service.invoices(actorOf(request)))
  app.get<{Params: {number: string}}>('/account/invoices/:number', async (request) => billing.service.invoice(actorOf(request), request.params.number))

  app.get<{Params: {month: string}; Querystring: {app?: string}}>('/account/billing/:month', async (request, reply) => {
    const [actor, month, appRef] = [actorOf(request), request.params.month, request.query.app || undefined]
    if (!acceptsStatementText(request.headers.accept)) return billing.service.statement(actor, month, appRef)
    return reply.type('text/plain; charset=utf-8').send(await billing.service.statementText(actor, month, appRef))
  })
  app.get<{Params: {addon: string}}>('/addons/:addon/billing', async (request) => billing.service.addonThisMonth(actorOf(request), request.params.addon))

  app.post<{Params: {addon: string}; Body: {id?: unknown; meters?: unknown}}>('/addons/:addon/usage', {config: {auth: 'partner'}, schema: {body: usageSchema}}, async (request, reply) => {
    if (!request.partnerAddonId) throw forbidden("Usage is reported by the add-on's provider, with the add-on's partner token.")
    const {created, report} = await billing.usage.report(request.partnerAddonId, request.body)
    return reply.code(created ? 201 : 200).send(report)
  })
  app.get<{Params: {app: string}}>('/apps/:app/usage', async (request) => {
    if (!wantsSdk(request)) throw notFound('usage', `Usage is served under Accept: ${SDK_ACCEPT}.`)
    return billing.usage.appUsage(actorOf(request), request.params.app)
  })
}
