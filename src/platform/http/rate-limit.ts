import type {FastifyInstance} from 'fastify'
import type {RateLimits} from '../services/rate-limits.js'
import {isPreconditionRead} from './preconditions.js'

export {HEROKU_RATE_LIMIT, type RateLimit} from '../services/rate-limits.js'

// Every authenticated request spends one token of its caller's bucket (account, or provider token)
// and learns what is left from RateLimit-Remaining; an empty bucket answers 429 `rate_limit`, as
// Heroku does. The buckets are shared by every instance (services/rate-limits.ts); `undefined`
// turns the limit off (benchmarks). Runs after authentication, which tells who is calling.
export function registerRateLimit(app: FastifyInstance, limits: RateLimits | undefined): void {
  if (!limits) return
  app.addHook('preHandler', async (request, reply) => {
    const key = request.actor?.id ?? request.partnerAddonId
    if (!key || isPreconditionRead(request)) return
    const free = request.routeOptions.config?.rateLimit === 'free'
    const {allowed, remaining} = await limits.spend(key, free ? 0 : 1)
    if (!allowed) {
      reply.header('RateLimit-Remaining', '0')
      return reply.code(429).send({id: 'rate_limit', message: 'Your account reached the API rate limit. Please wait a few minutes before making new requests.'})
    }
    reply.header('RateLimit-Remaining', String(remaining))
  })
}
