import type {FastifyInstance} from 'fastify'
import {actorOf, appReaderOf} from '../http/auth.js'
import {identitySchema, ref, type Identity} from '../http/identity.js'
import {pageRequest, sendPage} from '../http/views.js'
import * as views from '../serializers/core.js'
import type {Services} from '../services/index.js'

const APP_RANGES = ['id', 'name', 'updated_at']

const createSchema = {
  type: ['object', 'null'],
  properties: {name: {type: 'string'}, region: identitySchema, space: identitySchema, stack: identitySchema, feature_flags: {type: 'array'}},
}
const updateSchema = {
  type: 'object',
  properties: {name: {type: 'string'}, maintenance: {type: 'boolean'}, build_stack: identitySchema},
}

export function appRoutes(app: FastifyInstance, s: Services): void {
  const {db} = s.ctx.store
  const one = async (row: Parameters<typeof views.apps>[2][number]) => (await views.apps(db, s.catalog, [row]))[0]

  app.post<{Body: {name?: string; region?: Identity; space?: Identity} | null}>('/apps', {schema: {body: createSchema}}, async (request, reply) => {
    const body = request.body ?? {}
    const row = await s.apps.create(actorOf(request), {name: body.name, region: ref(body.region, 'region'), space: ref(body.space, 'space')})
    return reply.code(201).send(await one(row))
  })
  app.get('/apps', async (request, reply) => {
    const page = await s.apps.list(actorOf(request), pageRequest(request, APP_RANGES))
    return sendPage(reply, page, APP_RANGES, await views.apps(db, s.catalog, page.items))
  })
  app.get<{Params: {user: string}}>('/users/:user/apps', async (request, reply) => {
    const page = await s.apps.list(s.accounts.resolveUser(actorOf(request), request.params.user), pageRequest(request, APP_RANGES))
    return sendPage(reply, page, APP_RANGES, await views.apps(db, s.catalog, page.items))
  })
  // providers read the apps their add-on is attached to (owner.email included), as on Heroku
  app.get<{Params: {app: string}}>('/apps/:app', {config: {auth: 'partner-app'}}, async (request) => one(await s.apps.find(appReaderOf(request), request.params.app)))
  app.patch<{Params: {app: string}; Body: {name?: string; maintenance?: boolean}}>('/apps/:app', {schema: {body: updateSchema}}, async (request) =>
    one(await s.apps.update(actorOf(request), request.params.app, request.body)))
  app.delete<{Params: {app: string}}>('/apps/:app', async (request) => one(await s.apps.destroy(actorOf(request), request.params.app)))
}
