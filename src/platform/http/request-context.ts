import {randomUUID} from 'node:crypto'
import type {FastifyInstance} from 'fastify'
import {isPreconditionRead} from './preconditions.js'

const SECRET_PARAMS = /([?&](?:token|resource_token|user_scoped_resource_token|key|code|client_secret|refresh_token|password|api_key)=)[^&]*/gi

// Request-Id, the API version check and one log line per request.
export function registerRequestContext(app: FastifyInstance, log: (line: string) => void): void {
  app.decorateRequest('requestId', '')

  app.addHook('onRequest', async (request, reply) => {
    request.requestId = randomUUID()
    reply.header('Request-Id', request.requestId)
    const accept = request.headers.accept
    if (accept && accept.includes('application/vnd.heroku+json')) {
      const version = /version=([^;,\s]+)/.exec(accept)?.[1]
      if (version !== undefined && version !== '3' && !version.startsWith('3.')) {
        return reply.code(406).send({id: 'not_acceptable', message: `API version ${version} is not supported; use version=3.`})
      }
    }
  })

  app.addHook('onResponse', async (request, reply) => {
    if (isPreconditionRead(request)) return
    const incoming = request.headers['request-id']
    const chain = typeof incoming === 'string' && incoming !== '' ? ` client_request_id=${incoming.split(',')[0].trim()}` : ''
    const path = request.url.replace(SECRET_PARAMS, '$1[redacted]')
    log(`${request.method} ${path} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms request_id=${request.requestId}${chain}`)
  })
}
