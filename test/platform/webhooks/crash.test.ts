import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, eventually, OWNER, testDatabaseUrl} from '../helpers.js'
import {type Instance, launchInstance, stop} from '../scale-out/instances.js'
import {startReceiver, type Receiver} from './receiver.js'

// The outbox across kill -9: the event was committed with the change, so the platform that comes back
// delivers it; a delivery cut off mid-send is sent again, with the same delivery id.
describe('webhook deliveries across kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-webhook-crash-'))
  const instances: Instance[] = []
  let provider: TestProvider | undefined
  let receiver: Receiver | undefined

  after(async () => {
    for (const instance of instances) stop(instance, 'SIGKILL')
    await receiver?.close()
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('killed while the receiver holds the delivery: the restarted platform sends it again, same delivery id', async () => {
    provider = await startTestProvider()
    receiver = await startReceiver()
    const manifestFile = join(dataDir, 'manifest.json')
    writeFileSync(manifestFile, JSON.stringify(provider.manifest))
    const databaseUrl = (await testDatabaseUrl()) ?? ''
    const options = {webhookBackoffMs: 50, webhookTimeoutMs: 60_000}

    const first = await launchInstance(join(dataDir, 'platform'), manifestFile, databaseUrl, options)
    instances.push(first)
    const api = client(first.url, OWNER.apiKey)
    await api.post('apps', {json: {name: 'crash-hooked'}})
    const made = await api.post<any>('apps/crash-hooked/webhooks', {json: {include: ['api:release'], level: 'sync', url: receiver.url}})
    assert.equal(made.statusCode, 201)
    receiver.answers = ['hang']
    assert.equal((await api.patch('apps/crash-hooked/config-vars', {json: {KEEP: 'me'}})).statusCode, 200)
    const [held] = await receiver.arrivals(1)
    stop(first, 'SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))

    const second = await launchInstance(join(dataDir, 'platform'), manifestFile, databaseUrl, options)
    instances.push(second)
    const got = await receiver.arrivals(2)
    assert.equal(got[1].body.webhook_metadata.delivery.id, held.body.webhook_metadata.delivery.id)
    assert.equal(got[1].body.id, held.body.id, 'the same event')
    assert.notEqual(got[1].body.webhook_metadata.attempt.id, held.body.webhook_metadata.attempt.id)
    const api2 = client(second.url, OWNER.apiKey)
    await eventually(async () => (await api2.get<any[]>('apps/crash-hooked/webhook-deliveries')).body[0]?.status === 'succeeded', 'the delivery succeeded after the restart')
    const deliveries = (await api2.get<any[]>('apps/crash-hooked/webhook-deliveries')).body
    assert.equal(deliveries.length, 1)
    assert.equal(deliveries[0].id, held.body.webhook_metadata.delivery.id)
    // every request the receiver got was this one delivery
    assert.deepEqual(new Set(receiver.received.map((r) => r.body.webhook_metadata.delivery.id)), new Set([deliveries[0].id]))
    stop(second)
  })
})
