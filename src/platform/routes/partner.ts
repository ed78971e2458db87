import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import {addonView} from '../http/views.js'
import {addons as addonViews} from '../serializers/addons.js'
import {oauthToken} from '../serializers/oauth.js'
import {forbidden, invalid} from '../services/errors.js'
import type {Services} from '../services/index.js'

const tokenFormSchema = {
  type: 'object',
  required: ['grant_type'],
  properties: {grant_type: {type: 'string'}, code: {type: 'string'}, refresh_token: {type: 'string'}, client_secret: {type: 'string'}},
}
const tokensJsonSchema = {
  type: 'object',
  required: ['grant', 'client'],
  properties: {
    grant: {type: 'object', required: ['type'], properties: {type: {type: 'string'}, code: {type: 'string'}}},
    refresh_token: {type: 'object', properties: {token: {type: 'string'}}},
    client: {type: 'object', required: ['secret'], properties: {secret: {type: 'string'}}},
  },
}
const configSchema = {
  type: 'object',
  required: ['config'],
  properties: {
    config: {
      type: 'array',
      items: {type: 'object', required: ['name', 'value'], properties: {name: {type: 'string'}, value: {type: ['string', 'null']}}},
    },
  },
}

// The provider-facing surface: the OAuth grant exchange and what a per-add-on token may do.
export function partnerRoutes(app: FastifyInstance, s: Services): void {
  app.post<{Body: {grant_type: string; code?: string; refresh_token?: string; client_secret?: string}}>('/oauth/token', {config: {auth: 'none'}, schema: {body: tokenFormSchema}}, async (request) => {
    const {grant_type: type, code, refresh_token: refresh, client_secret: secret = ''} = request.body
    if (type === 'authorization_code' && code) return s.partnerAuth.exchange(code, secret)
    if (type === 'refresh_token' && refresh) return s.partnerAuth.refresh(refresh, secret)
    throw invalid('grant_type must be authorization_code (with code) or refresh_token (with refresh_token).')
  })
  app.post<{Body: {grant: {type: string; code?: string}; refresh_token?: {token?: string}; client: {secret: string}}}>('/oauth/tokens', {config: {auth: 'none'}, schema: {body: tokensJsonSchema}}, async (request, reply) => {
    const {grant, client} = request.body
    const token = grant.type === 'refresh_token'
      ? await s.partnerAuth.refresh(request.body.refresh_token?.token ?? '', client.secret)
      : await s.partnerAuth.exchange(grant.code ?? '', client.secret)
    return reply.code(201).send(oauthToken(token, grant))
  })

  app.get<{Params: {addon: string}}>('/addons/:addon/config', {config: {auth: 'partner'}}, async (request) => {
    const id = request.partnerAddonId ?? (await s.addons.info(actorOf(request), undefined, request.params.addon)).id
    return s.partner.config(id)
  })
  app.patch<{Params: {addon: string}; Body: {config: {name: string; value: string | null}[]}}>('/addons/:addon/config', {config: {auth: 'partner'}, schema: {body: configSchema}}, async (request) => {
    if (!request.partnerAddonId) throw forbidden('Only the add-on provider can change its config.')
    return s.partner.patchConfig(request.partnerAddonId, request.body.config)
  })
  app.post<{Params: {addon: string; action: string}}>('/addons/:addon/actions/:action', {config: {auth: 'partner'}}, async (request, reply) => {
    if (!request.partnerAddonId) throw forbidden('Only the add-on provider can mark its add-on provisioned or deprovisioned.')
    const {action} = request.params
    if (action !== 'provision' && action !== 'deprovision') throw invalid(`Unknown action ${action}; use provision or deprovision.`)
    const row = action === 'provision' ? await s.partner.provision(request.partnerAddonId) : await s.partner.deprovision(request.partnerAddonId)
    return reply.code(201).send((await addonViews(s.ctx.store.db, s.catalog, [row], addonView(request, s.ctx.baseUrl())))[0])
  })
}
