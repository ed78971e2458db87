import type {FastifyError, FastifyInstance, FastifyRequest} from 'fastify'
import {parseBasicAuth, safeEqual} from '../kit/basic-auth.js'
import type {ResourceStore} from '../kit/resource-store.js'
import {KvData, OverLimitError} from './kv-data.js'
import {kvPlanLimits, largestKvLimit} from './plans.js'

export interface KvResourceData {
  token: string
}

// Basic auth with the token as user name (what KV_URL's userinfo becomes), or a Bearer token.
function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? ''
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return bearer ? bearer[1] : parseBasicAuth(header)?.username
}

// The service itself: GET/PUT/DELETE /kv/<resource>/<key>, and GET /kv/<resource> for the key list.
// `counted` hears of every request that got past the token check (what pay-as-you-go bills).
export async function kvDataRoutes(app: FastifyInstance, resources: ResourceStore<KvResourceData>, data: KvData, counted: (resource: string) => void = () => {}) {
  // Values are stored as sent, whatever their content type.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', {parseAs: 'buffer', bodyLimit: largestKvLimit + 1024}, (_request, body, done) => done(null, body))

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) request.log.error({err: error}, 'kv request failed')
    const message = status === 413 ? 'value too large for any kv plan' : status >= 500 ? 'kv store failed: internal error' : error.message
    return reply.code(status).send({message})
  })

  // Checked before the body is read; the same 401 for an unknown resource and a wrong token,
  // so ids cannot be probed.
  app.addHook('onRequest', async (request: FastifyRequest<{Params: {resource: string}}>, reply) => {
    const resource = await resources.get(request.params.resource)
    const token = presentedToken(request)
    const ok = safeEqual(token ?? '', resource?.data.token ?? '') && token !== undefined && resource !== undefined
    if (!ok) return reply.code(401).header('www-authenticate', 'Basic realm="kv"').send({message: 'wrong or missing kv token: use the credentials in KV_URL'})
    ;(request as FastifyRequest & {kvPlan?: string}).kvPlan = resource.plan
    counted(resource.id)
  })

  app.get<{Params: {resource: string}}>('/:resource', async (request) => {
    const {resource} = request.params
    return {keys: await data.keys(resource), bytes: (await data.usage(resource)).bytes}
  })

  app.get<{Params: {resource: string; '*': string}}>('/:resource/*', async (request, reply) => {
    const value = await data.get(request.params.resource, request.params['*'])
    if (!value) return reply.code(404).send({message: `no key ${request.params['*']}`})
    return reply.type('application/octet-stream').send(value)
  })

  app.put<{Params: {resource: string; '*': string}}>('/:resource/*', async (request, reply) => {
    const key = request.params['*']
    if (!key) return reply.code(400).send({message: 'give a key: PUT /kv/<resource>/<key>'})
    const body = request.body
    const value = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '')
    const plan = (request as FastifyRequest & {kvPlan?: string}).kvPlan!
    try {
      await data.set(request.params.resource, key, value, kvPlanLimits[plan] ?? 0)
    } catch (error) {
      if (error instanceof OverLimitError) return reply.code(413).send({message: `${error.message} (plan ${plan})`})
      throw error
    }
    return reply.code(204).send()
  })

  app.delete<{Params: {resource: string; '*': string}}>('/:resource/*', async (request, reply) => {
    const deleted = await data.delete(request.params.resource, request.params['*'])
    if (!deleted) return reply.code(404).send({message: `no key ${request.params['*']}`})
    return reply.code(204).send()
  })
}
