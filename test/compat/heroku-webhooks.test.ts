// The real `heroku` CLI (npm heroku@11) driving the platform's app webhooks, with HEROKU_HOST: it sends
// Accept: application/vnd.heroku+json; version=3.webhooks and pages deliveries by `seq`.
import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {signWebhookBody} from '../../src/wire/webhook-signing.js'
import {startReceiver, type Receiver} from '../platform/webhooks/receiver.js'
import {herokuCompat, skipWithoutHeroku, unwrapped} from './harness.js'

describe('the real heroku CLI manages webhooks on the local platform', {skip: skipWithoutHeroku}, () => {
  const {heroku, api} = herokuCompat()
  let receiver: Receiver
  let secret = ''

  before(async () => {
    receiver = await startReceiver()
  })

  after(async () => {
    await receiver?.close()
  })

  it('webhooks:add subscribes the app and prints the generated signing secret', async () => {
    const r = await heroku('webhooks:add', '-i', 'api:release,api:domain', '-l', 'notify', '-u', receiver.url, '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /Adding webhook to ⬢ example-app\.\.\. done|Adding webhook to example-app\.\.\. done/)
    const match = /=== Webhooks Signing Secret\s*\n\s*([0-9a-f]{64})\s*$/.exec(r.stdout)
    assert.ok(match, r.stdout)
    secret = match[1]
    const [webhook] = await api('GET', '/apps/example-app/webhooks')
    assert.deepEqual(webhook.include, ['api:release', 'api:domain'])
    assert.equal(webhook.level, 'notify')
    assert.equal(webhook.url, receiver.url)
  })

  it('webhooks lists it', async () => {
    const r = await heroku('webhooks', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const [webhook] = await api('GET', '/apps/example-app/webhooks')
    assert.match(r.stdout, /Webhook ID\s+URL\s+Include\s+Level/)
    assert.match(r.stdout, new RegExp(`${webhook.id}\\s+${receiver.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+api:release,api:domain\\s+notify`))
  })

  it('a release reaches the receiver signed with that secret; webhooks:deliveries and deliveries:info show it', async () => {
    await api('PATCH', '/apps/example-app/config-vars', {GREETING: 'hello'})
    const [got] = await receiver.arrivals(1)
    assert.equal(got.headers['heroku-webhook-hmac-sha256'], signWebhookBody(secret, got.raw))
    for (let i = 0; i < 200 && (await api('GET', '/apps/example-app/webhook-deliveries'))[0]?.status !== 'succeeded'; i++) await new Promise((resolve) => setTimeout(resolve, 25))

    const list = await heroku('webhooks:deliveries', '-a', 'example-app')
    assert.equal(list.status, 0, list.stderr)
    const deliveryId = got.body.webhook_metadata.delivery.id
    assert.match(list.stdout, new RegExp(`${deliveryId}\\s+\\S+\\s+succeeded\\s+api:release\\s+notify\\s+1\\s+200`))
    const failed = await heroku('webhooks:deliveries', '-s', 'failed', '-a', 'example-app')
    assert.equal(failed.status, 0, failed.stderr)
    assert.match(failed.stdout, /has no deliveries/)

    const info = await heroku('webhooks:deliveries:info', deliveryId, '-a', 'example-app')
    assert.equal(info.status, 0, info.stderr)
    assert.match(info.stdout, new RegExp(`=== ${deliveryId}`))
    assert.match(info.stdout, /Status:\s+succeeded/)
    assert.match(info.stdout, /=== Event Payload/)
    assert.match(info.stdout, /"resource": "release"/)
  })

  it('webhooks:info, webhooks:update and webhooks:remove', async () => {
    const [webhook] = await api('GET', '/apps/example-app/webhooks')
    const info = await heroku('webhooks:info', webhook.id, '-a', 'example-app')
    assert.equal(info.status, 0, info.stderr)
    assert.match(info.stdout, /Level:\s+notify/)
    const updated = await heroku('webhooks:update', webhook.id, '-i', 'api:domain', '-l', 'sync', '-u', `${receiver.url}/v2`, '-a', 'example-app')
    assert.equal(updated.status, 0, updated.stderr)
    const after = await api('GET', `/apps/example-app/webhooks/${webhook.id}`)
    assert.deepEqual([after.include, after.level, after.url], [['api:domain'], 'sync', `${receiver.url}/v2`])
    const removed = await heroku('webhooks:remove', webhook.id, '-a', 'example-app')
    assert.equal(removed.status, 0, removed.stderr)
    assert.deepEqual(await api('GET', '/apps/example-app/webhooks'), [])
  })

  it('webhooks:add with an unknown include fails with the platform message', async () => {
    const r = await heroku('webhooks:add', '-i', 'api:dyno', '-l', 'notify', '-u', receiver.url, '-a', 'example-app')
    assert.notEqual(r.status, 0)
    assert.match(unwrapped(r.stderr), /Unknown include api:dyno: valid includes are api:app, api:addon, api:addon-attachment, api:release, api:domain\./)
  })
})
