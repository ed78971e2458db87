import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestPlatform, type TestPlatform} from './helpers.js'
import {startSizedProvider, type SizedProvider} from './sized-provider.js'
import {oldStore} from './old-store.js'

// A store from before the counters: each app's counter starts at its highest release, so the next
// change is numbered after it (and an app without releases starts at v1).
test('0013_release_counters counts each app from its highest release', async () => {
  const {db, migrate, close} = await oldStore('0013')
  try {
    assert.equal(await migrate('0013_release_counters'), undefined)
    const at = '2024-02-10T12:34:56.789Z'
    await db.insertInto('accounts').values({id: 'acct', email: 'a@example.com', name: null, api_key_hash: 'h', created_at: at, updated_at: at}).execute()
    await db.insertInto('regions').values({id: 'r', name: 'us', description: 'd', country: 'c', locale: 'l', private_capable: 0, provider_name: 'p', provider_region: 'pr', created_at: at, updated_at: at}).execute()
    for (const id of ['busy', 'quiet']) {
      await db.insertInto('apps').values({id, name: `${id}-app`, owner_id: 'acct', region_id: 'r', space_id: null, maintenance: 0, released_at: null, created_at: at, updated_at: at}).execute()
    }
    // versions as an old store may hold them: not inserted in order
    for (const version of [2, 7, 1]) {
      await db.insertInto('releases').values({id: `rel-${version}`, app_id: 'busy', version, description: 'd', user_id: 'acct', addon_plan_names: '[]', config: '{}', created_at: at}).execute()
    }
    assert.equal(await migrate(), undefined)
    const counters = await db.selectFrom('apps').select(['id', 'last_release_version']).orderBy('id').execute()
    assert.deepEqual(counters.map((a) => [a.id, Number(a.last_release_version)]), [['busy', 7], ['quiet', 0]])
  } finally {
    await close()
  }
})

// Versions come from the app's counter: whatever is refused gives its number back, so an app's
// releases stay numbered 1, 2, 3… with no gap.
describe('release versions', () => {
  let provider: SizedProvider
  let p: TestPlatform
  const versions = async (app: string) => (await p.api.get<any[]>(`apps/${app}/releases`)).body.map((r) => r.version as number)

  before(async () => {
    provider = await startSizedProvider()
    p = await startTestPlatform([provider.manifest])
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('refused changes take no version: the next release follows the last one', async () => {
    assert.equal((await p.api.post('apps', {json: {name: 'counted-app'}})).statusCode, 201)
    assert.equal((await p.api.patch('apps/counted-app/config-vars', {json: {FIRST: '1'}})).statusCode, 200)
    const created = await p.api.post<any>('apps/counted-app/addons', {json: {plan: 'sizable'}})
    assert.equal(created.statusCode, 201)
    const before = await versions('counted-app')

    // over 32 KB, a rollback to nothing, an attachment that would take over an add-on's var unconfirmed
    assert.equal((await p.api.patch('apps/counted-app/config-vars', {json: {BIG: 'x'.repeat(40 * 1024)}})).statusCode, 422)
    assert.equal((await p.api.post('apps/counted-app/releases', {json: {release: 999}})).statusCode, 404)
    const attach = await p.api.post<any>('addon-attachments', {json: {addon: created.body.id, app: 'counted-app', name: 'SIZABLE'}})
    assert.equal(attach.statusCode, 422, JSON.stringify(attach.body))
    assert.deepEqual(await versions('counted-app'), before)

    assert.equal((await p.api.patch('apps/counted-app/config-vars', {json: {SECOND: '2'}})).statusCode, 200)
    assert.equal((await p.api.post('apps/counted-app/releases', {json: {release: before.at(-1)}})).statusCode, 201)
    const after = await versions('counted-app')
    assert.deepEqual(after, Array.from({length: after.length}, (_, i) => i + 1))
    assert.equal(after.length, before.length + 2)
  })
})
