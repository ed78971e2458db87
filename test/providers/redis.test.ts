import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import {existsSync, rmSync, readFileSync} from 'node:fs'
import {createConnection} from 'node:net'
import {join} from 'node:path'
import {Redis} from 'ioredis'
import {findExecutable} from '../../src/providers/builtin/find-executable.js'
import {provisionBody} from './provider-client.js'
import {startBuiltins, tempDataDir, type Harness} from './builtin-harness.js'

const skip = findExecutable('redis-server') ? false : 'redis-server is not installed (apt-get install redis-server)'
const dataDir = tempDataDir()
let platform: Harness
const clients: Redis[] = []

// A client that reports failures at once instead of reconnecting forever.
function connect(url: string): Redis {
  const client = new Redis(url, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false})
  client.on('error', () => {})
  clients.push(client)
  return client
}

// ioredis reports a refused connection only as "Connection is closed"; a bare socket says why.
function tcpConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({host: '127.0.0.1', port}, () => {
      socket.destroy()
      resolve()
    })
    socket.once('error', reject)
  })
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('gave up waiting')
}

before(async () => {
  if (!skip) platform = await startBuiltins(dataDir)
})
after(async () => {
  for (const c of clients) c.disconnect()
  await platform?.close()
  rmSync(dataDir, {recursive: true, force: true})
})

test('provision, use, plan change, deprovision a real redis-server', {skip}, async () => {
  const api = platform.client('redis')
  const created = await api.provision(provisionBody({plan: 'mini'}))
  assert.equal(created.status, 200)
  const url: string = created.body.config.REDIS_URL
  assert.match(url, /^redis:\/\/h:[0-9a-f]{48}@127\.0\.0\.1:\d+$/)

  const redis = connect(url)
  await redis.connect()
  assert.equal(await redis.set('greeting', 'hello'), 'OK')
  assert.equal(await redis.get('greeting'), 'hello')
  await assert.rejects(redis.config('GET', 'maxmemory'), /NOPERM/)

  // mini = 25 MB with noeviction: 30 MB does not fit until the plan says 100 MB.
  const chunk = 'x'.repeat(1024 * 1024)
  const fill = async () => {
    for (let i = 0; i < 30; i++) await redis.set(`chunk:${i}`, chunk)
  }
  await assert.rejects(fill(), /OOM command not allowed/)
  assert.deepEqual(await api.planChange(created.body.id, 'premium'), {status: 200, body: {message: 'maxmemory is now 100 MB'}})
  await fill()
  assert.equal(await redis.exists('chunk:29'), 1)

  const dir = join(dataDir, 'providers', 'redis', created.body.id)
  assert.ok(existsSync(dir))
  assert.equal((await api.deprovision(created.body.id)).status, 204)
  assert.ok(!existsSync(dir))
  await assert.rejects(tcpConnect(Number(new URL(url).port)), /ECONNREFUSED/)
})

test("one add-on's password does not open another's redis", {skip}, async () => {
  const api = platform.client('redis')
  const answer = await api.provision(provisionBody({plan: 'mini'}))
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  const first = new URL(answer.body.config.REDIS_URL)
  const second = new URL((await api.provision(provisionBody({plan: 'mini'}))).body.config.REDIS_URL)
  assert.notEqual(first.port, second.port)
  const intruder = new URL(second.toString())
  intruder.password = first.password
  const client = connect(intruder.toString())
  const seen: string[] = []
  client.on('error', (error) => seen.push(error.message))
  await assert.rejects(client.connect())
  assert.match(seen.join('\n'), /WRONGPASS invalid username-password pair/)
})

test('a redis-server that dies is restarted; after a platform restart the data is back', {skip}, async () => {
  const api = platform.client('redis')
  const created = await api.provision(provisionBody({plan: 'mini'}))
  const url: string = created.body.config.REDIS_URL
  const redis = connect(url)
  await redis.connect()
  await redis.set('kept', 'yes')

  const pidFile = join(dataDir, 'providers', 'redis', created.body.id, 'redis.pid')
  const pid = Number(readFileSync(pidFile, 'utf8'))
  process.kill(pid, 'SIGKILL')
  await waitUntil(async () => {
    const again = connect(url)
    await again.connect()
    return (await again.ping()) === 'PONG' && Number(readFileSync(pidFile, 'utf8')) !== pid
  })

  const writer = connect(url)
  await writer.connect()
  await writer.set('kept', 'after restart')
  await platform.close() // SIGTERM: redis-server flushes its append-only file
  await assert.rejects(tcpConnect(Number(new URL(url).port)), /ECONNREFUSED/)
  platform = await startBuiltins(dataDir)
  const reader = connect(url)
  await reader.connect()
  assert.equal(await reader.get('kept'), 'after restart')
})

test('the manifest names the service and its plans', {skip}, () => {
  const manifest = platform.manifests.find((m) => m.id === 'redis')!
  assert.equal(manifest.name, 'Redis')
  assert.deepEqual(manifest.api.config_vars, ['REDIS_URL'])
  const mini = manifest.plans!.find((p) => p.name === 'mini')!
  assert.deepEqual([mini.price.cents, mini.default], [300, true])
  assert.equal(manifest.plans!.find((p) => p.name === 'premium')!.price.cents, 1500)
})

test('without redis-server on PATH provisioning answers 503 with how to install it', async () => {
  const harness = platform ?? (await startBuiltins(tempDataDir()))
  const path = process.env.PATH
  process.env.PATH = '/nonexistent'
  try {
    const answer = await harness.client('redis').provision(provisionBody({plan: 'mini'}))
    assert.deepEqual(answer, {
      status: 503,
      body: {message: 'redis-server is not installed on this machine: install it (apt-get install redis-server) and try again.'},
    })
  } finally {
    process.env.PATH = path
    if (harness !== platform) await harness.close()
  }
})
