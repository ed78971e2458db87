import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {after, before, beforeEach, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {eventually, startTestPlatform, type TestPlatform} from '../helpers.js'
import {startReceiver, type Receiver} from './receiver.js'

// The signature as an independent implementation computes it: OpenSSL's HMAC over the raw bytes.
function opensslSignature(key: string, raw: Buffer): string {
  const run = spawnSync('sh', ['-c', 'openssl dgst -sha256 -hmac "$KEY" -binary | base64'], {input: raw, env: {...process.env, KEY: key}, encoding: 'utf8'})
  assert.equal(run.status, 0, run.stderr)
  return run.stdout.trim()
}

describe('webhook deliveries', () => {
  let provider: TestProvider
  let p: TestPlatform
  let receiver: Receiver

  before(async () => {
    provider = await startTestProvider()
    // seconds, not hours: a whole retry cycle within the test
    p = await startTestPlatform([provider.manifest], {webhookBackoffMs: 20, webhookRetryWindowMs: 60_000, webhookTimeoutMs: 500})
    receiver = await startReceiver()
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
  })
  beforeEach(() => {
    receiver.received.length = 0
    receiver.answers = []
    receiver.fallback = 200
  })

  const hook = async (app: string, body: Record<string, unknown>) => {
    await p.api.post(`apps`, {json: {name: app}})
    const res = await p.api.post<any>(`apps/${app}/webhooks`, {json: {url: receiver.url, ...body}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    return {webhook: res.body, secret: (res.headers['heroku-webhook-secret'] as string | undefined) ?? (body.secret as string)}
  }
  const deliveries = async (app: string, query = '') => (await p.api.get<any[]>(`apps/${app}/webhook-deliveries${query}`)).body

  test('a release is POSTed as Heroku sends it, signed over the raw body (checked with openssl), with the Authorization given', async () => {
    const {webhook, secret} = await hook('signed-app', {include: ['api:release'], level: 'notify', authorization: 'Bearer partner-0123'})
    assert.equal((await p.api.patch('apps/signed-app/config-vars', {json: {GREETING: 'hello'}})).statusCode, 200)
    const [got] = await receiver.arrivals(1)
    assert.equal(got.path, '/hooks')
    assert.equal(got.headers['content-type'], 'application/json')
    assert.equal(got.headers.authorization, 'Bearer partner-0123')
    assert.ok(got.headers['user-agent'])
    assert.equal(got.headers['heroku-webhook-hmac-sha256'], opensslSignature(secret, got.raw))
    assert.notEqual(got.headers['heroku-webhook-hmac-sha256'], opensslSignature('another-secret', got.raw))

    const body = got.body
    const release = (await p.api.get<any[]>('apps/signed-app/releases')).body.at(-1)
    assert.deepEqual(Object.keys(body).sort(), ['action', 'actor', 'created_at', 'data', 'id', 'previous_data', 'published_at', 'resource', 'sequence', 'updated_at', 'version', 'webhook_metadata'])
    assert.equal(body.action, 'create')
    assert.equal(body.resource, 'release')
    assert.deepEqual(body.actor, {id: release.user.id, email: 'owner@example.com'})
    assert.deepEqual(body.data, release)
    assert.deepEqual(body.previous_data, {})
    assert.equal(body.sequence, null)
    assert.equal(body.version, 'application/vnd.heroku+json; version=3')
    const [delivery] = await deliveries('signed-app')
    assert.deepEqual(body.webhook_metadata, {
      attempt: {id: delivery.last_attempt.id}, delivery: {id: delivery.id}, event: {id: body.id, include: 'api:release'}, webhook: {id: webhook.id},
    })
    await eventually(async () => (await deliveries('signed-app'))[0].status === 'succeeded', 'the delivery recorded as succeeded')
    const done = (await deliveries('signed-app'))[0]
    assert.equal(done.num_attempts, 1)
    assert.equal(done.last_attempt.code, 200)
    assert.equal(done.last_attempt.status, 'succeeded')
    assert.equal(done.next_attempt_at, null)
  })

  test('sync: a receiver that fails, then succeeds, gets the same delivery again until it answers 2xx', async () => {
    await hook('sync-app', {include: ['api:release'], level: 'sync', secret: 'sync-secret'})
    receiver.answers = [500, 503]
    await p.api.patch('apps/sync-app/config-vars', {json: {A: '1'}})
    const got = await receiver.arrivals(3)
    const ids = got.map((r) => r.body.webhook_metadata.delivery.id)
    assert.equal(new Set(ids).size, 1, 'one delivery, sent three times')
    assert.equal(new Set(got.map((r) => r.body.webhook_metadata.attempt.id)).size, 3, 'each attempt has its own id')
    assert.deepEqual(got.map((r) => r.raw.toString('utf8').replace(/"attempt":\{"id":"[^"]+"\}/, '')), Array(3).fill(got[0].raw.toString('utf8').replace(/"attempt":\{"id":"[^"]+"\}/, '')))
    for (const r of got) assert.equal(r.headers['heroku-webhook-hmac-sha256'], opensslSignature('sync-secret', r.raw))
    await eventually(async () => (await deliveries('sync-app'))[0].status === 'succeeded', 'succeeded after two failures')
    const [delivery] = await deliveries('sync-app')
    assert.equal(delivery.id, ids[0])
    assert.equal(delivery.num_attempts, 3)
    assert.equal(await p.platform.services.ctx.jobs.count('webhook-delivery'), 0)
  })

  test('sync: a failure that lasts past the retry window ends failed; the failures in between are scheduled', async () => {
    const short = await startTestPlatform([provider.manifest], {webhookBackoffMs: 30, webhookRetryWindowMs: 400})
    try {
      await short.api.post('apps', {json: {name: 'doomed-app'}})
      await short.api.post('apps/doomed-app/webhooks', {json: {url: receiver.url, include: ['api:release'], level: 'sync'}})
      receiver.fallback = 500
      await short.api.patch('apps/doomed-app/config-vars', {json: {A: '1'}})
      await receiver.arrivals(1)
      const seen = new Set<string>()
      await eventually(async () => {
        const [d] = (await short.api.get<any[]>('apps/doomed-app/webhook-deliveries')).body
        seen.add(d.status)
        return d.status === 'failed'
      }, 'the delivery given up at the end of its window')
      const [delivery] = (await short.api.get<any[]>('apps/doomed-app/webhook-deliveries')).body
      assert.ok(delivery.num_attempts > 1)
      assert.equal(delivery.num_attempts, receiver.received.length)
      assert.equal(delivery.last_attempt.code, 500)
      assert.equal(delivery.next_attempt_at, null)
      assert.ok(seen.has('scheduled') || seen.has('retrying'), [...seen].join())
    } finally {
      await short.close()
    }
  })

  test('notify: one attempt only, failed or not', async () => {
    await hook('notify-app', {include: ['api:release'], level: 'notify'})
    receiver.fallback = 500
    await p.api.patch('apps/notify-app/config-vars', {json: {A: '1'}})
    await receiver.arrivals(1)
    await eventually(async () => (await deliveries('notify-app'))[0].status === 'failed', 'the delivery recorded as failed')
    const [delivery] = await deliveries('notify-app')
    assert.equal(delivery.num_attempts, 1)
    assert.equal(delivery.last_attempt.code, 500)
    assert.equal(delivery.last_attempt.status, 'failed')
    // nothing left that could send it again
    assert.equal(await p.platform.services.ctx.jobs.count('webhook-delivery'), 0)
    assert.equal(receiver.received.length, 1)
  })

  test('a receiver that never answers is cut off by the time-out, and the change it hears about is answered meanwhile', async () => {
    await hook('hang-app', {include: ['api:release'], level: 'notify'})
    receiver.answers = ['hang']
    const changed = await p.api.patch('apps/hang-app/config-vars', {json: {A: '1'}})
    assert.equal(changed.statusCode, 200)
    await eventually(async () => (await deliveries('hang-app'))[0]?.status === 'failed', 'the hanging attempt cut off')
    const [delivery] = await deliveries('hang-app')
    assert.equal(delivery.last_attempt.code, null)
    assert.equal(delivery.last_attempt.error_class, 'Timeout')
    receiver.releaseHung()
  })

  test('a receiver that is not there: ConnectionRefused', async () => {
    await p.api.post('apps', {json: {name: 'refused-app'}})
    await p.api.post('apps/refused-app/webhooks', {json: {url: 'http://127.0.0.1:9/nobody', include: ['api:release'], level: 'notify'}})
    await p.api.patch('apps/refused-app/config-vars', {json: {A: '1'}})
    await eventually(async () => (await deliveries('refused-app'))[0]?.status === 'failed', 'the refused attempt recorded')
    assert.equal((await deliveries('refused-app'))[0].last_attempt.error_class, 'ConnectionRefused')
  })

  test('deliveries filter by status (?eq[status]= as the heroku CLI sends it, or ?status=) and page newest first by seq', async () => {
    await hook('many-app', {include: ['api:release', 'api:domain'], level: 'notify'})
    receiver.answers = [200, 500, 200]
    for (const value of ['1', '2', '3']) {
      await p.api.patch('apps/many-app/config-vars', {json: {A: value}})
      await receiver.arrivals(Number(value))
    }
    await eventually(async () => (await deliveries('many-app')).every((d) => d.status === 'succeeded' || d.status === 'failed'), 'all three done')
    const failed = await deliveries('many-app', '?eq[status]=failed')
    assert.equal(failed.length, 1)
    assert.deepEqual((await deliveries('many-app', '?status=succeeded')).map((d) => d.status), ['succeeded', 'succeeded'])
    const bad = await p.api.get<any>('apps/many-app/webhook-deliveries?eq[status]=lost')
    assert.equal(bad.statusCode, 422)
    assert.match(bad.body.message, /^Unknown delivery status lost: use one of pending, scheduled, retrying, failed, succeeded, skipped\.$/)

    const all = await deliveries('many-app')
    const newest = await p.api.get<any[]>('apps/many-app/webhook-deliveries', {headers: {range: 'seq ..; order=desc,max=2'}})
    assert.equal(newest.statusCode, 206)
    assert.deepEqual(newest.body.map((d) => d.id), all.slice(1).reverse().map((d) => d.id))
    const rest = await p.api.get<any[]>('apps/many-app/webhook-deliveries', {headers: {range: String(newest.headers['next-range'])}})
    assert.deepEqual(rest.body.map((d) => d.id), [all[0].id])

    const info = await p.api.get<any>(`apps/many-app/webhook-deliveries/${failed[0].id}`)
    assert.deepEqual(info.body, failed[0])
    const event = await p.api.get<any>(`apps/many-app/webhook-events/${failed[0].event.id}`)
    assert.equal(event.statusCode, 200)
    assert.equal(event.body.include, 'api:release')
    assert.equal(event.body.payload.resource, 'release')
    assert.equal(event.body.payload.data.version, 2)
    assert.equal((await p.api.get<any[]>('apps/many-app/webhook-events')).body.length, 3)
    assert.equal((await p.stranger.get(`apps/many-app/webhook-deliveries/${failed[0].id}`)).statusCode, 403)
    assert.equal((await p.api.get(`apps/signed-app/webhook-deliveries/${failed[0].id}`)).statusCode, 404)
  })

  test('a removed webhook is sent nothing more, and its deliveries go with it', async () => {
    const {webhook} = await hook('removed-app', {include: ['api:release'], level: 'sync'})
    receiver.fallback = 500
    await p.api.patch('apps/removed-app/config-vars', {json: {A: '1'}})
    await receiver.arrivals(1)
    assert.equal((await p.api.delete(`apps/removed-app/webhooks/${webhook.id}`)).statusCode, 200)
    assert.deepEqual(await deliveries('removed-app'), [])
    assert.deepEqual((await p.api.get<any[]>('apps/removed-app/webhook-events')).body, [])
    await eventually(async () => (await p.platform.services.ctx.jobs.count('webhook-delivery')) === 0, 'the pending retry dropped')
    const sent = receiver.received.length
    await p.api.patch('apps/removed-app/config-vars', {json: {A: '2'}})
    assert.equal(await p.platform.services.ctx.jobs.count('webhook-delivery'), 0)
    assert.equal(receiver.received.length, sent)
  })
})
