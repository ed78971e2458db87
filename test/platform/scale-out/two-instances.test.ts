import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, eventually, freshPostgresSchema, OWNER} from '../helpers.js'
import {type Instance, launchInstance, sleep, stop} from './instances.js'

// Two platform instances, each its own process, on one PostgreSQL database: they must behave as
// one platform while either may start, stop or be killed.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the two-instance tests need PostgreSQL'
// short lease so a dead instance's work is taken over within the test; still longer than a beat
const OPTIONS = {instanceLeaseMs: 3000}

describe('two instances on one PostgreSQL', {skip}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-'))
  const manifestFile = join(dataDir, 'manifest.json')
  let provider: TestProvider
  let databaseUrl: string
  let a: Instance
  let b: Instance | undefined

  before(async () => {
    provider = await startTestProvider()
    writeFileSync(manifestFile, JSON.stringify(provider.manifest))
    databaseUrl = await freshPostgresSchema(base!)
    a = await launchInstance(join(dataDir, 'a'), manifestFile, databaseUrl, OPTIONS)
  })

  after(async () => {
    stop(a, 'SIGKILL')
    stop(b, 'SIGKILL')
    provider.releaseHung()
    await provider.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  const deletesOf = (uuid: string) => provider.deletes.filter((id) => id === uuid).length

  test('an instance starting while another waits on a slow provider leaves that add-on alone', async () => {
    const apiA = client(a.url, OWNER.apiKey)
    assert.equal((await apiA.post('apps', {json: {name: 'scale-app'}})).statusCode, 201)
    provider.behaviour = 'hang'
    const arrived = provider.nextProvision()
    const creating = apiA.post<any>('apps/scale-app/addons', {json: {plan: 'heroku-redis', name: 'slow-redis'}})
    const {uuid} = await arrived
    b = await launchInstance(join(dataDir, 'b'), manifestFile, databaseUrl, OPTIONS)
    // longer than B's start-up clean-up and one of its periodic sweeps
    await sleep(1500)
    provider.behaviour = 'sync'
    provider.releaseHung()
    const created = await creating
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
    const seenByB = await client(b.url, OWNER.apiKey).get<any>('apps/scale-app/addons/slow-redis')
    assert.equal(seenByB.body.state, 'provisioned')
    await sleep(500)
    assert.equal(deletesOf(uuid), 0, 'the provider got no DELETE for a live instance\'s add-on')
  })

  test('an instance killed mid-provision: another reclaims its add-on and the provider gets exactly one DELETE', async () => {
    const apiB = client(b!.url, OWNER.apiKey)
    provider.behaviour = 'hang'
    const arrived = provider.nextProvision()
    const creating = apiB.post('apps/scale-app/addons', {json: {plan: 'heroku-redis', name: 'orphan-redis'}}).catch(() => undefined)
    const {uuid} = await arrived
    stop(b, 'SIGKILL')
    await creating
    provider.behaviour = 'sync'
    await eventually(() => deletesOf(uuid) > 0, `DELETE ${uuid} sent by the surviving instance`, 400)
    await sleep(1500)
    assert.equal(deletesOf(uuid), 1)
    const names = (await client(a.url, OWNER.apiKey).get<any[]>('apps/scale-app/addons')).body.map((x) => x.name)
    assert.deepEqual(names, ['slow-redis'])
    provider.releaseHung()
    b = await launchInstance(join(dataDir, 'b'), manifestFile, databaseUrl, OPTIONS)
  })

  test('owed DELETEs are sent once while both instances poll for them', async () => {
    const apis = [client(a.url, OWNER.apiKey), client(b!.url, OWNER.apiKey)]
    provider.behaviour = 'error-500'
    provider.failDeletes = 4
    const uuids: string[] = []
    for (let i = 0; i < 6; i++) {
      const arrived = provider.nextProvision()
      const failed = await apis[i % 2].post<any>('apps/scale-app/addons', {json: {plan: 'heroku-redis'}})
      assert.equal(failed.statusCode, 503)
      uuids.push((await arrived).uuid)
    }
    provider.behaviour = 'sync'
    await eventually(() => uuids.every((u) => deletesOf(u) > 0), 'every owed DELETE sent', 400)
    await sleep(1000)
    assert.deepEqual(uuids.map(deletesOf), uuids.map(() => 1))
  })

  test('50 concurrent attaches of one alias over both instances: one winner', async () => {
    const apis = [client(a.url, OWNER.apiKey), client(b!.url, OWNER.apiKey)]
    await apis[0].post('apps', {json: {name: 'race-app'}})
    const addons = [
      (await apis[0].post<any>('apps/scale-app/addons', {json: {plan: 'heroku-redis'}})).body,
      (await apis[1].post<any>('apps/scale-app/addons', {json: {plan: 'heroku-redis'}})).body,
    ]
    const tries = await Promise.all(Array.from({length: 50}, (_, i) =>
      apis[i % 2].post<any>('addon-attachments', {json: {addon: addons[Math.floor(i / 2) % 2].id, app: 'race-app', name: 'SHARED'}})))
    const statuses = tries.map((t) => t.statusCode)
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '))
    assert.ok(statuses.every((s) => [201, 422, 423].includes(s)), statuses.join(' '))
    const shared = (await apis[1].get<any[]>('apps/race-app/addon-attachments')).body.filter((x) => x.name === 'SHARED')
    assert.equal(shared.length, 1)
  })

  test('a config change through one instance is read through the other at once', async () => {
    const apiA = client(a.url, OWNER.apiKey)
    const apiB = client(b!.url, OWNER.apiKey)
    for (let i = 0; i < 5; i++) {
      assert.equal((await apiA.patch('apps/scale-app/config-vars', {json: {ROUND: String(i)}})).statusCode, 200)
      assert.equal((await apiB.get<any>('apps/scale-app/config-vars')).body.ROUND, String(i))
    }
  })
})

describe('the rate limit over two instances', {skip}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-limit-'))
  const instances: Instance[] = []
  let provider: TestProvider

  after(async () => {
    for (const i of instances) stop(i, 'SIGKILL')
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('is one bucket per account, whichever instance answers', async () => {
    provider = await startTestProvider()
    const manifestFile = join(dataDir, 'manifest.json')
    writeFileSync(manifestFile, JSON.stringify(provider.manifest))
    const databaseUrl = await freshPostgresSchema(base!)
    const options = {rateLimit: {bucket: 30, refillPerMinute: 0}}
    instances.push(await launchInstance(join(dataDir, 'a'), manifestFile, databaseUrl, options))
    instances.push(await launchInstance(join(dataDir, 'b'), manifestFile, databaseUrl, options))
    const apis = instances.map((i) => client(i.url, OWNER.apiKey))
    const answers = await Promise.all(Array.from({length: 40}, (_, i) => apis[i % 2].get('apps')))
    const statuses = answers.map((r) => r.statusCode)
    assert.equal(statuses.filter((s) => s === 200).length, 30, statuses.join(' '))
    assert.equal(statuses.filter((s) => s === 429).length, 10)
    assert.equal((await apis[1].get('apps')).headers['ratelimit-remaining'], '0')
  })
})
