import {randomBytes} from 'node:crypto'
import type {FastifyInstance, FastifyRequest} from 'fastify'

// Conditional writes, as the Platform API has them: a PATCH, PUT or DELETE carrying `If-Match` goes
// ahead only while the resource's ETag (what a GET of the same URL answers now) is one it lists, or,
// for `*`, while the resource exists; otherwise 412 and nothing changes. The current ETag comes from
// that GET, made inside this process with the caller's credentials and the headers that shape the
// answer, and marked with a header only this process knows, so it is neither logged nor counted
// against the caller's rate limit.

const INTERNAL_HEADER = 'x-addonkit-precondition-read'
const internalSecret = randomBytes(16).toString('hex')
const VARIANT_HEADERS = ['authorization', 'accept', 'accept-expansion', 'accept-inclusion', 'x-heroku-legacy-provider-messages']
const WRITES = new Set(['PATCH', 'PUT', 'DELETE'])

export function isPreconditionRead(request: FastifyRequest): boolean {
  return request.headers[INTERNAL_HEADER] === internalSecret
}

export function registerPreconditions(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const wanted = request.headers['if-match']
    if (typeof wanted !== 'string' || !WRITES.has(request.method)) return
    const headers: Record<string, string> = {[INTERNAL_HEADER]: internalSecret}
    for (const name of VARIANT_HEADERS) {
      const value = request.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const current = await app.inject({method: 'GET', url: request.url, headers})
    const etag = current.statusCode === 200 ? current.headers.etag : undefined
    if (!matches(wanted, typeof etag === 'string' ? etag : undefined)) {
      return reply.code(412).send({id: 'precondition_failed', message: 'The resource has changed since it was read (If-Match does not match its ETag): read it again.'})
    }
  })
}

// Strong comparison (RFC 9110): weak tags never match; `*` matches any current representation.
function matches(ifMatch: string, etag: string | undefined): boolean {
  if (etag === undefined) return false
  return ifMatch.split(',').map((tag) => tag.trim()).some((tag) => tag === '*' || (tag === etag && !tag.startsWith('W/')))
}
