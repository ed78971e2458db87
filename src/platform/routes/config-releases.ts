import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import {pageRequest, sendPage} from '../http/views.js'
import * as views from '../serializers/core.js'
import type {Services} from '../services/index.js'

const RELEASE_RANGES = ['version', 'id']
const patchSchema = {type: 'object', additionalProperties: {type: ['string', 'null']}}
// Heroku's rollback: {release: id or version}; a slug release (the other create) is refused by the service
const rollbackSchema = {type: 'object', properties: {release: {type: ['string', 'integer']}, description: {type: 'string'}}}

export function configAndReleaseRoutes(app: FastifyInstance, s: Services): void {
  app.get<{Params: {app: string}}>('/apps/:app/config-vars', async (request) => s.configVars.get(await s.apps.find(actorOf(request), request.params.app)))
  app.patch<{Params: {app: string}; Body: Record<string, string | null>}>('/apps/:app/config-vars', {schema: {body: patchSchema}}, async (request) => {
    const actor = actorOf(request)
    return s.configVars.update(actor, await s.apps.find(actor, request.params.app), request.body ?? {})
  })

  app.get<{Params: {app: string}}>('/apps/:app/releases', async (request, reply) => {
    const appRow = await s.apps.find(actorOf(request), request.params.app)
    const page = await s.releases.list(appRow.id, pageRequest(request, RELEASE_RANGES))
    return sendPage(reply, page, RELEASE_RANGES, await views.release(s.ctx.store.db, page.items, appRow))
  })
  app.get<{Params: {app: string; release: string}}>('/apps/:app/releases/:release', async (request) => {
    const appRow = await s.apps.find(actorOf(request), request.params.app)
    const release = await s.releases.info(appRow.id, request.params.release)
    return (await views.release(s.ctx.store.db, [release], appRow))[0]
  })
  app.get<{Params: {app: string; release: string}}>('/apps/:app/releases/:release/config-vars', async (request) => {
    const appRow = await s.apps.find(actorOf(request), request.params.app)
    return s.releases.configVars(appRow.id, request.params.release)
  })
  app.post<{Params: {app: string}; Body: {release?: string | number}}>('/apps/:app/releases', {schema: {body: rollbackSchema}}, async (request, reply) => {
    const actor = actorOf(request)
    const appRow = await s.apps.find(actor, request.params.app)
    const release = await s.releases.rollback(actor, appRow, request.body.release)
    return reply.code(201).send((await views.release(s.ctx.store.db, [release], appRow))[0])
  })
}
