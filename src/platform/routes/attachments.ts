import type {FastifyInstance, FastifyRequest} from 'fastify'
import {actorOf} from '../http/auth.js'
import {identitySchema, ref, type Identity} from '../http/identity.js'
import {attachmentView} from '../http/views.js'
import {attachments as attachmentViews} from '../serializers/addons.js'
import type {Services} from '../services/index.js'
import type {AttachmentRow} from '../store/schema.js'

const createSchema = {
  type: 'object',
  required: ['addon', 'app'],
  properties: {
    addon: identitySchema,
    app: identitySchema,
    name: {type: ['string', 'null']},
    confirm: {type: ['string', 'null']},
    namespace: {type: ['string', 'null']},
  },
}
const resolveSchema = {
  type: 'object',
  required: ['addon_attachment'],
  properties: {addon_attachment: {type: 'string', minLength: 1}, app: {type: ['string', 'null']}, addon_service: {type: ['string', 'null']}},
}

interface CreateBody {
  addon: Identity
  app: Identity
  name?: string | null
  confirm?: string | null
  namespace?: string | null
}

export function attachmentRoutes(app: FastifyInstance, s: Services): void {
  const {db} = s.ctx.store
  const render = (request: FastifyRequest, rows: AttachmentRow[]) => attachmentViews(db, s.catalog, rows, attachmentView(request, s.ctx.baseUrl()))
  const one = async (request: FastifyRequest, row: AttachmentRow) => (await render(request, [row]))[0]

  app.post<{Body: CreateBody}>('/addon-attachments', {schema: {body: createSchema}}, async (request, reply) => {
    const body = request.body
    const row = await s.attachments.attach(actorOf(request), {
      addon: ref(body.addon, 'addon'), app: ref(body.app, 'app'), name: body.name ?? undefined, confirm: body.confirm ?? undefined, namespace: body.namespace,
    })
    return reply.code(201).send(await one(request, row))
  })
  app.delete<{Params: {id: string}}>('/addon-attachments/:id', async (request) => one(request, await s.attachments.detach(actorOf(request), request.params.id)))
  app.get('/addon-attachments', async (request) => render(request, await s.attachments.list(actorOf(request), {})))
  app.get<{Params: {id: string}}>('/addon-attachments/:id', async (request) => one(request, await s.attachments.byId(actorOf(request), request.params.id)))
  app.get<{Params: {addon: string}}>('/addons/:addon/addon-attachments', {config: {auth: 'partner'}}, async (request) => {
    if (request.partnerAddonId) return render(request, await s.attachments.ofAddon(request.partnerAddonId))
    return render(request, await s.attachments.list(actorOf(request), {addon: request.params.addon}))
  })
  app.get<{Params: {app: string}}>('/apps/:app/addon-attachments', async (request) => render(request, await s.attachments.list(actorOf(request), {app: request.params.app})))
  app.get<{Params: {app: string; id: string}}>('/apps/:app/addon-attachments/:id', async (request) =>
    one(request, await s.attachments.onApp(actorOf(request), request.params.app, request.params.id)))
  app.post<{Body: {addon_attachment: string; app?: string | null; addon_service?: string | null}}>('/actions/addon-attachments/resolve', {schema: {body: resolveSchema}}, async (request) =>
    render(request, await s.resolver.attachments(actorOf(request), request.body)))
}
