// Issue 5: the built-in services used as an app uses them. Each add-on is created through the CLI,
// consumed inside `addonkit run` with the service's ordinary client (fetch, ioredis, pg), moved to
// another plan, and destroyed; then the resource is shown to be gone. Two add-ons of one service
// sit on the same app (the default alias and OTHER_*) to show one's credentials cannot reach the
// other's data. Last, the seed walkthrough with the real redis: BROKER and SESSION_STORE on two servers.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {runCli} from '../helpers/cli.js'
import {appRunner, type AppRunner} from './helpers/app-run.js'
import {kvPrelude, postgresPrelude, redisPrelude} from './helpers/client-scripts.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'
import {
  createAddon,
  destroyAddons,
  postgresAdminUrl,
  postgresDatabaseError,
  postgresRoleExists,
  postgresSkipReason,
  redisConnectionError,
  redisSkipReason,
} from './helpers/services.js'
import {lines} from './helpers/text.js'

const MB = 1024 * 1024

describe('the built-in services through addonkit run', () => {
  let p: E2EPlatform
  let runner: AppRunner
  let pgSkip: string | false = 'not checked yet'
  const cli = (argv: string[]) => runCli(argv, {url: p.url})
  const config = (app: string) => p.get<Record<string, string>>(`/apps/${app}/config-vars`)
  const planOf = async (app: string, name: string) => (await p.get<{plan: {name: string}}>(`/apps/${app}/addons/${name}`)).plan.name

  before(async () => {
    pgSkip = await postgresSkipReason()
    p = await startE2EPlatform({postgresAdminUrl: pgSkip ? undefined : postgresAdminUrl})
    runner = appRunner(p.url)
    for (const app of ['kv-app', 'redis-app', 'postgres-app', 'broker-app']) assert.equal((await cli(['apps:create', app])).exitCode, 0)
  })
  after(async () => {
    runner?.close()
    await p?.close()
  })

  describe('kv', () => {
    const names = {kv: '', other: ''}
    let kvUrl = ''

    test('addons:create kv twice: KV_URL and OTHER_KV_URL', async () => {
      const created = await createAddon(p.url, 'kv-app', 'kv')
      names.kv = created.name
      assert.equal(
        created.result.stderr,
        lines(`Creating ${names.kv}... done, (free)`, `Adding ${names.kv} to kv-app... done`, 'Setting KV_URL and restarting kv-app... done, v1'),
      )
      assert.equal(created.result.stdout, '1 MB key-value store ready\n')
      names.other = (await createAddon(p.url, 'kv-app', 'kv', ['--as', 'OTHER_KV'])).name
      kvUrl = (await config('kv-app')).KV_URL
    })

    test('run: write and read back with fetch; the other store refuses this token; the free plan holds 1 MB', async () => {
      const seen = await runner.json('kv-app', `${kvPrelude}
        return {
          written: await put(kv, 'greeting', 'hello'),
          read: await get(kv, 'greeting'),
          otherWritten: await put(other, 'secret', 'other data'),
          crossRead: (await get(other, 'secret', kv.auth)).status,
          crossWrite: await put(other, 'secret', 'overwritten', kv.auth),
          otherRead: await get(other, 'secret'),
          big: await put(kv, 'big', Buffer.alloc(${1.5 * MB})),
        }`)
      assert.deepEqual(seen, {
        written: 204,
        read: {status: 200, body: 'hello'},
        otherWritten: 204,
        crossRead: 401,
        crossWrite: 401,
        otherRead: {status: 200, body: 'other data'},
        big: 413,
      })
    })

    test('addons:upgrade kv:mini: the plan changes and 1.5 MB now fits', async () => {
      const {stdout, stderr, exitCode} = await cli(['addons:upgrade', names.kv, 'kv:mini', '--app', 'kv-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(stderr, `Changing ${names.kv} on kv-app from kv:free to kv:mini... done, ($3/month)\n`)
      assert.equal(stdout, 'now holds up to 10 MB\n')
      assert.equal(await planOf('kv-app', names.kv), 'kv:mini')
      const seen = await runner.json('kv-app', `${kvPrelude}
        return {big: await put(kv, 'big', Buffer.alloc(${1.5 * MB})), read: await get(kv, 'greeting')}`)
      assert.deepEqual(seen, {big: 204, read: {status: 200, body: 'hello'}})
    })

    test('addons:destroy --confirm: the store answers 401 to its old credentials', async () => {
      await destroyAddons(p.url, 'kv-app', [names.kv, names.other])
      assert.deepEqual(await config('kv-app'), {})
      const url = new URL(kvUrl)
      const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:`).toString('base64')}`
      url.username = ''
      const response = await fetch(`${url.toString()}/greeting`, {headers: {authorization: auth}})
      assert.equal(response.status, 401)
    })
  })

  describe('redis', {skip: redisSkipReason}, () => {
    const names = {redis: '', other: ''}
    let redisUrl = ''
    let otherUrl = ''

    test('addons:create redis twice: REDIS_URL and OTHER_REDIS_URL, two servers', async () => {
      names.redis = (await createAddon(p.url, 'redis-app', 'redis')).name
      names.other = (await createAddon(p.url, 'redis-app', 'redis', ['--as', 'OTHER_REDIS'])).name
      const vars = await config('redis-app')
      redisUrl = vars.REDIS_URL
      otherUrl = vars.OTHER_REDIS_URL
      assert.notEqual(new URL(redisUrl).port, new URL(otherUrl).port)
    })

    test("run: write and read back with ioredis; the other server refuses this password; maxmemory is mini's", async () => {
      const seen = await runner.json('redis-app', `${redisPrelude}
        const redis = await connect(process.env.REDIS_URL)
        const other = await connect(process.env.OTHER_REDIS_URL)
        await redis.set('greeting', 'hello')
        await other.set('secret', 'other data')
        const mine = new URL(process.env.REDIS_URL)
        const theirs = new URL(process.env.OTHER_REDIS_URL)
        const cross = await connect({host: theirs.hostname, port: Number(theirs.port), username: mine.username, password: mine.password})
          .then(async (client) => { const value = await client.get('secret'); client.disconnect(); return 'read ' + value }, errorText)
        const result = {
          read: await redis.get('greeting'),
          otherSeesGreeting: await other.get('greeting'),
          cross,
          maxmemory: await maxmemory(redis),
          config: await redis.config('GET', 'maxmemory').then(() => 'allowed', errorText),
        }
        redis.disconnect()
        other.disconnect()
        return result`)
      assert.equal((seen as {read: string}).read, 'hello')
      assert.equal((seen as {otherSeesGreeting: null}).otherSeesGreeting, null)
      assert.match((seen as {cross: string}).cross, /WRONGPASS/)
      assert.equal((seen as {maxmemory: number}).maxmemory, 25 * MB)
      assert.match((seen as {config: string}).config, /NOPERM/)
    })

    test("addons:upgrade redis:premium: the server's maxmemory follows the plan, the data stays", async () => {
      const {stdout, stderr, exitCode} = await cli(['addons:upgrade', names.redis, 'premium', '--app', 'redis-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(stderr, `Changing ${names.redis} on redis-app from redis:mini to redis:premium... done, ($15/month)\n`)
      assert.equal(stdout, 'maxmemory is now 100 MB\n')
      assert.equal(await planOf('redis-app', names.redis), 'redis:premium')
      const seen = await runner.json('redis-app', `${redisPrelude}
        const redis = await connect(process.env.REDIS_URL)
        const result = {read: await redis.get('greeting'), maxmemory: await maxmemory(redis)}
        redis.disconnect()
        return result`)
      assert.deepEqual(seen, {read: 'hello', maxmemory: 100 * MB})
    })

    test('addons:destroy --confirm: both servers are stopped (connection refused)', async () => {
      await destroyAddons(p.url, 'redis-app', [names.redis, names.other])
      assert.deepEqual(await config('redis-app'), {})
      assert.equal(await redisConnectionError(redisUrl), 'ECONNREFUSED')
      assert.equal(await redisConnectionError(otherUrl), 'ECONNREFUSED')
    })
  })

  describe('postgresql', () => {
    const names = {db: '', other: ''}
    const databases = {db: '', other: ''}

    test('addons:create postgresql twice: DATABASE_URL and OTHER_DB_URL', async (t) => {
      if (pgSkip) return t.skip(pgSkip)
      names.db = (await createAddon(p.url, 'postgres-app', 'postgresql')).name
      names.other = (await createAddon(p.url, 'postgres-app', 'postgresql', ['--as', 'OTHER_DB'])).name
      const vars = await config('postgres-app')
      databases.db = new URL(vars.DATABASE_URL).pathname.slice(1)
      databases.other = new URL(vars.OTHER_DB_URL).pathname.slice(1)
      assert.notEqual(databases.db, databases.other)
    })

    test("run: write and read back with pg; the other database refuses this role; the role has mini's limit", async (t) => {
      if (pgSkip) return t.skip(pgSkip)
      const seen = await runner.json('postgres-app', `${postgresPrelude}
        const db = await connect(process.env.DATABASE_URL)
        const other = await connect(process.env.OTHER_DB_URL)
        await db.query('CREATE TABLE notes (body text)')
        await db.query("INSERT INTO notes VALUES ('hello')")
        await other.query('CREATE TABLE secrets (body text)')
        await other.query("INSERT INTO secrets VALUES ('other data')")
        const mine = new URL(process.env.DATABASE_URL)
        const theirs = new URL(process.env.OTHER_DB_URL)
        mine.pathname = theirs.pathname
        const cross = await connect(mine.toString())
          .then(async (client) => { const {rows} = await client.query('SELECT body FROM secrets'); await client.end(); return 'read ' + rows[0].body }, errorText)
        const result = {
          read: (await db.query('SELECT body FROM notes')).rows.map((row) => row.body),
          cross,
          limit: await connectionLimit(db),
        }
        await db.end()
        await other.end()
        return result`)
      assert.deepEqual(seen, {
        read: ['hello'],
        cross: `permission denied for database "${databases.other}"`,
        limit: 5,
      })
    })

    test("addons:upgrade postgresql:basic: the role's connection limit follows the plan, the data stays", async (t) => {
      if (pgSkip) return t.skip(pgSkip)
      const {stdout, stderr, exitCode} = await cli(['addons:upgrade', 'DATABASE', 'postgresql:basic', '--app', 'postgres-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(stderr, `Changing ${names.db} on postgres-app from postgresql:mini to postgresql:basic... done, ($9/month)\n`)
      assert.equal(stdout, 'connection limit is now 20\n')
      assert.equal(await planOf('postgres-app', names.db), 'postgresql:basic')
      const seen = await runner.json('postgres-app', `${postgresPrelude}
        const db = await connect(process.env.DATABASE_URL)
        const result = {read: (await db.query('SELECT body FROM notes')).rows.map((row) => row.body), limit: await connectionLimit(db)}
        await db.end()
        return result`)
      assert.deepEqual(seen, {read: ['hello'], limit: 20})
    })

    test('addons:destroy --confirm: the databases and roles no longer exist', async (t) => {
      if (pgSkip) return t.skip(pgSkip)
      await destroyAddons(p.url, 'postgres-app', [names.db, names.other])
      assert.deepEqual(await config('postgres-app'), {})
      for (const database of [databases.db, databases.other]) {
        assert.equal(await postgresDatabaseError(database), `database "${database}" does not exist`)
        assert.equal(await postgresRoleExists(database), false)
      }
    })
  })

  // The seed's "more than one of the same add-on", with real redis-servers behind the aliases.
  describe('the seed walkthrough with the built-in redis', {skip: redisSkipReason}, () => {
    const names = {broker: '', session: ''}
    const urls = {broker: '', session: ''}

    test('two redis add-ons: REDIS, then the colour alias REDIS_ROSE', async () => {
      const first = await createAddon(p.url, 'broker-app', 'redis')
      const second = await createAddon(p.url, 'broker-app', 'redis')
      names.broker = first.name
      names.session = second.name
      assert.match(first.result.stderr, /^Setting REDIS_URL and restarting broker-app\.\.\. done, v1$/m)
      assert.match(second.result.stderr, /^Setting REDIS_ROSE_URL and restarting broker-app\.\.\. done, v2$/m)
    })

    test('addons:attach one as BROKER and the other as SESSION_STORE', async () => {
      const broker = await cli(['addons:attach', names.broker, '--as', 'BROKER', '--app', 'broker-app'])
      assert.equal(
        broker.stderr,
        lines(`Attaching ${names.broker} as BROKER to broker-app... done`, 'Setting BROKER vars and restarting broker-app... done, v3'),
      )
      const session = await cli(['addons:attach', names.session, '--as', 'SESSION_STORE', '--app', 'broker-app'])
      assert.equal(
        session.stderr,
        lines(`Attaching ${names.session} as SESSION_STORE to broker-app... done`, 'Setting SESSION_STORE vars and restarting broker-app... done, v4'),
      )
      const vars = await config('broker-app')
      assert.equal(vars.BROKER_URL, vars.REDIS_URL)
      assert.equal(vars.SESSION_STORE_URL, vars.REDIS_ROSE_URL)
      urls.broker = vars.BROKER_URL
      urls.session = vars.SESSION_STORE_URL
    })

    test('run: BROKER_URL and SESSION_STORE_URL reach two different Redis servers', async () => {
      const seen = await runner.json('broker-app', `${redisPrelude}
        const broker = await connect(process.env.BROKER_URL)
        const session = await connect(process.env.SESSION_STORE_URL)
        const aliasOfBroker = await connect(process.env.REDIS_URL)
        await broker.set('task:1', 'send-email')
        await session.set('session:1', 'alice')
        const result = {
          brokerTask: await broker.get('task:1'),
          sameServerViaRedisUrl: await aliasOfBroker.get('task:1'),
          sessionSeesTask: await session.get('task:1'),
          brokerSeesSession: await broker.get('session:1'),
          brokerPort: Number(new URL(process.env.BROKER_URL).port),
          sessionPort: Number(new URL(process.env.SESSION_STORE_URL).port),
          brokerRunId: /run_id:(\\w+)/.exec(await broker.info('server'))[1],
          sessionRunId: /run_id:(\\w+)/.exec(await session.info('server'))[1],
        }
        for (const client of [broker, session, aliasOfBroker]) client.disconnect()
        return result`)
      const s = seen as Record<string, string | number | null>
      assert.equal(s.brokerTask, 'send-email')
      assert.equal(s.sameServerViaRedisUrl, 'send-email')
      assert.equal(s.sessionSeesTask, null)
      assert.equal(s.brokerSeesSession, null)
      assert.notEqual(s.brokerPort, s.sessionPort)
      assert.notEqual(s.brokerRunId, s.sessionRunId)
    })

    test('addons:destroy both: no redis-server is left behind', async () => {
      await destroyAddons(p.url, 'broker-app', [names.broker, names.session])
      assert.equal(await redisConnectionError(urls.broker), 'ECONNREFUSED')
      assert.equal(await redisConnectionError(urls.session), 'ECONNREFUSED')
    })
  })
})
