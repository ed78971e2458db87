import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import {existsSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {ssoToken} from '../../src/providers/kit/sso-token.js'
import {provisionBody} from './provider-client.js'
import {startBuiltins, tempDataDir, type Harness} from './builtin-harness.js'

const dataDir = tempDataDir()
let platform: Harness

before(async () => {
  platform = await startBuiltins(dataDir)
})
after(async () => {
  await platform.close()
  rmSync(dataDir, {recursive: true, force: true})
})

// fetch refuses URLs with credentials, so the token in KV_URL moves into a header, as an app would.
function kv(kvUrl: string) {
  const url = new URL(kvUrl)
  const auth = `Basic ${Buffer.from(`${url.username}:`).toString('base64')}`
  url.username = ''
  return (method: string, key: string, body?: string | Blob, authorization = auth) =>
    fetch(`${url}/${key}`, {method, body, headers: {authorization}})
}

test('the kv manifest is ready for the platform', () => {
  const manifest = platform.manifests.find((m) => m.id === 'kv')!
  assert.equal(manifest.name, 'Key-Value Store')
  assert.equal(manifest.api.config_vars_prefix, 'KV')
  assert.deepEqual(manifest.api.config_vars, ['KV_URL'])
  assert.deepEqual(manifest.api.regions, ['*'])
  assert.deepEqual(manifest.api.production, {base_url: `${platform.url}/providers/kv/heroku/resources`, sso_url: `${platform.url}/providers/kv/sso/login`})
  assert.deepEqual(manifest.api.test, manifest.api.production)
  assert.deepEqual(manifest.plans!.map((p) => [p.name, p.price.cents, Boolean(p.default)]), [['free', 0, true], ['mini', 300, false], ['standard', 1500, false], ['payg', 0, false]])
  const payg = manifest.plans!.find((p) => p.name === 'payg')!
  assert.deepEqual([payg.price.metered, payg.meters], [true, [{name: 'requests', unit: 'request', cents_per_unit: '0.001'}]])
  assert.ok(existsSync(join(dataDir, 'providers', 'kv', 'manifest-secrets.json')))
})

test('provision, write, read back, plan change, deprovision', async () => {
  const api = platform.client('kv')
  const created = await api.provision(provisionBody({plan: 'free'}))
  assert.equal(created.status, 200)
  const kvUrl: string = created.body.config.KV_URL
  assert.match(kvUrl, new RegExp(`^http://[0-9a-f]{48}@127\\.0\\.0\\.1:\\d+/kv/${created.body.id}$`))
  const store = kv(kvUrl)

  assert.equal((await store('PUT', 'greeting', 'hello')).status, 204)
  const read = await store('GET', 'greeting')
  assert.equal(read.status, 200)
  assert.equal(await read.text(), 'hello')
  const token = new URL(kvUrl).username
  assert.equal(await (await store('GET', 'greeting', undefined, `Bearer ${token}`)).text(), 'hello')

  // 1 MB on free: a 1.5 MB value is refused until the plan allows it.
  const big = new Blob([Buffer.alloc(1.5 * 1024 * 1024, 7)])
  const refused = await store('PUT', 'big', big)
  assert.equal(refused.status, 413)
  assert.match((await refused.json()).message, /over this plan's limit of 1048576 bytes \(plan free\)/)
  assert.equal((await api.planChange(created.body.id, 'mini')).status, 200)
  assert.equal((await store('PUT', 'big', big)).status, 204)
  const downgrade = await api.planChange(created.body.id, 'free')
  assert.equal(downgrade.status, 422)
  assert.match(downgrade.body.message, /delete keys first/)

  assert.equal((await api.deprovision(created.body.id)).status, 204)
  assert.equal((await store('GET', 'greeting')).status, 401)
})

test("wrong, missing and other add-ons' tokens get 401", async () => {
  const api = platform.client('kv')
  const mine = kv((await api.provision(provisionBody({plan: 'free'}))).body.config.KV_URL)
  const theirsUrl = (await api.provision(provisionBody({plan: 'free'}))).body.config.KV_URL
  assert.equal((await mine('PUT', 'secret', 'mine')).status, 204)
  const theirToken = new URL(theirsUrl).username
  const stolen = await mine('GET', 'secret', undefined, `Bearer ${theirToken}`)
  assert.equal(stolen.status, 401)
  assert.deepEqual(await stolen.json(), {message: 'wrong or missing kv token: use the credentials in KV_URL'})
  assert.equal((await mine('GET', 'secret', undefined, 'Bearer nope')).status, 401)
  assert.equal((await mine('GET', 'secret', undefined, '')).status, 401)
})

test('data survives a platform restart', async () => {
  const api = platform.client('kv')
  const {KV_URL} = (await api.provision(provisionBody({plan: 'free'}))).body.config
  assert.equal((await kv(KV_URL)('PUT', 'kept', 'across restarts')).status, 204)
  await platform.close()
  platform = await startBuiltins(dataDir)
  // Same data dir, new port: the stored URL names the old port, so rebuild it on the new one.
  const moved = new URL(KV_URL)
  moved.port = new URL(platform.url).port
  assert.equal(await (await kv(moved.toString())('GET', 'kept')).text(), 'across restarts')
})

test('single sign-on opens the kv dashboard with usage', async () => {
  const api = platform.client('kv')
  const manifest = platform.manifests.find((m) => m.id === 'kv')!
  const {id} = (await api.provision(provisionBody({plan: 'free', name: 'acme-kv'}))).body
  const timestamp = String(Math.floor(Date.now() / 1000))
  const ssoUrl = (manifest.api.production as {sso_url: string}).sso_url
  const login = await fetch(ssoUrl, {
    method: 'POST',
    body: new URLSearchParams({resource_id: id, resource_token: ssoToken(id, manifest.api.sso_salt!, timestamp), timestamp}),
    redirect: 'manual',
  })
  assert.equal(login.status, 303)
  const cookie = login.headers.getSetCookie()[0].split(';')[0]
  const page = await (await fetch(new URL(login.headers.get('location')!, platform.url), {headers: {cookie}})).text()
  for (const shown of ['Key-Value Store', 'acme-kv', 'free', '0 B of 1 MB']) assert.ok(page.includes(shown), shown)
})
