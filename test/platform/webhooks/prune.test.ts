import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {webhookPrune} from '../../../src/platform/webhooks/prune.js'
import {eventually, startTestPlatform, type TestPlatform} from '../helpers.js'
import {startReceiver, type Receiver} from './receiver.js'

describe('pruning webhook deliveries', () => {
  let provider: TestProvider
  let p: TestPlatform
  let receiver: Receiver

  before(async () => {
    provider = await startTestProvider()
    // a retry far off: the failing delivery stays scheduled while the test runs
    p = await startTestPlatform([provider.manifest], {webhookBackoffMs: 600_000})
    receiver = await startReceiver()
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
  })

  test('finished deliveries past the retention go with their events; one still to be retried stays', async () => {
    await p.api.post('apps', {json: {name: 'prune-app'}})
    await p.api.post('apps/prune-app/webhooks', {json: {include: ['api:release'], level: 'sync', url: receiver.url}})
    await p.api.patch('apps/prune-app/config-vars', {json: {A: '1'}})
    await eventually(async () => (await p.api.get<any[]>('apps/prune-app/webhook-deliveries')).body[0]?.status === 'succeeded', 'the first delivered')
    receiver.fallback = 500
    await p.api.patch('apps/prune-app/config-vars', {json: {A: '2'}})
    await eventually(async () => (await p.api.get<any[]>('apps/prune-app/webhook-deliveries')).body[1]?.status === 'scheduled', 'the second failed once')
    const [, waiting] = (await p.api.get<any[]>('apps/prune-app/webhook-deliveries')).body

    await webhookPrune(p.platform.services.ctx.store, 0).run({}, {id: 'x', kind: 'webhook-prune', key: 'webhook-prune', payload: {}, attempts: 0})
    const left = (await p.api.get<any[]>('apps/prune-app/webhook-deliveries')).body
    assert.deepEqual(left.map((d) => d.id), [waiting.id])
    assert.deepEqual((await p.api.get<any[]>('apps/prune-app/webhook-events')).body.map((e) => e.id), [waiting.event.id])
  })
})
