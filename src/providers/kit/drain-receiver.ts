import {gunzip} from 'node:zlib'
import {promisify} from 'node:util'
import type {FastifyError, FastifyInstance} from 'fastify'
import {type DrainMessage, LOGPLEX_CONTENT_TYPES, MalformedFrames, parseDrainBody} from '../../wire/logplex.js'

const gunzipAsync = promisify(gunzip)

// One delivery of an HTTPS drain: the lines of one app, oldest first.
export interface DrainBatch {
  // Logplex-Drain-Token: the log_drain_token the provision request carried
  token: string
  // Logplex-Frame-Id: the same on every retry of a batch, so a receiver can skip one it already kept
  frameId?: string
  lines: DrainMessage[]
}

export interface DrainReceiverOptions<Resource> {
  // The resource a drain token belongs to (the log_drain_token its provision request carried), or
  // undefined: deliveries for anything else are refused.
  resourceForToken(token: string): Resource | undefined | Promise<Resource | undefined>
  // Keeps a batch. Throwing answers 500, and the platform tries the batch again.
  receive(resource: Resource, batch: DrainBatch): void | Promise<void>
  // largest body taken (default 5 MB; Logplex sends batches of about 100 KB)
  bodyLimit?: number
}

/**
 * What the receiver answers, chosen for how Logplex treats answers (2xx delivered; any 4xx but 429
 * dropped without a retry; anything else retried):
 * - 204: kept;
 * - 403: no Logplex-Drain-Token, or one that is not this provider's (a deprovisioned resource's, a
 *   guess): retrying cannot help, and the URL itself exists, hence not 404;
 * - 415: a Content-Type other than application/logplex-1 (or its older x- name), or an unknown
 *   Content-Encoding (gzip is taken);
 * - 400: `Malformed log messages: …` for a bad frame (nothing of the body is kept),
 *   `Message count mismatch` when Logplex-Msg-Count disagrees with the frames.
 * The token is checked first, so a stranger learns nothing else about the receiver.
 */
export interface DrainAnswer {
  status: 204 | 400 | 403 | 415
  message?: string
}

type Headers = Record<string, string | string[] | undefined>

// The framework-free receiver: the raw body and headers of one POST in, the answer out.
export async function receiveDrainBatch<Resource>(request: {body: Buffer; headers: Headers}, options: DrainReceiverOptions<Resource>): Promise<DrainAnswer> {
  const header = headerReader(request.headers)
  const token = header('logplex-drain-token')
  if (!token) return {status: 403, message: 'no Logplex-Drain-Token: this URL takes only Logplex drain deliveries'}
  const resource = await options.resourceForToken(token)
  if (resource === undefined) return {status: 403, message: 'unknown drain token: no resource of this provider has it'}

  const mediaType = (header('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (!LOGPLEX_CONTENT_TYPES.includes(mediaType)) return {status: 415, message: `Content-Type must be ${LOGPLEX_CONTENT_TYPES[0]}`}
  const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase()
  if (encoding !== 'identity' && encoding !== 'gzip') return {status: 415, message: `Content-Encoding ${encoding} is not taken: send gzip or none`}

  let lines: DrainMessage[]
  try {
    const body = encoding === 'gzip' ? await gunzipAsync(request.body) : request.body
    lines = parseDrainBody(body)
  } catch (error) {
    if (error instanceof MalformedFrames) return {status: 400, message: error.message}
    return {status: 400, message: 'Bad request: the gzip body could not be read'}
  }
  const count = header('logplex-msg-count')
  if (count !== undefined && count.trim() !== String(lines.length)) return {status: 400, message: 'Message count mismatch'}

  await options.receive(resource, {token, frameId: header('logplex-frame-id'), lines})
  return {status: 204}
}

/**
 * The same as a fastify plugin, serving `POST /` under the prefix it is registered with:
 *
 *   app.register(drainReceiver({resourceForToken, receive}), {prefix: '/drain'})
 *
 * The route reads its body raw whatever parsers the host app has; errors are `{message}`.
 */
export function drainReceiver<Resource>(options: DrainReceiverOptions<Resource>) {
  return async function drainPlugin(app: FastifyInstance) {
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', {parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024}, (_request, body, done) => done(null, body))
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500
      if (status < 500) return reply.code(status).send({message: error.message})
      request.log.error({err: error}, 'a drain delivery could not be kept')
      return reply.code(500).send({message: 'the delivery could not be kept: internal error'})
    })
    app.post('/', async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      const answer = await receiveDrainBatch({body, headers: request.headers}, options)
      if (answer.status === 204) return reply.code(204).send()
      return reply.code(answer.status).send({message: answer.message})
    })
  }
}

// Header values by lower-case name, the first when a header came twice.
function headerReader(headers: Headers): (name: string) => string | undefined {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value[0] : value]))
  return (name) => byName.get(name)
}
