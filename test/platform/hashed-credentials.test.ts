import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider} from 'kysely'
import {startPlatform} from '../../src/platform/start.js'
import {migrationProvider} from '../../src/platform/store/migrations.js'
import {hashSecret} from '../../src/platform/store/secret-hash.js'
import {seedRegions} from '../../src/platform/store/seed.js'
import {client, OWNER, onPostgres, startTestPlatform, STRANGER, testDatabaseUrl, type TestPlatform} from './helpers.js'
import {SIZED_PASSWORD, startSizedProvider, type SizedProvider} from './sized-provider.js'

// Every row of every table of the platform's store, as text: what a backup or a dump would hold.
async function storeDump(db: Kysely<any>): Promise<string> {
  const schema = onPostgres ? (await sql<{schema: string}>`select current_schema() as schema`.execute(db)).rows[0].schema : undefined
  const tables = (await db.introspection.getTables()).filter((t) => schema === undefined || t.schema === schema)
  assert.ok(tables.some((t) => t.name === 'accounts'))
  const rows: unknown[] = []
  for (const table of tables) rows.push(table.name, await db.selectFrom(table.name).selectAll().execute())
  return JSON.stringify(rows)
}

const platformDb = (p: TestPlatform) => p.platform.services.ctx.store.db as unknown as Kysely<any>

// The store keeps API keys, partner tokens and OAuth codes only as SHA-256 hashes; they work as before.
describe('credentials are stored hashed', () => {
  let provider: SizedProvider
  let p: TestPlatform

  before(async () => {
    provider = await startSizedProvider()
    p = await startTestPlatform([provider.manifest])
    await p.api.post('apps', {json: {name: 'hashed-app'}})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('no API key, partner token or grant code can be read from the store, and each still works', async () => {
    const first = (await p.api.post<any>('apps/hashed-app/addons', {json: {plan: 'sizable'}})).body
    const {code} = provider.provisions.at(-1)!.oauth_grant
    const exchanged = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'authorization_code', code, client_secret: SIZED_PASSWORD}})
    assert.equal(exchanged.statusCode, 200)
    const refreshed = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'refresh_token', refresh_token: exchanged.body.refresh_token, client_secret: SIZED_PASSWORD}})
    assert.equal(refreshed.statusCode, 200)
    // a second add-on whose grant is never exchanged: the code waits in the store
    await p.api.post<any>('apps/hashed-app/addons', {json: {plan: 'sizable'}})
    const waitingCode = provider.provisions.at(-1)!.oauth_grant.code

    assert.equal((await client(p.url, refreshed.body.access_token).get(`addons/${first.id}/config`)).statusCode, 200)
    assert.equal((await client(p.url, exchanged.body.access_token).get(`addons/${first.id}/config`)).statusCode, 401)
    assert.equal((await p.api.get('account')).statusCode, 200)
    assert.equal((await p.stranger.get('account')).statusCode, 200)

    const dump = await storeDump(platformDb(p))
    const secrets = [OWNER.apiKey, STRANGER.apiKey, code, waitingCode, exchanged.body.access_token, exchanged.body.refresh_token, refreshed.body.access_token, refreshed.body.refresh_token]
    for (const secret of secrets) assert.ok(!dump.includes(secret), `${secret} readable in the store`)
    for (const secret of [OWNER.apiKey, refreshed.body.access_token, refreshed.body.refresh_token, waitingCode]) assert.ok(dump.includes(hashSecret(secret)))

    const waiting = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'authorization_code', code: waitingCode, client_secret: SIZED_PASSWORD}})
    assert.equal(waiting.statusCode, 200)
  })
})

// A store written before keys were hashed: built with the migrations up to 0002 only, plain
// credentials in it, then opened by the platform (all migrations): every old credential still works.
describe('an old store with plain credentials, migrated', () => {
  const OLD = {key: 'old-plain-api-key', token: 'old-plain-partner-token', refresh: 'old-plain-refresh-token', code: 'old-plain-grant-code'}
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-old-store-'))
  let provider: SizedProvider
  let p: TestPlatform
  let addonId = ''

  before(async () => {
    provider = await startSizedProvider()
    const databaseUrl = await testDatabaseUrl()
    addonId = await writeOldStore(databaseUrl ? {postgres: databaseUrl} : {sqliteFile: join(dataDir, 'platform.sqlite')}, provider, OLD)
    p = await startTestPlatform([provider.manifest], {dataDir, databaseUrl})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('the old API key, partner token, refresh token and grant code keep working; none is left readable', async () => {
    const old = client(p.url, OLD.key)
    const account = await old.get<any>('account')
    assert.equal(account.statusCode, 200)
    assert.equal(account.body.email, 'old@example.com')
    assert.deepEqual((await old.get<any>('apps/old-app/config-vars')).body, {SIZABLE_URL: 'sized://old'})

    const partner = await client(p.url, OLD.token).get<any>(`addons/${addonId}/config`)
    assert.equal(partner.statusCode, 200)
    assert.deepEqual(partner.body, [{name: 'SIZABLE_URL', value: 'sized://old'}])

    const dump = await storeDump(platformDb(p))
    for (const secret of Object.values(OLD)) assert.ok(!dump.includes(secret), `${secret} readable in the migrated store`)
  })

  test('the old add-on\'s config counts toward the 32 KB limit after the upgrade', async () => {
    const old = client(p.url, OLD.key)
    // SIZABLE_URL=sized://old takes 22 bytes of the app's 32,768
    const free = 32768 - 22 - 'FILLER'.length
    assert.equal((await old.patch<any>('apps/old-app/config-vars', {json: {FILLER: 'x'.repeat(free + 1)}})).statusCode, 422)
    assert.equal((await old.patch<any>('apps/old-app/config-vars', {json: {FILLER: 'x'.repeat(free)}})).statusCode, 200)

    const refreshed = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'refresh_token', refresh_token: OLD.refresh, client_secret: SIZED_PASSWORD}})
    assert.equal(refreshed.statusCode, 200)
    const exchanged = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'authorization_code', code: OLD.code, client_secret: SIZED_PASSWORD}})
    assert.equal(exchanged.statusCode, 200)
    assert.equal((await client(p.url, 'not-a-key').get('account')).statusCode, 401)
  })
})

// 0004 needs nothing of 0003: a store can take it straight after 0002.
test('0004_hashed_credentials runs straight after 0002 and hashes what it finds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-0004-'))
  const db = await oldDatabase(onPostgres ? {postgres: (await testDatabaseUrl())!} : {sqliteFile: join(dir, 'platform.sqlite')})
  try {
    assert.equal(await migrateOnly(db, ['0001_initial', '0002_list_indexes']), undefined)
    const at = new Date().toISOString()
    await db.insertInto('accounts').values({id: 'a1', email: 'a@example.com', name: null, api_key: 'plain-key', created_at: at, updated_at: at}).execute()
    await db.insertInto('partner_tokens').values({token: 'plain-token', addon_id: 'x', refresh_token: 'plain-refresh', expires_at: at}).execute()
    await db.insertInto('oauth_grants').values({code: 'plain-code', addon_id: 'x', expires_at: at}).execute()
    assert.equal(await migrateOnly(db, ['0001_initial', '0002_list_indexes', '0004_hashed_credentials']), undefined)
    assert.deepEqual(await db.selectFrom('accounts').select('api_key_hash').execute(), [{api_key_hash: hashSecret('plain-key')}])
    assert.deepEqual(await db.selectFrom('partner_tokens').select(['token_hash', 'refresh_token_hash']).execute(), [{token_hash: hashSecret('plain-token'), refresh_token_hash: hashSecret('plain-refresh')}])
    assert.deepEqual(await db.selectFrom('oauth_grants').select('code_hash').execute(), [{code_hash: hashSecret('plain-code')}])
  } finally {
    await db.destroy()
    rmSync(dir, {recursive: true, force: true})
  }
})

// platform.json keeps the user's own key: the store cannot give it back, so a later start reads it
// from there; with platform.json gone, the default account gets a new key and the log says so.
test('a later start keeps the key platform.json holds; without platform.json the default account gets a new key', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-state-'))
  const databaseUrl = await testDatabaseUrl()
  const start = async () => {
    const lines: string[] = []
    const platform = await startPlatform({port: 0, dataDir, databaseUrl, builtinProviders: false, log: (line) => lines.push(line)})
    const state = JSON.parse(readFileSync(join(dataDir, 'platform.json'), 'utf8')) as {api_key: string}
    return {platform, lines, key: state.api_key, works: async (key: string) => (await client(platform.url, key).get('account')).statusCode === 200}
  }
  try {
    const first = await start()
    assert.ok(first.lines.some((l) => l.startsWith('created account developer@addonkit.local')))
    assert.equal(first.platform.apiKey, first.key)
    assert.ok(await first.works(first.key))
    await first.platform.close()

    const second = await start()
    assert.ok(!second.lines.some((l) => /created account|new API key/.test(l)), second.lines.join('\n'))
    assert.equal(second.key, first.key)
    assert.ok(await second.works(first.key))
    await second.platform.close()

    rmSync(join(dataDir, 'platform.json'))
    const third = await start()
    assert.ok(third.lines.some((l) => l.startsWith('issued a new API key for developer@addonkit.local')), third.lines.join('\n'))
    assert.notEqual(third.key, first.key)
    assert.ok(await third.works(third.key))
    assert.ok(!(await third.works(first.key)))
    await third.platform.close()
  } finally {
    rmSync(dataDir, {recursive: true, force: true})
  }
})

type OldStore = {sqliteFile: string} | {postgres: string}

// Runs the named migrations only; kysely's own tables in the store's schema, as openStore keeps them.
async function migrateOnly(db: Kysely<any>, names: string[]): Promise<unknown> {
  const all = await migrationProvider.getMigrations()
  const provider: MigrationProvider = {getMigrations: async () => Object.fromEntries(names.map((n) => [n, all[n]]))}
  const schema = onPostgres ? (await sql<{schema: string}>`select current_schema() as schema`.execute(db)).rows[0].schema : undefined
  return (await new Migrator({db, provider, migrationTableSchema: schema}).migrateToLatest()).error
}

async function oldDatabase(where: OldStore): Promise<Kysely<any>> {
  if ('sqliteFile' in where) {
    const {default: SQLite} = await import('better-sqlite3')
    return new Kysely<any>({dialect: new SqliteDialect({database: new SQLite(where.sqliteFile)})})
  }
  const {default: pg} = await import('pg')
  return new Kysely<any>({dialect: new PostgresDialect({pool: new pg.Pool({connectionString: where.postgres, max: 1})})})
}

// The store as the platform left it before 0003: an account, an app with one add-on of the sized
// provider, a live partner token and an unexchanged grant, all in plain text.
async function writeOldStore(where: OldStore, provider: SizedProvider, old: {key: string; token: string; refresh: string; code: string}): Promise<string> {
  const db = await oldDatabase(where)
  try {
    assert.equal(await migrateOnly(db, ['0001_initial', '0002_list_indexes']), undefined)
    await seedRegions(db)
    const at = new Date().toISOString()
    const later = new Date(Date.now() + 3600_000).toISOString()
    // the service and its plan as that store held them (today's catalog writes columns added since)
    const {manifest} = provider
    const service = {row: {id: '6f1c2d3e-0000-4000-8000-0000000000a1'}, plans: [{id: '6f1c2d3e-0000-4000-8000-0000000000a2'}]}
    await db.insertInto('addon_services').values({
      id: service.row.id, name: manifest.id, human_name: manifest.name ?? manifest.id, cli_plugin_name: null, state: 'ga', supports_multiple_installations: 1,
      supports_sharing: 1, manifest: JSON.stringify(manifest), created_at: at, updated_at: at,
    }).execute()
    const plan = manifest.plans![0]
    await db.insertInto('plans').values({
      id: service.plans[0].id, service_id: service.row.id, name: `${manifest.id}:${plan.name}`, slug: plan.name, human_name: plan.name, description: plan.name,
      price_cents: plan.price.cents, price_unit: plan.price.unit, price_contract: 0, is_default: 1, inside_private_network: 1, outside_private_network: 1, created_at: at, updated_at: at,
    }).execute()
    const region = await db.selectFrom('regions').select('id').where('name', '=', 'us').executeTakeFirstOrThrow()
    await db.insertInto('accounts').values({id: 'old-account', email: 'old@example.com', name: null, api_key: old.key, created_at: at, updated_at: at}).execute()
    await db.insertInto('apps').values({id: 'old-app-id', name: 'old-app', owner_id: 'old-account', region_id: region.id, space_id: null, maintenance: 0, released_at: null, created_at: at, updated_at: at}).execute()
    const addonId = '6f1c2d3e-0000-4000-8000-000000000001'
    await db.insertInto('addons').values({
      id: addonId, name: 'sizable-old-12345', service_id: service.row.id, plan_id: service.plans[0].id, app_id: 'old-app-id', state: 'provisioned',
      provider_id: addonId, config: JSON.stringify({SIZABLE_URL: 'sized://old'}), staged_config: null, provision_message: null, created_at: at, updated_at: at,
    }).execute()
    await db.insertInto('attachments').values({id: 'old-attachment', addon_id: addonId, app_id: 'old-app-id', addon_app_id: 'old-app-id', name: 'SIZABLE', namespace: null, created_at: at, updated_at: at}).execute()
    await db.insertInto('partner_tokens').values({token: old.token, addon_id: addonId, refresh_token: old.refresh, expires_at: later}).execute()
    await db.insertInto('oauth_grants').values({code: old.code, addon_id: addonId, expires_at: later}).execute()
    return addonId
  } finally {
    await db.destroy()
  }
}
