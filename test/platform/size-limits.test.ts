import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {runCli} from '../helpers/cli.js'
import {client, eventually, startTestPlatform, type TestPlatform} from './helpers.js'
import {SIZED_PASSWORD, startSizedProvider, type SizedProvider} from './sized-provider.js'

const KB = 1024
const MB = 1024 * KB
// runCli's API client always sends this key
const CLI_KEY = 'test-token'

const bytesOf = (config: Record<string, string>) => Object.entries(config).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0)

// What a user sees of a refusal: one `Error: …` line last, no stack trace, non-zero exit.
function assertOneLineError(run: {stderr: string; exitCode: number}, message: RegExp): void {
  assert.notEqual(run.exitCode, 0)
  const lines = run.stderr.trimEnd().split('\n')
  assert.match(lines.at(-1)!, /^Error: /)
  assert.match(lines.at(-1)!, message)
  assert.equal(lines.filter((line) => line.startsWith('Error')).length, 1, run.stderr)
  assert.ok(!/^\s+at /m.test(run.stderr), run.stderr)
}

// Request bodies over 1 MB and app config over 32 KB (names and values, add-on vars included, as on
// Heroku) are refused with one clear line, and nothing is written.
describe('size limits', () => {
  let provider: SizedProvider
  let p: TestPlatform
  const api = () => client(p.url, CLI_KEY)
  const cli = (argv: string[]) => runCli(argv, {url: p.url})
  const state = async (app: string) => ({
    addons: (await api().get<any[]>(`apps/${app}/addons`)).body.map((a) => a.name),
    attachments: (await api().get<any[]>(`apps/${app}/addon-attachments`)).body.map((a) => a.name),
    config: (await api().get<Record<string, string>>(`apps/${app}/config-vars`)).body,
    releases: (await api().get<any[]>(`apps/${app}/releases`)).body.length,
  })
  const create = async (app: string, config: Record<string, string>) => {
    provider.config = config
    const res = await api().post<any>(`apps/${app}/addons`, {json: {plan: 'sizable'}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    return res.body as {id: string; name: string}
  }
  // the provider's side: its grant exchanged for a partner token
  const partnerToken = async () => {
    const {code} = provider.provisions.at(-1)!.oauth_grant
    const res = await client(p.url).post<any>('oauth/token', {json: {grant_type: 'authorization_code', code, client_secret: SIZED_PASSWORD}})
    assert.equal(res.statusCode, 200, JSON.stringify(res.body))
    return client(p.url, res.body.access_token as string)
  }

  before(async () => {
    provider = await startSizedProvider()
    p = await startTestPlatform([provider.manifest], {accounts: [{email: 'developer@example.com', apiKey: CLI_KEY}]})
    for (const app of ['body-app', 'fill-app', 'exact-app', 'provision-app', 'attach-app', 'partner-app']) assert.equal((await cli(['apps:create', app])).exitCode, 0)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('a body over 1 MB answers 413 naming the limit; config:set shows it on one line and changes nothing', async () => {
    const raw = await api().patch<any>('apps/body-app/config-vars', {json: {BIG: 'x'.repeat(3 * MB)}})
    assert.equal(raw.statusCode, 413)
    assert.deepEqual(raw.body, {id: 'payload_too_large', message: 'The request body is larger than the 1 MB (1048576 bytes) the platform accepts.'})

    const before = await state('body-app')
    const run = await cli(['config:set', `BIG=${'x'.repeat(3 * MB)}`, '-a', 'body-app'])
    assertOneLineError(run, /^Error: The request body is larger than the 1 MB \(1048576 bytes\) the platform accepts\.$/)
    assert.deepEqual(await state('body-app'), before)
  })

  test('config vars fill up to exactly 32 KB, add-on vars included; one byte more is refused on one line and nothing changes', async () => {
    // multi-byte values: the limit counts bytes, as Heroku does
    await create('fill-app', {SIZABLE_URL: 'sized://é-host', SIZABLE: 'ü', EXTRA: 'plain'})
    const used = bytesOf((await state('fill-app')).config)
    assert.equal((await cli(['config:set', `FILL=${'x'.repeat(32 * KB - used - 'FILL'.length)}`, '-a', 'fill-app'])).exitCode, 0)
    assert.equal(bytesOf((await state('fill-app')).config), 32 * KB)

    const before = await state('fill-app')
    const run = await cli(['config:set', 'Y=z', '-a', 'fill-app'])
    assertOneLineError(run, /^Error: Config vars of fill-app would take 32770 bytes: an app's config vars \(names and values\) are limited to 32 KB \(32768 bytes\) in all\.$/)
    assert.deepEqual(await state('fill-app'), before)

    // one change that removes and sets is judged on its result; removing alone always works
    assert.equal((await cli(['config:set', 'FILL=short', '-a', 'fill-app'])).exitCode, 0)
    assert.equal((await cli(['config:unset', 'FILL', '-a', 'fill-app'])).exitCode, 0)
  })

  test('a create that brings the app to exactly 32 KB is kept; one byte more is refused and nothing changes', async () => {
    // the add-on's var will be SIZABLE_URL (21 bytes with a two-byte é); multi-byte user values too
    const fill = 'ü'.repeat(1000)
    assert.equal((await cli(['config:set', `FILL=${fill}${'x'.repeat(32 * KB - 21 - 'FILL'.length - Buffer.byteLength(fill))}`, '-a', 'exact-app'])).exitCode, 0)
    const before = await state('exact-app')
    provider.config = {SIZABLE_URL: 'sized://éa'}
    const refused = await api().post<any>('apps/exact-app/addons', {json: {plan: 'sizable'}})
    assert.equal(refused.statusCode, 422)
    assert.equal(refused.body.message, "Config vars of exact-app would take 32769 bytes: an app's config vars (names and values) are limited to 32 KB (32768 bytes) in all.")
    assert.deepEqual(await state('exact-app'), before)

    await create('exact-app', {SIZABLE_URL: 'sized://é'})
    const after = await state('exact-app')
    assert.equal(after.config.SIZABLE_URL, 'sized://é')
    assert.equal(bytesOf(after.config), 32 * KB)
    assert.equal(after.releases, before.releases + 1)
  })

  test('a 900 KB value (under the body limit) is refused with 422', async () => {
    const before = await state('body-app')
    const res = await api().patch<any>('apps/body-app/config-vars', {json: {HUGE: 'x'.repeat(900 * KB)}})
    assert.equal(res.statusCode, 422)
    assert.equal(res.body.id, 'invalid_params')
    assert.match(res.body.message, /limited to 32 KB \(32768 bytes\)/)
    assert.deepEqual(await state('body-app'), before)
  })

  test('a provider config over the limit fails the create: no add-on, no vars, and the provider gets a DELETE', async () => {
    const before = await state('provision-app')
    provider.config = {SIZABLE_URL: `sized://${'x'.repeat(40 * KB)}`}
    const run = await cli(['addons:create', 'sizable', '-a', 'provision-app'])
    assertOneLineError(run, /limited to 32 KB \(32768 bytes\) in all\.$/)
    assert.deepEqual(await state('provision-app'), before)
    const uuid = provider.provisions.at(-1)!.uuid
    assert.equal((await api().get<any[]>('addons')).body.filter((a) => a.id === uuid).length, 0)
    await eventually(() => provider.deletes.includes(uuid), `DELETE ${uuid}`)
  })

  test('an attachment that would pass the limit is refused, nothing written', async () => {
    const addon = await create('attach-app', {SIZABLE_URL: `sized://${'x'.repeat(20 * KB)}`})
    const before = await state('attach-app')
    const run = await cli(['addons:attach', addon.name, '-a', 'attach-app', '--as', 'SECOND'])
    assertOneLineError(run, /^Error: Config vars of attach-app would take \d+ bytes: .*limited to 32 KB/)
    assert.deepEqual(await state('attach-app'), before)
  })

  test('the provider cannot pass the limit either: a config update or actions/provision gets 422, nothing changes', async () => {
    const addon = await create('partner-app', {SIZABLE_URL: 'sized://small'})
    const partner = await partnerToken()
    const before = await state('partner-app')
    const patched = await partner.patch<any>(`addons/${addon.id}/config`, {json: {config: [{name: 'EXTRA', value: 'x'.repeat(40 * KB)}]}})
    assert.equal(patched.statusCode, 422)
    assert.match(patched.body.message, /^Config vars of partner-app would take \d+ bytes: .*32 KB/)
    assert.deepEqual(await state('partner-app'), before)
    assert.deepEqual((await partner.get<any>(`addons/${addon.id}/config`)).body, [{name: 'SIZABLE_URL', value: 'sized://small'}])

    // asynchronous: staged config is not the app's yet; making it so is what gets refused
    provider.async = true
    const pending = await create('partner-app', {})
    provider.async = false
    const asyncPartner = await partnerToken()
    const staged = await asyncPartner.patch<any>(`addons/${pending.id}/config`, {json: {config: [{name: 'SIZABLE_URL', value: 'x'.repeat(40 * KB)}]}})
    assert.equal(staged.statusCode, 200)
    const beforeProvision = await state('partner-app')
    const provisioned = await asyncPartner.post<any>(`addons/${pending.id}/actions/provision`)
    assert.equal(provisioned.statusCode, 422)
    assert.match(provisioned.body.message, /limited to 32 KB/)
    assert.deepEqual(await state('partner-app'), beforeProvision)
    assert.equal((await api().get<any>(`addons/${pending.id}`)).body.state, 'provisioning')
  })
})
