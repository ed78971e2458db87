import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {after, before, beforeEach, describe, test} from 'node:test'
import Fastify from 'fastify'
import {readWebhookDelivery, webhookReceiver, type WebhookEvent} from '../../../src/providers/kit/index.js'

// The receiver on a real fastify server on 127.0.0.1 (which also parses JSON for its other routes),
// with deliveries signed by an independent implementation: openssl's HMAC-SHA256, Base64-encoded.
const openssl = (secret: string, body: string) => execFileSync('sh', ['-c', `openssl dgst -sha256 -hmac "$KEY" -binary | base64`], {input: body, env: {...process.env, KEY: secret}}).toString().trim()

const subscriptions = new Map([
  ['resource-a', {secret: 'secret-a'}],
  ['resource-b', {secret: 'secret-b', authorization: 'Bearer for-b'}],
])
// spaced and escaped as a re-serialisation would not keep it: the signature covers these bytes
const body = '{"id": "event-1", "action":"create", "resource":"release",\n "actor":{"id":"u","email":"owner@example.com"},\n "data":{"version":7,"description":"Set GREETING config vars \\u00e9"},"previous_data":{},\n "webhook_metadata":{"attempt":{"id":"t"},"delivery":{"id":"d-1"},"event":{"id":"event-1","include":"api:release"},"webhook":{"id":"w"}}}'

describe('webhookReceiver', () => {
  const app = Fastify()
  let url = ''
  let kept: Array<{resource: string; event: WebhookEvent}> = []
  let failing = false

  before(async () => {
    await app.register(webhookReceiver({
      subscriberFor: async (key) => {
        const found = subscriptions.get(key)
        return found && {...found, subscriber: key}
      },
      receive(resource, event) {
        if (failing) throw new Error('disk full')
        kept.push({resource, event})
      },
    }), {prefix: '/webhooks'})
    app.post('/other', async (request) => request.body)
    url = `${await app.listen({host: '127.0.0.1', port: 0})}/webhooks`
  })
  after(() => app.close())
  beforeEach(() => {
    kept = []
    failing = false
  })

  const deliver = async (key: string, headers: Record<string, string>, payload = body) => {
    const response = await fetch(`${url}/${key}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: payload})
    const text = await response.text()
    return {status: response.status, message: text ? (JSON.parse(text) as {message?: string}).message : undefined}
  }

  test('a delivery signed with the subscription\'s secret is handed over, typed', async () => {
    const answer = await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', body)})
    assert.deepEqual(answer, {status: 204, message: undefined})
    assert.equal(kept.length, 1)
    const {resource, event} = kept[0]
    assert.equal(resource, 'resource-a')
    assert.equal(event.resource, 'release')
    if (event.resource === 'release') {
      assert.equal(event.data.version, 7)
      assert.equal(event.data.description, 'Set GREETING config vars é')
    }
    assert.equal(event.webhook_metadata.delivery.id, 'd-1')
  })

  test('no signature is 401; a wrong one, or another subscription\'s, is 403; nothing is handed over', async () => {
    assert.deepEqual(await deliver('resource-a', {}), {status: 401, message: 'no Heroku-Webhook-Hmac-SHA256 header: this URL takes only signed webhook deliveries'})
    const refused = {status: 403, message: "Heroku-Webhook-Hmac-SHA256 does not match the body: not signed with this subscription's secret"}
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-b', body)}), refused)
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': 'not base64 at all'}), refused)
    // the same event re-serialised: the signature was made over other bytes
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', body)}, JSON.stringify(JSON.parse(body))), refused)
    assert.deepEqual(await deliver('no-such-resource', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', body)}), {status: 403, message: 'no subscription of this provider delivers here'})
    assert.deepEqual(kept, [])
  })

  test('a subscription made with an authorization takes only deliveries that carry it', async () => {
    const signature = openssl('secret-b', body)
    assert.deepEqual(await deliver('resource-b', {'Heroku-Webhook-Hmac-SHA256': signature}), {status: 401, message: "the Authorization header is not this subscription's"})
    assert.deepEqual(await deliver('resource-b', {'Heroku-Webhook-Hmac-SHA256': signature, authorization: 'Bearer for-a'}), {status: 401, message: "the Authorization header is not this subscription's"})
    assert.equal((await deliver('resource-b', {'Heroku-Webhook-Hmac-SHA256': signature, authorization: 'Bearer for-b'})).status, 204)
    assert.deepEqual(kept.map((k) => k.resource), ['resource-b'])
  })

  test('a signed body that is not an event is 400; a provider that fails answers 500, so the platform tries again', async () => {
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', 'not json')}, 'not json'), {status: 400, message: 'the body is not JSON'})
    const noData = '{"id":"e","action":"create","resource":"release"}'
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', noData)}, noData), {status: 400, message: 'not a webhook event: the body has no "data" object'})
    failing = true
    assert.deepEqual(await deliver('resource-a', {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', body)}), {status: 500, message: 'the event could not be kept: internal error'})
  })

  test('the host app\'s other routes keep their JSON parser', async () => {
    const response = await fetch(url.replace('/webhooks', '/other'), {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"a":1}'})
    assert.deepEqual(await response.json(), {a: 1})
  })
})

describe('readWebhookDelivery, without a server', () => {
  test('checks the signature over the bytes given, then parses', () => {
    const read = readWebhookDelivery({body: Buffer.from(body), headers: {'heroku-webhook-hmac-sha256': openssl('secret-a', body)}}, {secret: 'secret-a'})
    assert.ok('event' in read)
    assert.equal(read.event.id, 'event-1')
    const refused = readWebhookDelivery({body, headers: {'Heroku-Webhook-Hmac-SHA256': openssl('secret-a', `${body} `)}}, {secret: 'secret-a'})
    assert.ok('refusal' in refused)
    assert.equal(refused.refusal.status, 403)
  })
})
