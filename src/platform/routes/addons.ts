import type {FastifyInstance, FastifyRequest} from 'fastify'
import {actorOf} from '../http/auth.js'
import {identitySchema, ref, type Identity} from '../http/identity.js'
import {addonView, pageRequest, sendPage} from '../http/views.js'
import {addons as addonViews, type KnownAddons} from '../serializers/addons.js'
import type {Services} from '../services/index.js'
import type {AddonRow} from '../store/schema.js'

const RANGES = ['id', 'name']

const createSchema = {
  type: 'object',
  required: ['plan'],
  properties: {
    plan: identitySchema,
    name: {type: 'string'},
    attachment: {type: 'object', properties: {name: {type: 'string'}}},
    config: {type: 'object', additionalProperties: {type: ['string', 'boolean', 'number']}},
    confirm: {type: ['string', 'null']},
  },
}
const updateSchema = {type: 'object', properties: {plan: identitySchema, name: {type: 'string'}}, minProperties: 1}
const destroySchema = {type: ['object', 'null'], properties: {force: {type: 'boolean'}}}
const resolveSchema = {
  type: 'object',
  required: ['addon'],
  properties: {addon: {type: 'string', minLength: 1}, app: {type: ['string', 'null']}, addon_service: {type: ['string', 'null']}},
}

interface CreateBody {
  plan: Identity
  name?: string
  attachment?: {name?: string}
  config?: Record<string, unknown>
  confirm?: string | null
}

export function addonRoutes(app: FastifyInstance, s: Services): void {
  const {db} = s.ctx.store
  const render = async (request: FastifyRequest, rows: AddonRow[], message?: string | null, known?: KnownAddons) => {
    const options = addonView(request, s.ctx.baseUrl())
    const out = await addonViews(db, s.catalog, rows, options, known)
    // a plan change's own message, for the clients that ask for provider messages
    if (message !== undefined && options.providerMessages && out[0]) out[0].provision_message = message ?? ''
    return out
  }
  const one = async (request: FastifyRequest, row: AddonRow, message?: string | null) => (await render(request, [row], message))[0]

  app.post<{Params: {app: string}; Body: CreateBody}>('/apps/:app/addons', {schema: {body: createSchema}}, async (request, reply) => {
    const body = request.body
    const created = await s.addons.createDescribed(actorOf(request), request.params.app, {
      plan: ref(body.plan, 'plan'), name: body.name, attachmentName: body.attachment?.name, config: body.config, confirm: body.confirm ?? undefined,
    })
    const known = {appNames: new Map([[created.addon.app_id, created.appName]]), attachments: [created.attachment]}
    return reply.code(201).send((await render(request, [created.addon], undefined, known))[0])
  })

  app.get<{Params: {app: string}}>('/apps/:app/addons', async (request, reply) => {
    const page = await s.addons.listForApp(actorOf(request), request.params.app, pageRequest(request, RANGES))
    return sendPage(reply, page, RANGES, await render(request, page.items))
  })
  app.get('/addons', async (request, reply) => {
    const page = await s.addons.listAll(actorOf(request), pageRequest(request, RANGES))
    return sendPage(reply, page, RANGES, await render(request, page.items))
  })
  app.get<{Params: {user: string}}>('/users/:user/addons', async (request, reply) => {
    const page = await s.addons.listForUser(actorOf(request), request.params.user, pageRequest(request, RANGES))
    return sendPage(reply, page, RANGES, await render(request, page.items))
  })

  // Providers read their own add-on with their partner token.
  app.get<{Params: {addon: string}}>('/addons/:addon', {config: {auth: 'partner'}}, async (request) => {
    if (request.partnerAddonId) return one(request, await s.partner.addon(request.partnerAddonId))
    return one(request, await s.addons.info(actorOf(request), undefined, request.params.addon))
  })
  app.get<{Params: {app: string; addon: string}}>('/apps/:app/addons/:addon', async (request) =>
    one(request, await s.addons.info(actorOf(request), request.params.app, request.params.addon)))

  const update = async (request: FastifyRequest<{Params: {app?: string; addon: string}; Body: {plan?: Identity; name?: string}}>) => {
    const {addon, message} = await s.addons.update(actorOf(request), request.params.app, request.params.addon, {
      plan: ref(request.body.plan, 'plan'), name: request.body.name,
    })
    return one(request, addon, message)
  }
  app.patch<{Params: {app: string; addon: string}; Body: {plan?: Identity; name?: string}}>('/apps/:app/addons/:addon', {schema: {body: updateSchema}}, update)
  app.patch<{Params: {addon: string}; Body: {plan?: Identity; name?: string}}>('/addons/:addon', {schema: {body: updateSchema}}, update)

  app.delete<{Params: {app: string; addon: string}; Body: {force?: boolean} | null}>('/apps/:app/addons/:addon', {schema: {body: destroySchema}}, async (request) =>
    one(request, await s.addons.destroy(actorOf(request), request.params.app, request.params.addon, request.body?.force === true)))
  app.delete<{Params: {addon: string}; Body: {force?: boolean} | null}>('/addons/:addon', {schema: {body: destroySchema}}, async (request) =>
    one(request, await s.addons.destroy(actorOf(request), undefined, request.params.addon, request.body?.force === true)))

  app.post<{Body: {addon: string; app?: string | null; addon_service?: string | null}}>('/actions/addons/resolve', {schema: {body: resolveSchema}}, async (request) =>
    render(request, await s.addons.resolve(actorOf(request), request.body)))
}
