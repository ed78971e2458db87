import type {FastifyInstance} from 'fastify'
import {pageRequest, sendPage, wantsSdk} from '../http/views.js'
import {addonService, plan, regionCapabilities} from '../serializers/catalog.js'
import {notFound} from '../services/errors.js'
import type {Services} from '../services/index.js'
import {pageOf} from '../store/paging.js'
import {serviceDocsPage} from '../pages/service-docs.js'
import {serviceDocs} from '../services/service-docs.js'

const RANGES = ['id', 'name']
const open = {config: {auth: 'none' as const}}

// The catalog is public: no credentials needed.
export function catalogRoutes(app: FastifyInstance, s: Services): void {
  const {catalog} = s
  app.get('/addon-services', open, async (request, reply) => {
    const wanted = pageRequest(request, RANGES)
    const page = pageOf(catalog.listServices(), wanted, (svc) => (wanted.field === 'id' ? svc.row.id : svc.row.name))
    return sendPage(reply, page, RANGES, page.items.map(addonService))
  })
  app.get<{Params: {service: string}}>('/addon-services/:service', open, async (request) => addonService(await catalog.fresh(() => catalog.findService(request.params.service))))
  app.get<{Params: {service: string}}>('/addon-services/:service/plans', open, async (request, reply) => {
    const service = await catalog.fresh(() => catalog.findService(request.params.service))
    const wanted = pageRequest(request, RANGES)
    const page = pageOf(service.plans, wanted, (p) => (wanted.field === 'id' ? p.id : p.name))
    return sendPage(reply, page, RANGES, page.items.map((p) => plan(p, catalog, {sdk: wantsSdk(request)})))
  })
  app.get<{Params: {service: string; plan: string}}>('/addon-services/:service/plans/:plan', open, async (request) => {
    const service = await catalog.fresh(() => catalog.findService(request.params.service))
    const wanted = request.params.plan
    const found = service.plans.find((p) => p.id === wanted || p.slug === wanted || p.name === wanted)
    if (!found) throw notFound('plan', "Couldn't find that plan.")
    return plan(found, catalog, {sdk: wantsSdk(request)})
  })
  // what `addons:docs SERVICE` opens
  app.get<{Params: {service: string}}>('/addon-services/:service/docs', open, async (request, reply) => {
    const docs = serviceDocs(catalog, request.params.service)
    if (docs.kind === 'redirect') return reply.redirect(docs.url, 302)
    return reply.type('text/html; charset=utf-8').send(serviceDocsPage(docs.service))
  })
  app.get<{Params: {plan: string}}>('/plans/:plan', open, async (request) => plan(await catalog.fresh(() => catalog.findPlanOr404(request.params.plan)), catalog, {sdk: wantsSdk(request)}))

  app.get('/addon-region-capabilities', open, async () => regionCapabilities(catalog, catalog.listServices(), catalog.listRegions()))
  app.get<{Params: {service: string}}>('/addon-services/:service/region-capabilities', open, async (request) =>
    regionCapabilities(catalog, [await catalog.fresh(() => catalog.findService(request.params.service))], catalog.listRegions()))
  app.get<{Params: {region: string}}>('/regions/:region/addon-region-capabilities', open, async (request) => {
    const region = catalog.findRegion(request.params.region)
    if (!region) throw notFound('region', "Couldn't find that region.")
    return regionCapabilities(catalog, catalog.listServices(), [region])
  })
}
