import type {FastifyInstance, FastifyReply} from 'fastify'
import {formatLogLine, LOGPLEX_CONTENT_TYPES} from '../../wire/logplex.js'
import {actorOf} from '../http/auth.js'
import type {Services} from '../services/index.js'
import type {LogSessionRow} from '../store/schema.js'
import {LogInputRefused} from './log-input.js'
import type {LogSessionInput} from './log-sessions.js'

// A POST to /logs may carry a few thousand frames of up to 10 KB
const INPUT_BODY_LIMIT = 16 * 1024 * 1024
// an idle tail says it is alive this often, so proxies and clients keep the stream open
const KEEP_ALIVE_MS = 15_000

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

async function streamEvents(reply: FastifyReply, lines: (signal: AbortSignal) => AsyncGenerator<{seq: number; time: string; source: string; process: string; message: string}[]>, closing: AbortSignal): Promise<void> {
  const abort = new AbortController()
  const stop = () => abort.abort()
  reply.raw.on('close', stop)
  closing.addEventListener('abort', stop)
  reply.hijack()
  reply.raw.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no'})
  reply.raw.flushHeaders()
  const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
  try {
    for await (const batch of lines(abort.signal)) {
      let chunk = ''
      for (const line of batch) chunk += `id: ${line.seq}\ndata: ${formatLogLine(line)}\n\n`
      // a slow reader holds up only its own stream
      if (!reply.raw.write(chunk)) await new Promise((resolve) => reply.raw.once('drain', resolve).once('close', resolve))
      if (abort.signal.aborted) break
    }
  } finally {
    clearInterval(keepAlive)
    reply.raw.off('close', stop)
    closing.removeEventListener('abort', stop)
    reply.raw.end()
  }
}
