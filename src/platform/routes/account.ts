import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import * as views from '../serializers/core.js'
import type {Services} from '../services/index.js'

export function accountRoutes(app: FastifyInstance, s: Services): void {
  app.get('/account', async (request) => views.account(actorOf(request)))
  app.get<{Params: {user: string}}>('/users/:user', async (request) => views.account(s.accounts.resolveUser(actorOf(request), request.params.user)))
  app.get('/account/rate-limits', async (_request, reply) => ({remaining: Number(reply.getHeader('RateLimit-Remaining') ?? 2400)}))
}
