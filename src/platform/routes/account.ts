import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import * as views from '../serializers/core.js'
import type {Services} from '../services/index.js'

export function accountRoutes(app: FastifyInstance, s: Services): void {
  app.get('/account', async (request) => views.account(actorOf(request)))
  app.get<{Params: {user: string}}>('/users/:user', async (request) => views.account(s.accounts.resolveUser(actorOf(request), request.params.user)))
  // the rate-limit hook fills RateLimit-Remaining without spending a request on this one
  app.get('/account/rate-limits', {config: {rateLimit: 'free'}}, async (request, reply) => {
    actorOf(request)
    const remaining = reply.getHeader('RateLimit-Remaining')
    return {remaining: remaining === undefined ? null : Number(remaining)}
  })
}
