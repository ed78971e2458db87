import type {FastifyInstance} from 'fastify'
import {actorOf, appReaderOf} from '../http/auth.js'
import {pageRequest, sendPage} from '../http/views.js'
import {domain} from '../serializers/domains.js'
import type {AppDomain} from '../services/domains.js'
import type {Services} from '../services/index.js'

const DOMAIN_RANGES = ['id', 'hostname']
const createSchema = {
  type: 'object',
  required: ['hostname'],
  properties: {hostname: {type: 'string'}, sni_endpoint: {type: ['string', 'null']}},
}

type Params = {app: string; domain: string}
const one = ({app, domain: row}: AppDomain) => domain(row, app)

export function domainRoutes(app: FastifyInstance, s: Services): void {
  // owners, and the providers of add-ons attached to the app, read its domains
  app.get<{Params: {app: string}}>('/apps/:app/domains', {config: {auth: 'partner-app'}}, async (request, reply) => {
    const {app: appRow, page} = await s.domains.list(appReaderOf(request), request.params.app, pageRequest(request, DOMAIN_RANGES))
    return sendPage(reply, page, DOMAIN_RANGES, page.items.map((row) => domain(row, appRow)))
  })
  app.post<{Params: {app: string}; Body: {hostname: string; sni_endpoint?: string | null}}>('/apps/:app/domains', {schema: {body: createSchema}}, async (request, reply) => {
    const created = await s.domains.create(actorOf(request), request.params.app, {hostname: request.body.hostname, sniEndpoint: request.body.sni_endpoint})
    return reply.code(201).send(one(created))
  })
  app.get<{Params: Params}>('/apps/:app/domains/:domain', {config: {auth: 'partner-app'}}, async (request) =>
    one(await s.domains.info(appReaderOf(request), request.params.app, request.params.domain)))
  app.delete<{Params: Params}>('/apps/:app/domains/:domain', async (request) => one(await s.domains.destroy(actorOf(request), request.params.app, request.params.domain)))

  // The heroku CLI's domains:add lists the app's SNI endpoints (certificates) before adding a domain;
  // the local platform terminates no TLS, so an app has none.
  app.get<{Params: {app: string}}>('/apps/:app/sni-endpoints', async (request) => {
    await s.apps.find(actorOf(request), request.params.app)
    return []
  })
}
