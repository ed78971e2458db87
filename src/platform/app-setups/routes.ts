import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import {identitySchema, ref, type Identity} from '../http/identity.js'
import type {Services} from '../services/index.js'
import {appSetupView} from './view.js'

interface CreateBody {
  app?: {name?: string; region?: Identity; space?: Identity}
  source_blob: {url: string; checksum?: string | null}
  overrides?: {env?: Record<string, string>}
}

// Heroku's request shape; `stack`, `buildpacks` and the team fields are accepted and have no effect
// (the local platform builds nothing and has no teams).
const createSchema = {
  type: 'object',
  required: ['source_blob'],
  properties: {
    app: {
      type: 'object',
      properties: {
        name: {type: 'string'}, region: identitySchema, space: identitySchema, stack: identitySchema,
        organization: {type: 'string'}, personal: {type: 'boolean'}, locked: {type: 'boolean'},
      },
    },
    source_blob: {
      type: 'object',
      required: ['url'],
      properties: {url: {type: 'string', minLength: 1}, checksum: {type: ['string', 'null']}, version: {type: ['string', 'null']}},
    },
    overrides: {
      type: 'object',
      properties: {env: {type: 'object', additionalProperties: {type: 'string'}}, buildpacks: {type: 'array'}},
    },
  },
}

export function appSetupRoutes(app: FastifyInstance, s: Services): void {
  app.post<{Body: CreateBody}>('/app-setups', {schema: {body: createSchema}}, async (request, reply) => {
    const body = request.body
    const row = await s.appSetups.service.create(actorOf(request), {
      app: {name: body.app?.name, region: ref(body.app?.region, 'app.region'), space: ref(body.app?.space, 'app.space')},
      sourceUrl: body.source_blob.url,
      checksum: body.source_blob.checksum,
      env: body.overrides?.env ?? {},
    })
    return reply.code(202).send(appSetupView(row))
  })
  app.get<{Params: {id: string}}>('/app-setups/:id', async (request) => appSetupView(await s.appSetups.service.info(actorOf(request), request.params.id)))
}
