import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import Fastify from 'fastify'
import {MemoryResourceStore, providerKit, type ProviderManifest} from '../../../src/providers/kit/index.js'
import {PlatformCallback} from '../../../src/providers/kit/platform-callback.js'
import {type RunningPlatform, startPlatform} from '../../../src/platform/start.js'
import {checkLines, failed} from '../../commands/provider/checks-output.js'
import {runCli} from '../../helpers/cli.js'
import {platformJson} from '../../helpers/platform-fetch.js'
import {providerClient, provisionBody} from '../provider-client.js'

// A provider built with the kit that answers 202 and finishes later, against the real local platform:
// the kit exchanges the grant, sets the config and marks the add-on provisioned (or failed).

const KEY = 'async-kit-key-0123456789abcdef'
const manifest: ProviderManifest = {
  id: 'slowdb',
  name: 'Slow DB',
  api: {config_vars: ['SLOWDB_URL'], password: 'slowdb-password', regions: ['*'], production: {base_url: 'http://127.0.0.1/heroku/resources'}},
  plans: [{name: 'basic', price: {cents: 0, unit: 'month'}, default: true}],
}

describe('asynchronous provisioning with the provider kit', () => {
  const provider = Fastify()
  let platform: RunningPlatform
  let providerUrl: string
  let dataDir: string
  const deprovisioned: string[] = []
  const store = new MemoryResourceStore()
  // each provision waits for the test to release it
  const releases = new Map<string, (outcome: 'ok' | 'fail') => void>()

  const api = <T>(method: string, path: string, body?: unknown) => platformJson<T>(platform.url, KEY, method, path, body)
  const waitFor = async (what: string, ready: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await ready()) return
      await sleep(25)
    }
    assert.fail(`timed out waiting for ${what}`)
  }

  before(async () => {
    await provider.register(
      providerKit({
        manifest,
        store,
        async provision(request) {
          return {
            message: 'building your database',
            later: async () => {
              const outcome = await new Promise<'ok' | 'fail'>((resolve) => releases.set(request.name ?? request.uuid, resolve))
              if (outcome === 'fail') throw new Error('the disk is full')
              return {config: {SLOWDB_URL: `postgres://slowdb.example.com/${request.uuid}`}}
            },
          }
        },
        async planChange() {
          return {}
        },
        async deprovision(resource) {
          deprovisioned.push(resource.id)
        },
      }),
    )
    providerUrl = await provider.listen({host: '127.0.0.1', port: 0})
    dataDir = mkdtempSync(join(tmpdir(), 'addonkit-async-kit-'))
    platform = await startPlatform({
      port: 0,
      dataDir,
      accounts: [{email: 'dev@example.com', apiKey: KEY}],
      manifests: [{...manifest, api: {...manifest.api, test: {base_url: `${providerUrl}/heroku/resources`}}}],
      builtinProviders: false,
      writeState: false,
      log: () => {},
    })
    await api('POST', '/apps', {name: 'slow-app'})
  })
  after(async () => {
    await platform?.close()
    await provider.close()
    if (dataDir) rmSync(dataDir, {recursive: true, force: true})
  })

  test('202 at once; the config and the provisioned state reach the platform when the resource is built', async () => {
    const created = await api<{state: string; id: string}>('POST', '/apps/slow-app/addons', {plan: 'slowdb', name: 'slow-one'})
    assert.equal(created.status, 201)
    assert.equal(created.body.state, 'provisioning')
    assert.deepEqual((await api('GET', '/apps/slow-app/config-vars')).body, {})

    await waitFor('the provision to start building', async () => releases.has('slow-one'))
    // the grant (valid for minutes) is spent while the build (maybe hours) is still running
    const {db} = platform.services.ctx.store
    await waitFor('the grant exchange', async () => (await db.selectFrom('partner_tokens').select('token_hash').where('addon_id', '=', created.body.id).execute()).length === 1)
    assert.deepEqual(await db.selectFrom('oauth_grants').select('code_hash').where('addon_id', '=', created.body.id).execute(), [])
    releases.get('slow-one')!('ok')
    await waitFor('the add-on to be provisioned', async () => (await api<{state: string}>('GET', '/apps/slow-app/addons/slow-one')).body.state === 'provisioned')
    assert.deepEqual((await api('GET', '/apps/slow-app/config-vars')).body, {SLOWDB_URL: `postgres://slowdb.example.com/${created.body.id}`})
  })

  test('a token about to expire is refreshed before the config is set', async () => {
    const {db} = platform.services.ctx.store
    const addon = (await api<{id: string}>('GET', '/apps/slow-app/addons/slow-one')).body
    const grant = await platform.services.partnerAuth.createGrant(db, addon.id)
    let clock = Date.now()
    const callback = new PlatformCallback(`${platform.url}/addons/${addon.id}`, grant, manifest.api.password, () => clock)
    await callback.exchange()
    const tokens = async () => (await db.selectFrom('partner_tokens').select('token_hash').where('addon_id', '=', addon.id).execute()).map((row) => row.token_hash)
    const before = await tokens()
    clock += 9 * 60 * 60 * 1000
    await callback.provisioned({SLOWDB_URL: 'postgres://slowdb.example.com/rotated'})
    const after = await tokens()
    assert.equal(after.length, before.length)
    assert.notDeepEqual(after.sort(), before.sort(), 'a refreshed token replaced the old one')
    assert.equal(((await api<Record<string, string>>('GET', '/apps/slow-app/config-vars')).body).SLOWDB_URL, 'postgres://slowdb.example.com/rotated')
  })

  test('a build that fails is cleaned up on the provider and the add-on leaves the platform', async () => {
    const created = await api<{id: string}>('POST', '/apps/slow-app/addons', {plan: 'slowdb', name: 'slow-two'})
    await waitFor('the provision to start building', async () => releases.has('slow-two'))
    releases.get('slow-two')!('fail')
    await waitFor('the add-on to be gone', async () => (await api('GET', '/apps/slow-app/addons/slow-two')).status === 404)
    assert.ok(deprovisioned.includes(created.body.id))
  })

  test('an add-on destroyed while its resource is being built is not revived when the build ends', async () => {
    const created = await api<{id: string}>('POST', '/apps/slow-app/addons', {plan: 'slowdb', name: 'slow-gone'})
    await waitFor('the provision to start building', async () => releases.has('slow-gone'))
    assert.equal((await api('DELETE', '/apps/slow-app/addons/slow-gone')).status, 200)
    assert.ok(deprovisioned.includes(created.body.id))
    releases.get('slow-gone')!('ok')
    await sleep(100)
    assert.equal(await store.get(created.body.id), undefined)
    assert.equal((await api('GET', '/apps/slow-app/addons/slow-gone')).status, 404)
    assert.ok(!JSON.stringify((await api('GET', '/apps/slow-app/config-vars')).body).includes(created.body.id), 'no config from the destroyed add-on')
  })

  test('a repeated request while building gets the same 202; without a grant to report back with, the kit waits', async () => {
    const direct = providerClient(providerUrl, manifest)
    const grant = {code: 'never-exchanged', type: 'authorization_code'}
    const body = provisionBody({name: 'slow-three', plan: 'basic', oauth_grant: grant})
    const first = await direct.provision(body)
    assert.deepEqual(first, {status: 202, body: {id: body.uuid, message: 'building your database'}})
    assert.deepEqual(await direct.provision(body), first)
    await direct.deprovision(String(body.uuid))
    releases.get('slow-three')!('ok')

    const sync = provisionBody({name: 'slow-four', plan: 'basic'})
    const answer = direct.provision(sync)
    await waitFor('the provision to start building', async () => releases.has('slow-four'))
    releases.get('slow-four')!('ok')
    assert.deepEqual(await answer, {status: 200, body: {id: sync.uuid, config: {SLOWDB_URL: `postgres://slowdb.example.com/${sync.uuid}`}, message: 'building your database'}})
  })
})

describe('provider:test against an asynchronous provider built with the kit', () => {
  const provider = Fastify()
  let dir: string
  after(async () => {
    await provider.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  test('the kit and the checker speak the same partner API: every check passes', async () => {
    const slow: ProviderManifest = {...manifest, api: {...manifest.api, config_vars_prefix: 'SLOWDB'}}
    await provider.register(
      providerKit({
        manifest: slow,
        async provision(request) {
          return {message: 'building', later: async () => ({config: {SLOWDB_URL: `postgres://slowdb.example.com/${request.uuid}`}})}
        },
        async planChange() {
          return {}
        },
        async deprovision() {},
      }),
    )
    const url = await provider.listen({host: '127.0.0.1', port: 0})
    dir = mkdtempSync(join(tmpdir(), 'addonkit-async-check-'))
    const file = join(dir, 'addon-manifest.json')
    writeFileSync(file, JSON.stringify({...slow, api: {...slow.api, production: {base_url: 'https://slowdb.example.com/heroku/resources'}, test: {base_url: `${url}/heroku/resources`}}}))
    const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', file, '--async-timeout', '10'])
    assert.equal(exitCode, 0, stdout)
    assert.deepEqual(failed(checkLines(stdout)), [])
    assert.ok(checkLines(stdout).some((line) => line.name === 'async: provisioning ends with actions/provision' && line.ok))
  })
})

