import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, eventually, OWNER} from '../helpers.js'
import {startReceiver, type Receiver} from '../webhooks/receiver.js'
import {type Instance, launchPair, sleep, stop} from './instances.js'

// Two platform instances on one PostgreSQL database, both running the delivery job: each event is
// delivered once, whichever instance made the change and whichever claims the delivery.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the two-instance tests need PostgreSQL'

describe('webhooks on two instances sharing PostgreSQL', {skip}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-webhooks-'))
  let provider: TestProvider
  let receiver: Receiver
  let a: Instance
  let b: Instance

  before(async () => {
    provider = await startTestProvider()
    receiver = await startReceiver()
    // both poll often, so both claim deliveries, not only the instance that woke first
    ;[a, b] = await launchPair(dataDir, provider.manifest, base!, {deletionIntervalMs: 10, webhookBackoffMs: 20})
  })
  after(async () => {
    stop(a, 'SIGKILL')
    stop(b, 'SIGKILL')
    await receiver?.close()
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('changes made on either instance: every event reaches the receiver once', async () => {
    const apiA = client(a.url, OWNER.apiKey)
    const apiB = client(b.url, OWNER.apiKey)
    for (const name of ['scale-hook-1', 'scale-hook-2']) {
      assert.equal((await apiA.post(`apps`, {json: {name}})).statusCode, 201)
      for (const level of ['notify', 'sync']) {
        assert.equal((await apiB.post(`apps/${name}/webhooks`, {json: {include: ['api:release'], level, url: receiver.url}})).statusCode, 201)
      }
    }
    const changes = 20
    await Promise.all(Array.from({length: changes}, (_, i) => (i % 2 === 0 ? apiA : apiB).patch(`apps/scale-hook-${(i % 4 < 2) ? 1 : 2}/config-vars`, {json: {[`V${i}`]: String(i)}})))
    // two webhooks per app: two deliveries per change
    await receiver.arrivals(changes * 2)
    await sleep(500)
    const ids = receiver.received.map((r) => r.body.webhook_metadata.delivery.id)
    assert.equal(ids.length, changes * 2)
    assert.equal(new Set(ids).size, changes * 2, 'no delivery sent twice')
    assert.equal(new Set(receiver.received.map((r) => r.body.id)).size, changes, 'one event per change')
    for (const app of ['scale-hook-1', 'scale-hook-2']) {
      await eventually(async () => (await apiA.get<any[]>(`apps/${app}/webhook-deliveries`)).body.every((d) => d.status === 'succeeded' && d.num_attempts === 1), `${app}'s deliveries succeeded once`)
    }
  })
})
