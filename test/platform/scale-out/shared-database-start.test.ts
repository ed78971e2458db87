import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import {sql} from 'kysely'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import {migrationProvider} from '../../../src/platform/store/migrations.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, freshPostgresSchema, OWNER} from '../helpers.js'
import {type Instance, launchInstance, stop} from './instances.js'

// Platforms start on schemas of one PostgreSQL database that others use at the same time: several
// instances of one platform started together on a fresh schema, and stores opening while other
// schemas are migrated.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the shared-database tests need PostgreSQL'

describe('starting on a shared PostgreSQL database', {skip, timeout: 120_000}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-shared-start-'))
  const opened: Store[] = []
  const open = async (databaseUrl: string) => {
    const store = await openStore({dataDir, databaseUrl})
    opened.push(store)
    return store
  }
  after(async () => {
    await Promise.all(opened.map((store) => store.close()))
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('instances started at the same moment on a fresh schema all come up and agree', async () => {
    const provider: TestProvider = await startTestProvider()
    const instances: Instance[] = []
    try {
      const manifestFile = join(dataDir, 'manifest.json')
      writeFileSync(manifestFile, JSON.stringify(provider.manifest))
      const databaseUrl = await freshPostgresSchema(base!)
      const launched = await Promise.allSettled([1, 2, 3, 4].map((n) => launchInstance(join(dataDir, `instance-${n}`), manifestFile, databaseUrl)))
      for (const result of launched) if (result.status === 'fulfilled') instances.push(result.value)
      assert.deepEqual(launched.map((result) => result.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])

      const apis = instances.map((instance) => client(instance.url, OWNER.apiKey))
      const created = await apis[0].post<any>('apps', {json: {name: 'shared-start'}})
      assert.equal(created.statusCode, 201)
      for (const api of apis) {
        assert.equal((await api.get<any>('apps/shared-start')).body.id, created.body.id)
        assert.deepEqual((await api.get<any[]>('regions')).body.map((region) => region.name), (await apis[0].get<any[]>('regions')).body.map((region) => region.name))
        assert.deepEqual((await api.get<any[]>('addon-services')).body.map((service) => service.name), [provider.manifest.id])
      }
    } finally {
      for (const instance of instances) stop(instance, 'SIGKILL')
      await provider.close()
    }
  })

  test('several stores opened at once on a fresh schema all open, on one run of the migrations and one set of regions', async () => {
    const migrations = Object.keys(await migrationProvider.getMigrations()).sort()
    for (let round = 0; round < 5; round++) {
      const databaseUrl = await freshPostgresSchema(base!)
      const stores = await Promise.all([1, 2, 3, 4].map(() => open(databaseUrl)))
      const ran = await stores[0].db.selectFrom('kysely_migration' as any).select('name').execute()
      assert.deepEqual(ran.map((row: {name: string}) => row.name).sort(), migrations)
      const regions = await Promise.all(stores.map(async (store) => (await store.db.selectFrom('regions').select('name').orderBy('name').execute()).map((row) => row.name)))
      assert.ok(regions[0].length > 0)
      for (const seen of regions) assert.deepEqual(seen, regions[0])
    }
  })

  // The Migrator looks for its own tables at every start, before it takes its lock; another store's
  // migration dropping a table in its own schema meanwhile (0012 drops log_lines) must not fail it.
  test("a store's tables read from a snapshot taken before another schema dropped a table", async () => {
    const store = await open(await freshPostgresSchema(base!))
    const other = await open(await freshPostgresSchema(base!))
    await sql`create table log_lines (app_id text)`.execute(other.db)
    const tables = await store.db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
      await sql`select 1`.execute(tx)
      await sql`drop table log_lines`.execute(other.db)
      return tx.introspection.getTables({withInternalKyselyTables: true})
    })
    const {rows} = await sql<{name: string}>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(store.db)
    assert.deepEqual(tables.map((table) => table.name).sort(), rows.map((row) => row.name).sort())
    assert.ok(tables.some((table) => table.name === 'kysely_migration'))
  })
})
