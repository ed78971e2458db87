import assert from 'node:assert/strict'
import {after, before, test} from 'node:test'
import {verifyWebhookSignature} from '../../../src/wire/webhook-signing.js'
import type {Sendable} from '../../../src/platform/webhooks/delivery/delivery-request.js'
import {ThreadSender} from '../../../src/platform/webhooks/delivery/thread-sender.js'
import {startReceiver, type Receiver} from './receiver.js'

// Attempts sent through the sender thread reach the receiver signed, with the event's data as
// stored, and each answer comes back to the attempt it belongs to, before the thread has loaded
// (sent from the caller's thread meanwhile) and after.
let receiver: Receiver
before(async () => {
  receiver = await startReceiver(204)
})
after(async () => {
  await receiver.close()
})

const delivery = (id: string, url: string): Sendable => ({
  id, status: 'pending', num_attempts: 0, created_at: '2026-01-01T00:00:00.000Z', webhook_id: `hook-${id}`, url, secret: `secret-${id}`, authorization_header: 'Bearer t',
  level: 'notify', event_id: 'event-1', include: 'api:release', resource: 'release', action: 'create', actor_id: 'user-1', actor_email: 'a@example.com',
  data: '{"version":3,"description":"Set A config vars"}', previous_data: '{}', event_created_at: '2026-01-01T00:00:00.000Z', event_updated_at: '2026-01-01T00:00:00.000Z',
})

test('every attempt arrives signed with its own ids; answers go back to their attempts', async () => {
  const sender = new ThreadSender()
  try {
    const refused = 'http://127.0.0.1:9/hooks'
    for (let round = 0; round < 40; round++) {
      const attempts = [{delivery: delivery(`d${round}a`, receiver.url), attemptId: `a${round}a`}, {delivery: delivery(`d${round}b`, refused), attemptId: `a${round}b`}]
      const [ok, failed] = await Promise.all(sender.send(attempts, 2000))
      assert.deepEqual(ok, {ok: true, code: 204, errorClass: null})
      assert.equal(failed.ok, false)
      assert.equal(failed.code, null)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  } finally {
    await sender.close()
  }
  assert.equal(receiver.received.length, 40)
  for (const [round, r] of receiver.received.entries()) {
    assert.ok(verifyWebhookSignature(`secret-d${round}a`, r.raw, r.headers['heroku-webhook-hmac-sha256']))
    assert.equal(r.headers.authorization, 'Bearer t')
    assert.deepEqual(r.body.data, {version: 3, description: 'Set A config vars'})
    assert.deepEqual(r.body.webhook_metadata, {attempt: {id: `a${round}a`}, delivery: {id: `d${round}a`}, event: {id: 'event-1', include: 'api:release'}, webhook: {id: `hook-d${round}a`}})
  }
})
