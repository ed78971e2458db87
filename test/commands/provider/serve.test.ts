// provider:serve as a user runs it (a child process): its one-line refusals, the manifest it keeps
// across restarts, the data folder it shares with `npm start` (one process at a time), and
// platform:start --builtins none. The walkthrough through a served provider is in test/e2e/provider-serve.test.ts.
import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'
import {cleanEnv, runNode} from '../../bin/spawn.js'
import {runCli} from '../../helpers/cli.js'
import {TEST_TOKEN} from '../../e2e/helpers/platform.js'
import {killAll, platformCall, startPlatformProcess, startProvider} from '../../e2e/helpers/processes.js'
import {providerClient, provisionBody} from '../../providers/provider-client.js'
import {redisConnectionError, redisSkipReason} from '../../e2e/helpers/services.js'

const SERVE = ['--import', 'tsx', 'test/fixtures/providers/provider-serve.ts']

describe('provider:serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'addonkit-serve-'))
  const env = cleanEnv({ADDONKIT_DATA_DIR: join(root, 'home')})
  after(() => {
    killAll()
    rmSync(root, {recursive: true, force: true})
  })

  // In this process: each of these fails before anything listens.
  async function refused(args: string[]): Promise<{code: number; line: string}> {
    const run = await runCli(['provider:serve', ...args])
    assert.equal(run.stdout, '')
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr)
    return {code: run.exitCode, line: run.stderr.trimEnd()}
  }

  // As a user runs it, in its own process.
  async function refusedProcess(args: string[], runEnv = env): Promise<{code: number; line: string}> {
    const run = await runNode([...SERVE, ...args], runEnv)
    assert.equal(run.stdout, '')
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr)
    return {code: run.code, line: run.stderr.trimEnd()}
  }

  test('usage errors: an unknown service, --postgres-admin-url off postgresql, a --platform-url that is not http: exit 2', async () => {
    assert.deepEqual(await refused(['memcached']), {code: 2, line: 'Error: Expected memcached to be one of: kv, redis, postgresql, logbook'})
    assert.deepEqual(await refused(['kv', '--postgres-admin-url', 'postgres://x@127.0.0.1/postgres']), {
      code: 2,
      line: 'Error: --postgres-admin-url is for the postgresql service, not kv',
    })
    assert.deepEqual(await refused(['kv', '--platform-url', 'ftp://example.com']), {
      code: 2,
      line: 'Error: --platform-url must be an http or https URL, got "ftp://example.com"',
    })
  })

  test('postgresql without an admin URL, or with one nothing answers on: one line, exit 1, nothing written', async () => {
    const data = join(root, 'pg')
    assert.deepEqual(await refused(['postgresql', '--data', data]), {
      code: 1,
      line: 'Error: the postgresql provider creates databases in a PostgreSQL server: give --postgres-admin-url postgres://USER:PASSWORD@HOST:5432/postgres',
    })
    const closed = await closedPort()
    const {code, line} = await refused(['postgresql', '--data', data, '--postgres-admin-url', `postgres://postgres:secret@127.0.0.1:${closed}/postgres`])
    assert.equal(code, 1)
    assert.match(line, new RegExp(`^Error: cannot reach PostgreSQL at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${closed}/postgres: .*ECONNREFUSED`))
    assert.ok(!existsSync(data))
  })

  test('redis without redis-server on PATH: one line, exit 1', async () => {
    const emptyPath = mkdtempSync(join(root, 'path-'))
    assert.deepEqual(await refusedProcess(['redis', '--data', join(root, 'redis')], {...env, PATH: emptyPath}), {
      code: 1,
      line: 'Error: redis-server is not installed on this machine: install it (apt-get install redis-server) and try again',
    })
  })

  test('a port another process listens on: one line naming it, exit 1', async () => {
    const busy = await listening()
    try {
      const port = (busy.address() as {port: number}).port
      assert.deepEqual(await refused(['kv', '--port', String(port), '--data', join(root, 'busy')]), {
        code: 1,
        line: `Error: 127.0.0.1:${port} is already in use: choose another --port`,
      })
    } finally {
      busy.close()
    }
  })

  test('kv in the default data folder: one process at a time; a restart writes the same manifest and keeps the data; npm start then serves it', async () => {
    const home = join(root, 'home')
    const folder = join(home, 'providers', 'kv')
    const first = await startProvider(['kv', '--port', '0'], env)
    assert.equal(first.manifestPath, join(folder, 'manifest.json'))
    assert.match(first.stdout(), new RegExp(`^kv provider listening on ${first.url} \\(data in ${folder}\\)\n`))
    assert.ok(first.stdout().includes(`register it with addonkit platform:start --builtins none --manifest ${first.manifestPath}\n`))
    assert.equal(statSync(first.manifestPath).mode & 0o777, 0o600)
    const manifest = JSON.parse(readFileSync(first.manifestPath, 'utf8')) as ProviderManifest

    // a resource made through the provider API with the manifest's credentials, and a key in it
    const uuid = crypto.randomUUID()
    const provisioned = await providerClient(first.url, manifest).provision(provisionBody({uuid, plan: 'free'}))
    assert.equal(provisioned.status, 200)
    const kvUrl = new URL(provisioned.body.config.KV_URL)
    assert.equal(kvUrl.origin, first.url)
    const auth = `Basic ${Buffer.from(`${kvUrl.username}:`).toString('base64')}`
    const at = (base: string) => `${base}/kv/${uuid}/greeting`
    assert.equal((await fetch(at(first.url), {method: 'PUT', headers: {authorization: auth}, body: 'hello'})).status, 204)

    // the same folder cannot be served twice: not by a second provider:serve, not by platform:start
    const pid = first.child.pid
    const twice = await refusedProcess(['kv', '--port', '0'])
    assert.deepEqual(twice, {code: 1, line: `Error: ${folder} is in use by process ${pid}: stop it first (or remove ${join(folder, 'owner.pid')} if that process is not addonkit)`})
    const beside = await startPlatformProcess(['--data', home], env)
    assert.ok(beside.stdout().includes(`built-in kv not mounted: ${folder} is in use by process ${pid}`), beside.stdout())
    const offered = await platformCall<Array<{name: string}>>(beside.url, 'GET', '/addon-services')
    assert.deepEqual(offered.map((s) => s.name).sort(), ['logbook', 'postgresql', 'redis'])
    assert.equal(await beside.stop(), 0)

    assert.equal(await first.stop(), 0)
    const port = new URL(first.url).port
    const again = await startProvider(['kv', '--port', port], env)
    assert.equal(again.url, first.url)
    assert.deepEqual(JSON.parse(readFileSync(again.manifestPath, 'utf8')), manifest)
    const read = await fetch(at(again.url), {headers: {authorization: auth}})
    assert.deepEqual({status: read.status, body: await read.text()}, {status: 200, body: 'hello'})
    assert.equal(await again.stop(), 0)

    // `npm start` on the same data dir mounts kv from the same folder
    const platform = await startPlatformProcess(['--data', home], env)
    const mounted = await fetch(at(platform.url), {headers: {authorization: auth}})
    assert.deepEqual({status: mounted.status, body: await mounted.text()}, {status: 200, body: 'hello'})
    assert.equal(await platform.stop(), 0)
  })

  test('redis: SIGINT stops its redis-servers with it; a restart brings them back', {skip: redisSkipReason}, async () => {
    const data = join(root, 'redis-restart')
    const first = await startProvider(['redis', '--port', '0', '--data', data], env)
    const manifest = JSON.parse(readFileSync(first.manifestPath, 'utf8')) as ProviderManifest
    const uuid = crypto.randomUUID()
    const provisioned = await providerClient(first.url, manifest).provision(provisionBody({uuid, plan: 'mini'}))
    assert.equal(provisioned.status, 200)
    const redisUrl = provisioned.body.config.REDIS_URL as string
    assert.equal(await redisConnectionError(redisUrl), 'connected')

    assert.equal(await first.stop('SIGINT'), 0)
    assert.equal(await redisConnectionError(redisUrl), 'ECONNREFUSED')

    const again = await startProvider(['redis', '--port', new URL(first.url).port, '--data', data], env)
    try {
      assert.equal(await redisConnectionError(redisUrl), 'connected')
      assert.equal((await providerClient(again.url, manifest).deprovision(uuid)).status, 204)
      assert.equal(await redisConnectionError(redisUrl), 'ECONNREFUSED')
    } finally {
      assert.equal(await again.stop(), 0)
    }
  })
})

describe('platform:start --builtins', () => {
  const root = mkdtempSync(join(tmpdir(), 'addonkit-builtins-none-'))
  const env = cleanEnv({ADDONKIT_DATA_DIR: root})
  after(() => {
    killAll()
    rmSync(root, {recursive: true, force: true})
  })

  test('none: no built-in service is offered or mounted', async () => {
    const platform = await startPlatformProcess(['--data', root, '--builtins', 'none'], env)
    try {
      const services = await runCli(['addons:services', '--json'], {url: platform.url})
      assert.equal(services.exitCode, 0, services.stderr)
      assert.deepEqual(JSON.parse(services.stdout), [])
      assert.equal((await runCli(['apps:create', 'example-app'], {url: platform.url})).exitCode, 0)
      const created = await runCli(['addons:create', 'kv', '--app', 'example-app'], {url: platform.url})
      assert.notEqual(created.exitCode, 0)
      assert.equal(created.stderr, 'Error: Couldn\'t find either the add-on service or the add-on plan of "kv".\n')
      const provider = await fetch(`${platform.url}/providers/kv/heroku/resources`, {method: 'POST', headers: {authorization: `Bearer ${TEST_TOKEN}`}})
      assert.equal(provider.status, 404)
      assert.ok(!existsSync(join(root, 'providers')))
    } finally {
      assert.equal(await platform.stop(), 0)
    }
  })

  test('an unknown value, or none with --postgres-admin-url: one-line usage error, exit 2', async () => {
    const unknown = await runCli(['platform:start', '--port', '0', '--data', root, '--builtins', 'some'])
    assert.deepEqual([unknown.exitCode, unknown.stderr], [2, 'Error: Expected --builtins=some to be one of: all, none\n'])
    const pgFlag = await runCli(['platform:start', '--port', '0', '--data', root, '--builtins', 'none', '--postgres-admin-url', 'postgres://x@127.0.0.1/postgres'])
    assert.deepEqual(
      [pgFlag.exitCode, pgFlag.stderr],
      [2, 'Error: --postgres-admin-url is for the built-in postgresql service, which --builtins none leaves out: give it to provider:serve postgresql\n'],
    )
  })
})

function listening(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

async function closedPort(): Promise<number> {
  const server = await listening()
  const {port} = server.address() as {port: number}
  await new Promise((resolve) => server.close(resolve))
  return port
}
