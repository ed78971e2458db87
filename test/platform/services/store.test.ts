import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {planAlias} from '../../../src/platform/services/aliases.js'
import {Catalog} from '../../../src/platform/services/catalog.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import type {AppRow} from '../../../src/platform/store/schema.js'

let store: Store
let catalog: Catalog
const dir = mkdtempSync(join(tmpdir(), 'addonkit-store-'))
const app: AppRow = {id: 'app-1', name: 'alias-app', owner_id: 'acct-1', region_id: '', space_id: null, maintenance: 0, released_at: null, run_count: 0, created_at: '', updated_at: ''}
const manifest = {id: 'heroku-redis', api: {config_vars_prefix: 'REDIS', config_vars: ['REDIS_URL'], password: 'p', regions: ['us'], production: 'https://x'}}

before(async () => {
  store = await openStore({dataDir: dir})
  catalog = new Catalog(store.db)
  await catalog.load()
  await catalog.register(manifest)
  const at = new Date().toISOString()
  await store.db.insertInto('accounts').values({id: 'acct-1', email: 'a@example.com', name: null, api_key_hash: 'not-a-key', created_at: at, updated_at: at}).execute()
  app.region_id = catalog.findRegion('us')!.id
  await store.db.insertInto('apps').values(app).execute()
})
after(async () => {
  await store.close()
  rmSync(dir, {recursive: true, force: true})
})

test('regions are seeded once, private-capable ones marked', async () => {
  const regions = catalog.listRegions()
  assert.deepEqual(regions.filter((r) => !r.private_capable).map((r) => r.name).sort(), ['eu', 'us'])
  assert.equal(regions.find((r) => r.name === 'frankfurt')!.provider_region, 'eu-central-1')
})

test('planAlias: default, colour fallback, clash with a user var asks for confirmation', async () => {
  const service = catalog.serviceByName('heroku-redis')!
  const request = {app, service, addonName: 'redis-x-12345', ownerAppName: app.name}
  assert.equal((await planAlias(store.db, catalog, request)).alias, 'REDIS')
  await store.db.insertInto('config_vars').values({app_id: app.id, name: 'REDIS_URL', value: 'mine'}).execute()
  assert.equal((await planAlias(store.db, catalog, request)).alias, 'HEROKU_REDIS_ROSE')
  await assert.rejects(planAlias(store.db, catalog, {...request, requested: 'REDIS'}), (e: any) => e.status === 423 && e.message === 'redis-x-12345 will overwrite REDIS_URL on alias-app.')
  const confirmed = await planAlias(store.db, catalog, {...request, requested: 'REDIS', confirm: 'alias-app'})
  assert.deepEqual(confirmed.userVarsToRemove, ['REDIS_URL'])
  await assert.rejects(planAlias(store.db, catalog, {...request, requested: 'redis'}), (e: any) => e.status === 422)
})
