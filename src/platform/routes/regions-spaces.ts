import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import {identitySchema, ref, type Identity} from '../http/identity.js'
import * as views from '../serializers/core.js'
import {notFound} from '../services/errors.js'
import type {Services} from '../services/index.js'

const spaceSchema = {
  type: 'object',
  required: ['name'],
  properties: {name: {type: 'string'}, region: identitySchema, shield: {type: 'boolean'}, team: identitySchema},
}

export function regionAndSpaceRoutes(app: FastifyInstance, s: Services): void {
  app.get('/regions', {config: {auth: 'none'}}, async () => s.catalog.listRegions().map(views.region))
  app.get<{Params: {region: string}}>('/regions/:region', {config: {auth: 'none'}}, async (request) => {
    const region = s.catalog.findRegion(request.params.region)
    if (!region) throw notFound('region', "Couldn't find that region.")
    return views.region(region)
  })

  app.post<{Body: {name: string; region?: Identity; shield?: boolean}}>('/spaces', {schema: {body: spaceSchema}}, async (request, reply) => {
    const row = await s.spaces.create(actorOf(request), {name: request.body.name, region: ref(request.body.region, 'region'), shield: request.body.shield})
    return reply.code(201).send((await views.spaces(s.ctx.store.db, s.catalog, [row]))[0])
  })
  app.get('/spaces', async (request) => views.spaces(s.ctx.store.db, s.catalog, await s.spaces.list(actorOf(request))))
  app.get<{Params: {space: string}}>('/spaces/:space', async (request) =>
    (await views.spaces(s.ctx.store.db, s.catalog, [await s.spaces.find(actorOf(request), request.params.space)]))[0])
}
