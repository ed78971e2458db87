// Issue 11: the built-in services as separate services. Each runs under `provider:serve` in its own
// process; a platform started with `--builtins none --manifest <the file it wrote>` offers it, and the
// seed walkthrough goes through both processes: create an app, add the add-on, list it, read its
// config var, use the resource with its ordinary client, destroy it, and see the provider drop it.
import assert from 'node:assert/strict'
import {readFileSync, rmSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {Redis} from 'ioredis'
import pg from 'pg'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'
import {runCli} from '../helpers/cli.js'
import {destroyEveryAddon, killAll, platformCall, startPlatformProcess, startProvider, type SeparatePlatform, type ServedProvider} from './helpers/processes.js'
import {postgresAdminUrl, postgresDatabaseError, postgresRoleExists, postgresSkipReason, redisConnectionError, redisSkipReason} from './helpers/services.js'
import {addonsListing, configListing, lines} from './helpers/text.js'

const pgSkip = await postgresSkipReason()

interface Walkthrough {
  service: 'kv' | 'redis' | 'postgresql'
  skip: string | false
  alias: string
  plan: string
  price: string
  serveFlags?: string[]
  // proves the resource behind the config var works, with the service's ordinary client
  use(value: string): Promise<void>
  // what the resource looks like once the provider has deprovisioned it
  assertGone(value: string): Promise<void>
}

const kvAuth = (kvUrl: string) => {
  const url = new URL(kvUrl)
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:`).toString('base64')}`
  url.username = ''
  return {base: url.toString().replace(/\/$/, ''), auth}
}

const walkthroughs: Walkthrough[] = [
  {
    service: 'kv',
    skip: false,
    alias: 'KV',
    plan: 'kv:free',
    price: 'free',
    async use(value) {
      const {base, auth} = kvAuth(value)
      const put = await fetch(`${base}/greeting`, {method: 'PUT', headers: {authorization: auth}, body: 'hello'})
      assert.equal(put.status, 204)
      const got = await fetch(`${base}/greeting`, {headers: {authorization: auth}})
      assert.deepEqual({status: got.status, body: await got.text()}, {status: 200, body: 'hello'})
    },
    async assertGone(value) {
      const {base, auth} = kvAuth(value)
      assert.equal((await fetch(`${base}/greeting`, {headers: {authorization: auth}})).status, 401)
    },
  },
  {
    service: 'redis',
    skip: redisSkipReason,
    alias: 'REDIS',
    plan: 'redis:mini',
    price: '$3/month',
    async use(value) {
      const client = new Redis(value, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null})
      try {
        await client.connect()
        assert.equal(await client.ping(), 'PONG')
        await client.set('greeting', 'hello')
        assert.equal(await client.get('greeting'), 'hello')
      } finally {
        client.disconnect()
      }
    },
    async assertGone(value) {
      assert.equal(await redisConnectionError(value), 'ECONNREFUSED')
    },
  },
  {
    service: 'postgresql',
    skip: pgSkip,
    alias: 'DATABASE',
    plan: 'postgresql:mini',
    price: '$5/month',
    serveFlags: ['--postgres-admin-url', postgresAdminUrl],
    async use(value) {
      const client = new pg.Client({connectionString: value})
      await client.connect()
      try {
        assert.deepEqual((await client.query('SELECT 1 AS one')).rows, [{one: 1}])
      } finally {
        await client.end()
      }
    },
    async assertGone(value) {
      const database = new URL(value).pathname.slice(1)
      assert.equal(await postgresDatabaseError(database), `database "${database}" does not exist`)
      assert.equal(await postgresRoleExists(database), false)
    },
  },
]

after(killAll)

for (const w of walkthroughs) {
  describe(`provider:serve ${w.service}, and a platform with --builtins none --manifest`, {skip: w.skip}, () => {
    let dir: string
    let provider: ServedProvider
    let platform: SeparatePlatform
    let name = ''
    let value = ''
    const cli = (argv: string[]) => runCli(argv, {url: platform.url})

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), `addonkit-serve-${w.service}-`))
      provider = await startProvider([w.service, '--port', '0', '--data', join(dir, w.service), '--manifest-out', join(dir, `${w.service}.json`), ...(w.serveFlags ?? [])])
      platform = await startPlatformProcess(['--data', join(dir, 'platform'), '--builtins', 'none', '--manifest', provider.manifestPath])
    })
    after(async () => {
      if (platform) await destroyEveryAddon(platform.url).catch(() => {})
      await platform?.stop()
      await provider?.stop()
      rmSync(dir, {recursive: true, force: true})
    })

    test('the manifest it wrote (0600) points at the provider process; the platform offers that service only', async () => {
      assert.equal(provider.manifestPath, join(dir, `${w.service}.json`))
      const manifest = JSON.parse(readFileSync(provider.manifestPath, 'utf8')) as ProviderManifest
      assert.deepEqual(manifest.api.test, {base_url: `${provider.url}/heroku/resources`, sso_url: `${provider.url}/sso/login`})
      assert.match(manifest.api.password, /^[0-9a-f]{48}$/)
      assert.match(manifest.api.sso_salt ?? '', /^[0-9a-f]{48}$/)
      assert.ok((manifest.plans ?? []).some((plan) => `${w.service}:${plan.name}` === w.plan))
      const services = await platformCall<Array<{name: string}>>(platform.url, 'GET', '/addon-services')
      assert.deepEqual(services.map((s) => s.name), [w.service])
    })

    test('apps:create example-app', async () => {
      const {stderr, exitCode} = await cli(['apps:create', 'example-app'])
      assert.equal(exitCode, 0, stderr)
    })

    test(`addons:create ${w.service}: provisioned by the provider process`, async () => {
      const {stderr, exitCode} = await cli(['addons:create', w.service, '--app', 'example-app'])
      assert.equal(exitCode, 0, stderr)
      name = /^Creating (\S+)\.\.\. /.exec(stderr)?.[1] ?? ''
      assert.equal(
        stderr,
        lines(`Creating ${name}... done, (${w.price})`, `Adding ${name} to example-app... done`, `Setting ${w.alias}_URL and restarting example-app... done, v1`),
      )
    })

    test('addons --app example-app lists it', async () => {
      const {stdout, exitCode} = await cli(['addons', '--app', 'example-app'])
      assert.equal(exitCode, 0)
      assert.equal(stdout, addonsListing('example-app', [[w.plan, name, w.price]], [[w.alias, name, 'example-app']]))
    })

    test(`config has ${w.alias}_URL, and the resource behind it works`, async () => {
      value = (await platformCall<Record<string, string>>(platform.url, 'GET', '/apps/example-app/config-vars'))[`${w.alias}_URL`]
      assert.ok(value)
      const {stdout, exitCode} = await cli(['config', '--app', 'example-app'])
      assert.equal(exitCode, 0)
      assert.equal(stdout, configListing({[`${w.alias}_URL`]: value}))
      // kv's data routes live in the provider process, not on the platform
      if (w.service === 'kv') assert.equal(new URL(value).origin, provider.url)
      await w.use(value)
    })

    test('addons:destroy --confirm: the provider deprovisioned the resource', async () => {
      const {stderr, exitCode} = await cli(['addons:destroy', name, '--confirm', 'example-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(`Destroying ${name} on example-app... done, (${w.price})`, `Removing vars for ${w.alias} from example-app and restarting... done, v2`),
      )
      assert.deepEqual(await platformCall(platform.url, 'GET', '/apps/example-app/config-vars'), {})
      await w.assertGone(value)
    })

    test('SIGTERM stops the provider with exit 0', async () => {
      assert.equal(await provider.stop(), 0)
    })
  })
}
