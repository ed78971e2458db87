import type {FastifyError, FastifyInstance} from 'fastify'
import {PlatformError} from '../services/errors.js'
import {BODY_LIMIT_BYTES} from './parsers.js'

// Every failure answers `{id, message}` (+ `resource` on 404s): one line, never a stack trace.
export function registerErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof PlatformError) {
      const body: Record<string, string> = {id: error.id, message: error.message}
      if (error.resource) body.resource = error.resource
      if (error.status === 423) reply.header('X-Confirmation-Required', 'true')
      return reply.code(error.status).send(body)
    }
    if (error.validation) {
      const first = error.validation[0]
      const where = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : ''
      const message = first ? `${where ? `${where} ` : ''}${first.message ?? 'is invalid'}` : error.message
      return reply.code(422).send({id: 'invalid_params', message: `Invalid request body: ${message}.`})
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({id: 'payload_too_large', message: `The request body is larger than the ${BODY_LIMIT_BYTES / 1024 / 1024} MB (${BODY_LIMIT_BYTES} bytes) the platform accepts.`})
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code?.startsWith('FST_ERR_CTP') ? 'The request body is not valid JSON.' : error.message
      return reply.code(error.statusCode === 415 ? 415 : 400).send({id: 'bad_request', message})
    }
    log(`error on ${request.method} ${request.url}: ${error.stack ?? error.message}`)
    return reply.code(500).send({id: 'internal_error', message: 'Internal server error.'})
  })
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({id: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.`})
  })
}
