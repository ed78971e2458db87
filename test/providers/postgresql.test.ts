import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import {rmSync} from 'node:fs'
import pg from 'pg'
import {provisionBody} from './provider-client.js'
import {startBuiltins, tempDataDir, type Harness} from './builtin-harness.js'
import {postgresAdminUrl, postgresSkipReason} from './postgres-admin.js'

const skip = await postgresSkipReason()
let platform: Harness
let withoutServer: Harness
const open: pg.Client[] = []
const created: string[] = []

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({connectionString: url, connectionTimeoutMillis: 5_000})
  client.on('error', () => {})
  await client.connect()
  open.push(client)
  return client
}

const dataDirs = [tempDataDir(), tempDataDir()]

before(async () => {
  withoutServer = await startBuiltins(dataDirs[0])
  if (!skip) platform = await startBuiltins(dataDirs[1], postgresAdminUrl)
})
after(async () => {
  await Promise.all(open.map((c) => c.end().catch(() => {})))
  // The server is shared: leave no test databases behind.
  for (const id of created) await platform.client('postgresql').deprovision(id)
  await platform?.close()
  await withoutServer.close()
  for (const dir of dataDirs) rmSync(dir, {recursive: true, force: true})
})

test('without --postgres-admin-url provisioning answers 503 with what to do', async () => {
  const answer = await withoutServer.client('postgresql').provision(provisionBody({plan: 'mini'}))
  assert.equal(answer.status, 503)
  assert.match(answer.body.message, /start the platform with --postgres-admin-url/)
})

test('provision, use, plan change, deprovision a real database', {skip}, async () => {
  const api = platform.client('postgresql')
  const created = await api.provision(provisionBody({plan: 'mini'}))
  assert.equal(created.status, 200, JSON.stringify(created.body))
  const url: string = created.body.config.DATABASE_URL
  assert.match(url, /^postgres:\/\/addon_[0-9a-f]{16}:[0-9a-f]{48}@127\.0\.0\.1:\d+\/addon_[0-9a-f]{16}$/)

  const db = await connect(url)
  await db.query('CREATE TABLE notes (body text)')
  await db.query("INSERT INTO notes VALUES ('hello')")
  assert.deepEqual((await db.query('SELECT body FROM notes')).rows, [{body: 'hello'}])

  // mini allows 5 connections: this one and 4 more; a 6th is refused until the plan grows.
  for (let i = 0; i < 4; i++) await connect(url)
  await assert.rejects(connect(url), /too many connections for role/)
  assert.deepEqual(await api.planChange(created.body.id, 'basic'), {status: 200, body: {message: 'connection limit is now 20'}})
  await connect(url)

  const database = new URL(url).pathname.slice(1)
  assert.equal((await api.deprovision(created.body.id)).status, 204)
  await assert.rejects(connect(url), /password authentication failed|does not exist/)
  const admin = await connect(postgresAdminUrl)
  assert.equal((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount, 0)
  assert.equal((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [database])).rowCount, 0)
})

test("one add-on's role cannot open another add-on's database", {skip}, async () => {
  const api = platform.client('postgresql')
  const [mine, theirs] = await Promise.all(
    [1, 2].map(async () => {
      const answer = await api.provision(provisionBody({plan: 'mini'}))
      created.push(answer.body.id)
      return new URL(answer.body.config.DATABASE_URL)
    }),
  )
  const intruder = new URL(mine.toString())
  intruder.pathname = theirs.pathname
  await assert.rejects(connect(intruder.toString()), /permission denied for database/)
})
