import {createHash, timingSafeEqual} from 'node:crypto'
import type {FastifyError, FastifyInstance} from 'fastify'
import {verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER} from '../../wire/webhook-signing.js'
import {envelopeProblem, type WebhookEvent} from './webhook-events.js'

type Headers = Record<string, string | string[] | undefined>

// What a subscription was made with: deliveries are signed with its secret and carry its authorization.
export interface WebhookCredentials {
  secret: string
  // when the subscription was given one, deliveries without it are refused
  authorization?: string
}

/**
 * What the receiver answers (the platform counts any 2xx as delivered and retries `sync`
 * subscriptions otherwise):
 * - 204: handed to the provider;
 * - 401: no Heroku-Webhook-Hmac-SHA256 header, or not the subscription's Authorization;
 * - 403: a signature that is not the subscription's (or no subscription behind the URL);
 * - 400: a correctly signed body that is not an event.
 */
export interface WebhookAnswer {
  status: 204 | 400 | 401 | 403
  message?: string
}

/**
 * Checks one delivery against its subscription's credentials: the HMAC-SHA256 of the raw body (the
 * bytes as they arrived, never a re-serialised parse) compared in constant time, then the
 * Authorization; only then is the body parsed. Framework-free: any server can call it.
 */
export function readWebhookDelivery(request: {body: Buffer | string; headers: Headers}, credentials: WebhookCredentials): {event: WebhookEvent} | {refusal: WebhookAnswer} {
  const header = headerReader(request.headers)
  const signature = header(WEBHOOK_SIGNATURE_HEADER)
  if (!signature) return {refusal: {status: 401, message: `no ${WEBHOOK_SIGNATURE_HEADER} header: this URL takes only signed webhook deliveries`}}
  if (!verifyWebhookSignature(credentials.secret, request.body, signature)) {
    return {refusal: {status: 403, message: `${WEBHOOK_SIGNATURE_HEADER} does not match the body: not signed with this subscription's secret`}}
  }
  if (credentials.authorization !== undefined && !sameSecret(header('authorization') ?? '', credentials.authorization)) {
    return {refusal: {status: 401, message: "the Authorization header is not this subscription's"}}
  }
  let body: unknown
  try {
    body = JSON.parse(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : request.body)
  } catch {
    return {refusal: {status: 400, message: 'the body is not JSON'}}
  }
  const problem = envelopeProblem(body)
  if (problem) return {refusal: {status: 400, message: `not a webhook event: ${problem}`}}
  return {event: body as WebhookEvent}
}

export interface WebhookReceiverOptions<Subscriber> {
  // Who a delivery is for, from the last segment of the URL it came to (`<prefix>/:key`: make each
  // subscription's URL end with, say, the resource id), with that subscription's credentials;
  // undefined refuses the delivery (403).
  subscriberFor(key: string): (WebhookCredentials & {subscriber: Subscriber}) | undefined | Promise<(WebhookCredentials & {subscriber: Subscriber}) | undefined>
  // Keeps an event. Throwing answers 500, and the platform tries a `sync` delivery again. Delivery
  // is at least once: `event.webhook_metadata.delivery.id` is the same on every attempt.
  receive(subscriber: Subscriber, event: WebhookEvent): void | Promise<void>
  // largest body taken (default 1 MB)
  bodyLimit?: number
}

// One delivery, from its URL key to the provider's handler.
export async function receiveWebhook<Subscriber>(request: {key: string; body: Buffer | string; headers: Headers}, options: WebhookReceiverOptions<Subscriber>): Promise<WebhookAnswer> {
  if (!headerReader(request.headers)(WEBHOOK_SIGNATURE_HEADER)) return {status: 401, message: `no ${WEBHOOK_SIGNATURE_HEADER} header: this URL takes only signed webhook deliveries`}
  const found = await options.subscriberFor(request.key)
  if (!found) return {status: 403, message: 'no subscription of this provider delivers here'}
  const read = readWebhookDelivery(request, found)
  if ('refusal' in read) return read.refusal
  await options.receive(found.subscriber, read.event)
  return {status: 204}
}

/**
 * The same as a fastify plugin, serving `POST /:key` under the prefix it is registered with:
 *
 *   app.register(webhookReceiver({subscriberFor, receive}), {prefix: '/webhooks'})
 *   await platform.subscribe(['api:release'], 'notify', `${publicUrl}/webhooks/${resource.id}`, {secret})
 *
 * The route reads its body raw, whatever parsers the host app has; errors are `{message}`.
 */
export function webhookReceiver<Subscriber>(options: WebhookReceiverOptions<Subscriber>) {
  return async function webhookPlugin(app: FastifyInstance) {
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', {parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 1024 * 1024}, (_request, body, done) => done(null, body))
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500
      if (status < 500) return reply.code(status).send({message: error.message})
      request.log.error({err: error}, 'a webhook delivery could not be kept')
      return reply.code(500).send({message: 'the event could not be kept: internal error'})
    })
    app.post<{Params: {key: string}}>('/:key', async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      const answer = await receiveWebhook({key: request.params.key, body, headers: request.headers}, options)
      if (answer.status === 204) return reply.code(204).send()
      return reply.code(answer.status).send({message: answer.message})
    })
  }
}

// Constant time whatever the values: both are hashed to the same length first.
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

// Header values by lower-case name, the first when a header came twice.
function headerReader(headers: Headers): (name: string) => string | undefined {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value[0] : value]))
  return (name) => byName.get(name.toLowerCase())
}
