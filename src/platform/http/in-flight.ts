import type {FastifyInstance} from 'fastify'
import type {Foreground} from '../jobs/foreground.js'

// Tells the foreground tracker (jobs/foreground.ts) which requests this instance is answering, so that
// background work waits for a quiet moment. A request counts from its first hook until its answer is
// ready (onSend); a hijacked one (a log tail) or one cut off counts until its connection closes.
export function registerInFlight(app: FastifyInstance, foreground: Foreground): void {
  app.addHook('onRequest', async (request, reply) => {
    foreground.begin(request)
    reply.raw.once('close', () => foreground.end(request))
  })
  app.addHook('onSend', async (request, _reply, payload) => {
    foreground.end(request)
    return payload
  })
}
