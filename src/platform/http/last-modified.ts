import type {FastifyInstance} from 'fastify'

// Last-Modified on answers about resources, as the Platform API sends it beside the ETag: the
// newest `updated_at` of the resource, or of the resources in a list. Read from the answer object
// before it is serialized, so it costs a scan of the list, not a parse.
export function registerLastModified(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const newest = newestUpdate(payload)
    if (newest !== undefined) reply.header('Last-Modified', new Date(newest).toUTCString())
    return payload
  })
}

function newestUpdate(payload: unknown): number | undefined {
  const items = Array.isArray(payload) ? payload : [payload]
  let newest: number | undefined
  for (const item of items) {
    const stamp = typeof item === 'object' && item !== null ? Date.parse(String((item as {updated_at?: unknown}).updated_at)) : Number.NaN
    if (!Number.isNaN(stamp) && (newest === undefined || stamp > newest)) newest = stamp
  }
  return newest
}
