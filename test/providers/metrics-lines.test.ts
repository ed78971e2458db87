// redis and postgresql write a metrics line to every app their add-on is attached to, read from the
// real server, through the platform's log input; the lines show in each app's log stream.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {Redis} from 'ioredis'
import pg from 'pg'
import {findExecutable} from '../../src/providers/builtin/find-executable.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../platform/helpers.js'
import {postgresAdminUrl, postgresSkipReason} from './postgres-admin.js'

// read by the services when the platform mounts them: a line every 300 ms instead of every minute
process.env.ADDONKIT_METRICS_INTERVAL_MS = '300'

const redisSkip = findExecutable('redis-server') ? false : 'redis-server is not installed (apt-get install redis-server)'
const postgresSkip = await postgresSkipReason()

let p: TestPlatform
const warnings: string[] = []

// the app's log, as `heroku logs` reads it: a log session, then its SSE history
async function history(app: string): Promise<string[]> {
  const session = await p.api.post<{logplex_url: string}>(`apps/${app}/log-sessions`, {json: {lines: 1500}})
  assert.equal(session.statusCode, 201, JSON.stringify(session.body))
  const res = await got(session.body.logplex_url, {headers: {Accept: 'text/event-stream'}})
  return res.body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
}

async function lineIn(app: string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = (await history(app)).find((line) => pattern.test(line))
    if (found) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.fail(`no line matching ${pattern} in ${app}'s log:\n${(await history(app)).join('\n')}`)
}

// creates the add-on on `owner`, attaches it to `other`: the provision and the attachment each give a log_input_url
async function addonOnTwoApps(plan: string, name: string, owner: string, other: string): Promise<void> {
  for (const app of [owner, other]) assert.equal((await p.api.post('apps', {json: {name: app}})).statusCode, 201)
  const created = await p.api.post<{name: string}>(`apps/${owner}/addons`, {json: {plan, name}})
  assert.equal(created.statusCode, 201, JSON.stringify(created.body))
  const attached = await p.api.post('addon-attachments', {json: {addon: name, app: other}})
  assert.equal(attached.statusCode, 201, JSON.stringify(attached.body))
  const attachments = (await p.api.get<Array<{app: {name: string}; log_input_url: string | null}>>(`addons/${name}/addon-attachments`)).body
  assert.deepEqual(attachments.map((a) => a.app.name).sort(), [owner, other].sort())
  for (const a of attachments) assert.match(a.log_input_url ?? '', /^http:\/\/token:t\.[0-9a-f-]{36}@127\.0\.0\.1:\d+\/logs$/)
}

describe('metrics lines of the built-in data services', () => {
  before(async () => {
    p = await startTestPlatform([], {builtinProviders: true, postgresAdminUrl, accounts: [OWNER], log: (line) => warnings.push(line)})
  })
  after(async () => {
    for (const name of ['metrics-redis', 'metrics-db']) await p.api.delete(`addons/${name}`)
    await p?.close()
  })

  test('their manifests require log_input', async () => {
    const services = (await p.api.get<Array<{name: string}>>('addon-services')).body.map((s) => s.name)
    assert.ok(services.includes('redis') && services.includes('postgresql'), services.join(', '))
    for (const service of ['redis', 'postgresql']) {
      const requires = p.platform.services.catalog.serviceByName(service)?.manifest.api.requires
      assert.deepEqual(requires, ['log_input'], service)
    }
  })

  test('redis: a line in each app it is attached to, with the server\'s memory and clients', {skip: redisSkip}, async () => {
    await addonOnTwoApps('redis:mini', 'metrics-redis', 'redis-owner', 'redis-reader')
    const line = /^\S+ metrics-redis\[metrics\]: source=REDIS sample#memory-used=(\d+)bytes sample#connected-clients=(\d+)$/
    for (const app of ['redis-owner', 'redis-reader']) {
      const [, memory, clients] = line.exec(await lineIn(app, line))!
      assert.ok(Number(memory) > 100_000, `redis-server uses some memory (${memory})`)
      assert.equal(clients, '0')
    }
    // a customer connects: the next lines count it
    const config = (await p.api.get<Record<string, string>>('apps/redis-owner/config-vars')).body
    const customer = new Redis(config.REDIS_URL, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null})
    customer.on('error', () => {})
    await customer.connect()
    try {
      for (const app of ['redis-owner', 'redis-reader']) await lineIn(app, /metrics-redis\[metrics\]: source=REDIS sample#memory-used=\d+bytes sample#connected-clients=1$/)
    } finally {
      customer.disconnect()
    }
  })

  test('postgresql: a line in each app it is attached to, with the database\'s size and connections', {skip: postgresSkip}, async () => {
    await addonOnTwoApps('postgresql:mini', 'metrics-db', 'db-owner', 'db-reader')
    const line = /^\S+ metrics-db\[metrics\]: source=DATABASE sample#db_size=(\d+)bytes sample#active-connections=(\d+)$/
    for (const app of ['db-owner', 'db-reader']) {
      const [, size] = line.exec(await lineIn(app, line))!
      assert.ok(Number(size) > 1_000_000, `an empty database is some MB (${size})`)
    }
    const config = (await p.api.get<Record<string, string>>('apps/db-owner/config-vars')).body
    const customers = [new pg.Client({connectionString: config.DATABASE_URL}), new pg.Client({connectionString: config.DATABASE_URL})]
    for (const client of customers) await client.connect()
    try {
      for (const app of ['db-owner', 'db-reader']) await lineIn(app, /metrics-db\[metrics\]: source=DATABASE sample#db_size=\d+bytes sample#active-connections=2$/)
    } finally {
      for (const client of customers) await client.end()
    }
  })

  test('an app the add-on is detached from gets no more lines', {skip: redisSkip}, async () => {
    const attachments = (await p.api.get<Array<{id: string; addon: {name: string}}>>('apps/redis-reader/addon-attachments')).body
    const detached = await p.api.delete(`addon-attachments/${attachments.find((a) => a.addon.name === 'metrics-redis')!.id}`)
    assert.equal(detached.statusCode, 200, JSON.stringify(detached.body))
    const count = async () => (await history('redis-reader')).filter((l) => l.includes('metrics-redis[metrics]')).length
    const before = await count()
    // the owner still gets lines meanwhile: several intervals pass
    const owned = async () => (await history('redis-owner')).filter((l) => l.includes('metrics-redis[metrics]')).length
    const ownerBefore = await owned()
    for (let i = 0; i < 50 && (await owned()) < ownerBefore + 3; i++) await new Promise((r) => setTimeout(r, 100))
    assert.ok((await owned()) >= ownerBefore + 3)
    assert.ok((await count()) <= before + 1, 'at most a line already on its way')
    // (the platform's own log has a line per request; the services said nothing)
    assert.deepEqual(warnings.filter((w) => !/^(GET|POST|PATCH|PUT|DELETE) \//.test(w)), [])
  })
})
