// The kv service's store: exact plan limits, durability (restart, kill -9), concurrent writers,
// deprovision, and the import of data kept as JSON files by earlier versions.
import {after, before, describe, test} from 'node:test'
import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import SQLite from 'better-sqlite3'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'
import {startBuiltins, tempDataDir, type Harness} from './builtin-harness.js'
import {providerClient, provisionBody} from './provider-client.js'

const MB = 1024 * 1024

// The modes asserted below must hold under the usual umask, not only under a strict one.
process.umask(0o022)

// fetch refuses URLs with credentials, so the token in KV_URL moves into a header, as an app would.
// `port` rebuilds the URL on a restarted server's new port.
function kvClient(kvUrl: string, port?: string) {
  const url = new URL(kvUrl)
  const authorization = `Basic ${Buffer.from(`${url.username}:`).toString('base64')}`
  url.username = ''
  if (port) url.port = port
  const base = url.toString()
  return {
    put: (key: string, body: string | Buffer<ArrayBuffer>) => fetch(`${base}/${key}`, {method: 'PUT', body, headers: {authorization}}),
    get: (key: string) => fetch(`${base}/${key}`, {headers: {authorization}}),
    async text(key: string): Promise<string | undefined> {
      const response = await fetch(`${base}/${key}`, {headers: {authorization}})
      return response.status === 200 ? response.text() : undefined
    },
    async list(): Promise<{keys: string[]; bytes: number}> {
      const response = await fetch(base, {headers: {authorization}})
      assert.equal(response.status, 200)
      return (await response.json()) as {keys: string[]; bytes: number}
    },
  }
}

async function provision(platform: Harness, plan: string, uuid: string = crypto.randomUUID()) {
  const created = await platform.client('kv').provision(provisionBody({plan, uuid}))
  assert.equal(created.status, 200)
  return {id: created.body.id as string, kvUrl: created.body.config.KV_URL as string}
}

function kvFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'providers', 'kv')
  return [join(dir, 'kv.sqlite'), join(dir, 'kv.sqlite-wal'), join(dir, 'kv.sqlite-shm')]
}

function mode(path: string): string {
  return (statSync(path).mode & 0o777).toString(8)
}

describe('kv store on one platform', () => {
  const dataDir = tempDataDir()
  let platform: Harness

  before(async () => {
    platform = await startBuiltins(dataDir)
  })
  after(async () => {
    await platform.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  for (const [plan, limit] of [['free', 1 * MB], ['mini', 10 * MB], ['standard', 100 * MB]] as const) {
    test(`plan ${plan} holds exactly ${limit} bytes of keys and values, and refuses one byte more without changing anything`, async () => {
      const {kvUrl} = await provision(platform, plan)
      const kv = kvClient(kvUrl)
      // A key counts its UTF-8 bytes: "clé" is 4.
      assert.equal((await kv.put('clé', 'first')).status, 204)
      assert.deepEqual(await kv.list(), {keys: ['clé'], bytes: 4 + 5})
      assert.equal((await kv.put('fill', Buffer.alloc(limit - 9 - 4, 1))).status, 204)
      assert.deepEqual(await kv.list(), {keys: ['clé', 'fill'], bytes: limit})

      const newKey = await kv.put('x', '')
      assert.equal(newKey.status, 413)
      assert.deepEqual(await newKey.json(), {message: `storing this value would use ${limit + 1} bytes, over this plan's limit of ${limit} bytes (plan ${plan})`})
      const longer = await kv.put('clé', 'second')
      assert.equal(longer.status, 413)
      assert.match((await longer.json()).message, new RegExp(`would use ${limit + 1} bytes, over this plan's limit of ${limit} bytes \\(plan ${plan}\\)`))
      assert.equal(await kv.text('clé'), 'first')
      assert.equal((await kv.get('x')).status, 404)
      assert.deepEqual(await kv.list(), {keys: ['clé', 'fill'], bytes: limit})

      // Replacing a value counts only the difference: as long again fits.
      assert.equal((await kv.put('clé', 'fifth')).status, 204)
      assert.equal(await kv.text('clé'), 'fifth')
      assert.deepEqual(await kv.list(), {keys: ['clé', 'fill'], bytes: limit})
    })
  }

  test('100 concurrent PUTs of distinct keys are all kept; concurrent PUTs to one key end with one of the values', async () => {
    const {kvUrl} = await provision(platform, 'mini')
    const kv = kvClient(kvUrl)
    const keys = Array.from({length: 100}, (_, i) => `key-${String(i).padStart(3, '0')}`)
    const statuses = await Promise.all(keys.map(async (key) => (await kv.put(key, `value of ${key}`)).status))
    assert.deepEqual(new Set(statuses), new Set([204]))
    const listed = await kv.list()
    assert.deepEqual(listed.keys, keys)
    assert.equal(listed.bytes, keys.reduce((sum, key) => sum + key.length + `value of ${key}`.length, 0))
    for (const key of keys) assert.equal(await kv.text(key), `value of ${key}`)

    const values = Array.from({length: 50}, (_, i) => `contender ${i}`.repeat(i + 1))
    const raced = await Promise.all(values.map(async (value) => (await kv.put('shared', value)).status))
    assert.deepEqual(new Set(raced), new Set([204]))
    const winner = await kv.text('shared')
    assert.ok(winner !== undefined && values.includes(winner), `shared holds ${winner?.slice(0, 40)}`)
    assert.deepEqual(await kv.list(), {keys: [...keys, 'shared'].sort(), bytes: listed.bytes + 'shared'.length + Buffer.byteLength(winner)})
  })

  test('deprovision deletes the data: nothing left in the store, a new resource with the same id starts empty', async () => {
    const uuid = crypto.randomUUID()
    const {id, kvUrl} = await provision(platform, 'free', uuid)
    const kv = kvClient(kvUrl)
    assert.equal((await kv.put('doomed', 'soon gone')).status, 204)
    assert.equal((await platform.client('kv').deprovision(id)).status, 204)

    const db = new SQLite(kvFiles(dataDir)[0], {readonly: true})
    try {
      assert.deepEqual(db.prepare('SELECT key FROM entries WHERE resource = ?').all(id), [])
      assert.deepEqual(db.prepare('SELECT * FROM usage WHERE resource = ?').all(id), [])
    } finally {
      db.close()
    }
    const again = kvClient((await provision(platform, 'free', uuid)).kvUrl)
    assert.deepEqual(await again.list(), {keys: [], bytes: 0})
    assert.equal((await again.get('doomed')).status, 404)
  })

  test('data and usage survive a restart; the folder is 0700 and the database files 0600 under umask 022', async () => {
    const {kvUrl} = await provision(platform, 'mini')
    const binary = Buffer.from([0, 255, 10, 13, 128])
    assert.equal((await kvClient(kvUrl).put('binary', binary)).status, 204)
    assert.equal((await kvClient(kvUrl).put('text', 'kept')).status, 204)
    assert.equal(mode(join(dataDir, 'providers', 'kv')), '700')
    for (const file of kvFiles(dataDir)) assert.equal(mode(file), '600', file)

    await platform.close()
    platform = await startBuiltins(dataDir)
    const kv = kvClient(kvUrl, new URL(platform.url).port)
    assert.deepEqual(await kv.list(), {keys: ['binary', 'text'], bytes: 6 + 5 + 4 + 4})
    assert.deepEqual(Buffer.from(await (await kv.get('binary')).arrayBuffer()), binary)
    assert.equal(await kv.text('text'), 'kept')
  })
})

describe('kv data kept as JSON files by earlier versions', () => {
  const dataDir = tempDataDir()
  after(() => rmSync(dataDir, {recursive: true, force: true}))

  test('is imported on start, usage included, and the old files are removed', async () => {
    let platform = await startBuiltins(dataDir)
    const {id, kvUrl} = await provision(platform, 'free')
    await platform.close()
    // What an earlier version left: no database, one JSON file per resource (values in base64),
    // a temporary file of a write that never finished, and a file it could not read either.
    for (const file of kvFiles(dataDir)) rmSync(file, {force: true})
    const legacyDir = join(dataDir, 'providers', 'kv', 'data')
    mkdirSync(legacyDir, {recursive: true})
    const binary = Buffer.from([1, 2, 3, 250])
    writeFileSync(join(legacyDir, `${id}.json`), JSON.stringify({greeting: Buffer.from('hello').toString('base64'), 'a/b': binary.toString('base64')}))
    writeFileSync(join(legacyDir, `${id}.json.1234.abcd.tmp`), '{"greeting": "unfinis')
    writeFileSync(join(legacyDir, 'broken.json'), 'not json')

    platform = await startBuiltins(dataDir)
    try {
      const kv = kvClient(kvUrl, new URL(platform.url).port)
      assert.deepEqual(await kv.list(), {keys: ['a/b', 'greeting'], bytes: 3 + 4 + 8 + 5})
      assert.equal(await kv.text('greeting'), 'hello')
      assert.deepEqual(Buffer.from(await (await kv.get('a/b')).arrayBuffer()), binary)
      // Limits count the imported data: 1 MB on free.
      assert.equal((await kv.put('fill', Buffer.alloc(1 * MB - 20 - 4))).status, 204)
      assert.equal((await kv.put('more', 'x')).status, 413)
      assert.deepEqual(readdirSync(legacyDir), ['broken.json.unreadable'])
    } finally {
      await platform.close()
    }
  })
})

describe('kv under kill -9', () => {
  const dataDir = tempDataDir()
  const children: ChildProcess[] = []
  after(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(dataDir, {recursive: true, force: true})
  })

  // A real process serving the built-in providers on dataDir (test/providers/kv-child.ts).
  function serve(): Promise<{child: ChildProcess; url: string; manifest: ProviderManifest}> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/providers/kv-child.ts', dataDir], {stdio: ['ignore', 'pipe', 'inherit']})
    children.push(child)
    return new Promise((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (chunk) => {
        out += chunk
        if (out.includes('\n')) resolve({child, ...JSON.parse(out.split('\n')[0])})
      })
      child.once('exit', (code) => reject(new Error(`kv child exited with ${code}`)))
    })
  }

  test('every acknowledged write is there after the serving process is killed mid-write', async () => {
    const first = await serve()
    const api = providerClient((first.manifest.api.production as {base_url: string}).base_url.replace(/\/heroku\/resources$/, ''), first.manifest)
    const created = await api.provision(provisionBody({plan: 'mini'}))
    assert.equal(created.status, 200)
    const kv = kvClient(created.body.config.KV_URL)

    // Four writers, each PUTting its own keys one after another, until the process dies under them.
    const acknowledged: string[] = []
    let killed = false
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const key = `w${w}-${i}`
        const status = await kv.put(key, `value ${key}`.repeat(20)).then((r) => r.status, () => undefined)
        if (status === 204) acknowledged.push(key)
      }
    }
    const writers = [0, 1, 2, 3].map(writer)
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 5))
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    killed = true
    await Promise.all(writers)

    const second = await serve()
    const after = kvClient(created.body.config.KV_URL, new URL(second.url).port)
    const {keys} = await after.list()
    for (const key of acknowledged) assert.ok(keys.includes(key), `${key} was acknowledged but is gone`)
    for (const key of acknowledged) assert.equal(await after.text(key), `value ${key}`.repeat(20))
    second.child.kill('SIGKILL')
  })
})
