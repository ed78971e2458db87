import type {FastifyInstance} from 'fastify'
import {isPreconditionRead} from './preconditions.js'

export interface RateLimit {
  // requests an account may make in a burst
  bucket: number
  // tokens given back per minute
  refillPerMinute: number
}

// Heroku's documented bucket: 2,400 requests, refilled at about 20 a minute.
export const HEROKU_RATE_LIMIT: RateLimit = {bucket: 2400, refillPerMinute: 20}

// A token bucket per caller (account, or provider token): every authenticated request spends one and
// learns what is left from RateLimit-Remaining; an empty bucket answers 429 `rate_limit`, as Heroku
// does. `false` turns it off (benchmarks). Runs after authentication, which tells who is calling.
export function registerRateLimit(app: FastifyInstance, limit: RateLimit | false): void {
  if (limit === false) return
  const buckets = new Map<string, {tokens: number; at: number}>()
  const refillPerMs = limit.refillPerMinute / 60_000
  app.addHook('preHandler', async (request, reply) => {
    const key = request.actor?.id ?? request.partnerAddonId
    if (!key || isPreconditionRead(request)) return
    const now = Date.now()
    const bucket = buckets.get(key) ?? {tokens: limit.bucket, at: now}
    bucket.tokens = Math.min(limit.bucket, bucket.tokens + (now - bucket.at) * refillPerMs)
    bucket.at = now
    buckets.set(key, bucket)
    const free = request.routeOptions.config?.rateLimit === 'free'
    if (!free && bucket.tokens < 1) {
      reply.header('RateLimit-Remaining', '0')
      return reply.code(429).send({id: 'rate_limit', message: 'Your account reached the API rate limit. Please wait a few minutes before making new requests.'})
    }
    if (!free) bucket.tokens -= 1
    reply.header('RateLimit-Remaining', String(Math.floor(bucket.tokens)))
  })
}
