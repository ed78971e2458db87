import type {FastifyInstance} from 'fastify'
import {LOGPLEX_CONTENT_TYPES} from '../../wire/logplex.js'
import {actorOf} from '../http/auth.js'
import type {Services} from '../services/index.js'
import type {LogSessionRow} from '../store/schema.js'
import type {OutputInput, RunInput} from './app-output.js'
import {drainRoutes} from './drains/routes.js'
import {LogInputRefused} from './log-input.js'
import type {LogSessionInput} from './log-sessions.js'
import {streamEvents} from './server-sent-events.js'

// A POST to /logs may carry a few thousand frames of up to 10 KB
const INPUT_BODY_LIMIT = 16 * 1024 * 1024

const sessionSchema = {
  type: ['object', 'null'],
  properties: {
    lines: {type: 'integer'},
    source: {type: ['string', 'null']},
    dyno: {type: ['string', 'null']},
    dyno_name: {type: ['string', 'null']},
    type: {type: ['string', 'null']},
    tail: {type: ['boolean', 'null']},
  },
}

const runSchema = {
  type: 'object',
  required: ['command'],
  properties: {command: {type: 'string'}, type: {type: 'string'}, attach: {type: 'boolean'}, size: {type: 'string'}, env: {type: 'object'}, force_no_tty: {type: ['boolean', 'null']}, time_to_live: {type: 'integer'}},
}
const outputSchema = {
  type: 'object',
  required: ['process', 'lines'],
  additionalProperties: false,
  properties: {
    process: {type: 'string'},
    lines: {type: 'array', items: {type: 'object', required: ['message'], additionalProperties: false, properties: {time: {type: 'string'}, message: {type: 'string'}}}},
    exit_status: {type: 'integer'},
  },
}

export function logRoutes(app: FastifyInstance, s: Services): void {
  const {logs} = s
  app.register(async (scope) => {
    for (const type of LOGPLEX_CONTENT_TYPES) scope.addContentTypeParser(type, {parseAs: 'buffer', bodyLimit: INPUT_BODY_LIMIT}, (_req, body, done) => done(null, body))
    // Logplex's input: the add-on's token is the credential, answers are Logplex's plain text
    scope.post<{Body: Buffer}>('/logs', {config: {auth: 'none'}, bodyLimit: INPUT_BODY_LIMIT}, async (request, reply) => {
      try {
        await logs.input.accept({
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          contentEncoding: request.headers['content-encoding'] as string | undefined,
          msgCount: request.headers['logplex-msg-count'] as string | undefined,
          body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        })
        return reply.code(204).send()
      } catch (error) {
        if (!(error instanceof LogInputRefused)) throw error
        reply.raw.statusMessage = error.message
        return reply.code(error.status).headers(error.headers).type('text/plain').send(error.message)
      }
    })
  })

  app.post<{Params: {app: string}; Body: LogSessionInput | null}>('/apps/:app/log-sessions', {schema: {body: sessionSchema}}, async (request, reply) => {
    const session = await logs.sessions.create(actorOf(request), request.params.app, {...request.body, tail: request.body?.tail ?? false})
    return reply.code(201).send(logSessionView(session, s.ctx.baseUrl()))
  })

  // `addonkit run`: a one-off process name for the command, then what it prints. Lines are Logplex
  // input, not Platform API calls: they do not spend the account's request budget.
  app.post<{Params: {app: string}; Body: RunInput}>('/apps/:app/dynos', {schema: {body: runSchema}}, async (request, reply) =>
    reply.code(201).send(await logs.output.startRun(actorOf(request), request.params.app, request.body)))
  app.post<{Params: {app: string}; Body: OutputInput}>('/apps/:app/log-lines', {schema: {body: outputSchema}, config: {rateLimit: 'free'}}, async (request, reply) => {
    await logs.output.write(actorOf(request), request.params.app, request.body)
    return reply.code(204).send()
  })

  // The session's logplex_url: Server-Sent Events, `id: <line number>` / `data: <line>`. A reader
  // that reconnects sends Last-Event-ID and gets only what came after it.
  app.get<{Params: {id: string}}>('/log-stream/:id', {config: {auth: 'none', rateLimit: 'free'}}, async (request, reply) => {
    const session = await logs.sessions.open(request.params.id)
    const lastId = request.headers['last-event-id']
    const lastSeen = typeof lastId === 'string' && /^\d+$/.test(lastId) ? Number(lastId) : undefined
    await streamEvents(reply, (signal) => logs.sessions.follow(session, lastSeen, signal), logs.closing)
  })

  drainRoutes(app, s)
}

export function logSessionView(session: LogSessionRow, baseUrl: string) {
  return {id: session.id, logplex_url: `${baseUrl}/log-stream/${session.id}`, created_at: session.created_at, updated_at: session.created_at}
}
