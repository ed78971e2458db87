import type {FastifyInstance, FastifyRequest} from 'fastify'
import {actorOf} from '../../http/auth.js'
import {pageRequest, sendPage} from '../../http/views.js'
import type {Services} from '../../services/index.js'
import {logDrainView} from './drain-view.js'
import {DRAIN_RANGES, type AddonCaller} from './drains-service.js'

const urlSchema = {type: 'object', required: ['url'], properties: {url: {type: 'string'}}}

type AppParams = {app: string}
type DrainParams = {app: string; drain: string}
type AddonParams = {addon: string}

// An app's drains (its owner), and an add-on's own drains (its provider, with the add-on's token).
export function drainRoutes(app: FastifyInstance, s: Services): void {
  const drains = s.drains.service

  app.get<{Params: AppParams}>('/apps/:app/log-drains', async (request, reply) => {
    const page = await drains.list(actorOf(request), request.params.app, pageRequest(request, DRAIN_RANGES))
    return sendPage(reply, page, DRAIN_RANGES, page.items.map(logDrainView))
  })
  app.post<{Params: AppParams; Body: {url: string}}>('/apps/:app/log-drains', {schema: {body: urlSchema}}, async (request, reply) =>
    reply.code(201).send(logDrainView(await drains.create(actorOf(request), request.params.app, request.body.url))))
  app.get<{Params: DrainParams}>('/apps/:app/log-drains/:drain', async (request) =>
    logDrainView(await drains.info(actorOf(request), request.params.app, request.params.drain)))
  app.delete<{Params: DrainParams}>('/apps/:app/log-drains/:drain', async (request) =>
    logDrainView(await drains.destroy(actorOf(request), request.params.app, request.params.drain)))

  app.get<{Params: AddonParams}>('/addons/:addon/log-drains', {config: {auth: 'partner'}}, async (request) =>
    (await drains.listForAddon(callerOf(request), request.params.addon)).map(logDrainView))
  app.put<{Params: AddonParams & {drain: string}; Body: {url: string}}>('/addons/:addon/log-drains/:drain', {config: {auth: 'partner'}, schema: {body: urlSchema}}, async (request) =>
    logDrainView(await drains.updateForAddon(callerOf(request), request.params.addon, request.params.drain, request.body.url)))
}

function callerOf(request: FastifyRequest): AddonCaller {
  return request.partnerAddonId ? {partnerAddonId: request.partnerAddonId} : {actor: actorOf(request)}
}
