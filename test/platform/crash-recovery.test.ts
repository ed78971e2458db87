import assert from 'node:assert/strict'
import type {ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {client, eventually, OWNER, startTestPlatform, testDatabaseUrl} from './helpers.js'
import {launchInstance} from './scale-out/instances.js'


const launch = (dataDir: string, manifestFile: string, databaseUrl = '') => launchInstance(dataDir, manifestFile, databaseUrl)

describe('kill -9 mid-provision', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-crash-'))
  const children: ChildProcess[] = []
  let provider: TestProvider | undefined

  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('the restarted platform forgets the add-on and sends the provider a DELETE; data survives', async () => {
    provider = await startTestProvider()
    const manifestFile = join(dataDir, 'manifest.json')
    writeFileSync(manifestFile, JSON.stringify(provider.manifest))

    const databaseUrl = (await testDatabaseUrl()) ?? ''
    const first = await launch(dataDir, manifestFile, databaseUrl)
    children.push(first.child)
    const api = client(first.url, OWNER.apiKey)
    assert.equal((await api.post('apps', {json: {name: 'crash-app'}})).statusCode, 201)
    await api.patch('apps/crash-app/config-vars', {json: {KEEP: 'me'}})
    provider.behaviour = 'hang'
    const arrived = provider.nextProvision()
    const pending = api.post('apps/crash-app/addons', {json: {plan: 'heroku-redis'}}).catch(() => undefined)
    const {uuid} = await arrived
    first.child.kill('SIGKILL')
    await pending

    provider.behaviour = 'sync'
    const second = await launch(dataDir, manifestFile, databaseUrl)
    children.push(second.child)
    const api2 = client(second.url, OWNER.apiKey)
    await eventually(() => provider!.deletes.includes(uuid), `DELETE ${uuid} after restart`)
    assert.deepEqual((await api2.get('apps/crash-app/addons')).body, [])
    assert.deepEqual((await api2.get('apps/crash-app/config-vars')).body, {KEEP: 'me'})
    const created = await api2.post<any>('apps/crash-app/addons', {json: {plan: 'heroku-redis'}})
    assert.equal(created.statusCode, 201)
    second.child.kill('SIGTERM')
  })
})

describe('a clean restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-restart-'))
  let provider: TestProvider | undefined

  after(async () => {
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('apps, add-ons, attachments, config vars and releases survive a stop and start on the same store', async () => {
    provider = await startTestProvider()
    const databaseUrl = await testDatabaseUrl()
    const first = await startTestPlatform([provider.manifest], {dataDir, databaseUrl})
    await first.api.post('apps', {json: {name: 'durable-app'}})
    await first.api.patch('apps/durable-app/config-vars', {json: {KEEP: 'me'}})
    const addon = await first.api.post<any>('apps/durable-app/addons', {json: {plan: 'heroku-redis', name: 'durable-redis'}})
    assert.equal(addon.statusCode, 201)
    const state = async (api: typeof first.api) => ({
      addons: (await api.get<any[]>('apps/durable-app/addons')).body.map((a) => `${a.name} ${a.plan.name} ${a.state}`),
      attachments: (await api.get<any[]>('apps/durable-app/addon-attachments')).body.map((a) => a.name),
      config: (await api.get('apps/durable-app/config-vars')).body,
      releases: (await api.get<any[]>('apps/durable-app/releases')).body.map((r) => r.version),
    })
    const before = await state(first.api)
    await first.close()

    const second = await startTestPlatform([provider.manifest], {dataDir, databaseUrl})
    try {
      assert.deepEqual(await state(second.api), before)
      assert.deepEqual(before.addons, ['durable-redis heroku-redis:mini provisioned'])
      assert.equal((await second.api.delete(`apps/durable-app/addons/durable-redis`)).statusCode, 200)
      assert.ok(!provider.resources.has(addon.body.id))
    } finally {
      await second.close()
    }
  })
})
