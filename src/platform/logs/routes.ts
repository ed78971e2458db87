import type {FastifyInstance} from 'fastify'
import {LOGPLEX_CONTENT_TYPES} from '../../wire/logplex.js'
import {actorOf} from '../http/auth.js'
import type {Services} from '../services/index.js'
import type {LogSessionRow} from '../store/schema.js'
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

  // The session's logplex_url: Server-Sent Events, `id: <line number>` / `data: <line>`. A reader
  // that reconnects sends Last-Event-ID and gets only what came after it.
  app.get<{Params: {id: string}}>('/log-stream/:id', {config: {auth: 'none', rateLimit: 'free'}}, async (request, reply) => {
    const session = await logs.sessions.open(request.params.id)
    const lastId = request.headers['last-event-id']
    const lastSeen = typeof lastId === 'string' && /^\d+$/.test(lastId) ? Number(lastId) : undefined
    await streamEvents(reply, (signal) => logs.sessions.follow(session, lastSeen, signal), logs.closing)
  })
}

export function logSessionView(session: LogSessionRow, baseUrl: string) {
  return {id: session.id, logplex_url: `${baseUrl}/log-stream/${session.id}`, created_at: session.created_at, updated_at: session.created_at}
}
