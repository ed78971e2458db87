import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// The add-ons overview walkthrough (seed), over HTTP, asserting the state after each step.
describe('add-ons walkthrough', () => {
  let provider: TestProvider
  let p: TestPlatform
  const names: Record<string, string> = {}

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    for (const name of ['example-app', 'example-tasker']) assert.equal((await p.api.post('apps', {json: {name}})).statusCode, 201)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  const config = async (app: string) => (await p.api.get<Record<string, string>>(`apps/${app}/config-vars`)).body
  const latestVersion = async (app: string) => {
    const res = await p.api.get<Array<{version: number}>>(`apps/${app}/releases`, {headers: {range: 'version ..; max=1, order=desc'}})
    return res.body[0]?.version ?? 0
  }
  const attachments = async (app: string) =>
    ((await p.api.get<Array<{name: string; addon: {name: string; app: {name: string}}}>>(`apps/${app}/addon-attachments`)).body)
      .map((a) => `${a.name} ${a.addon.name} ${a.addon.app.name}`).sort()

  test('addons:create heroku-redis gives a generated name, the REDIS alias and REDIS_URL', async () => {
    const before = await latestVersion('example-app')
    const res = await p.api.post<any>('apps/example-app/addons', {
      json: {plan: {name: 'heroku-redis'}},
      headers: {'accept-expansion': 'plan', 'x-heroku-legacy-provider-messages': 'true'},
    })
    assert.equal(res.statusCode, 201)
    assert.match(res.body.name, /^redis-[a-z]+-\d{5}$/)
    assert.equal(res.body.plan.name, 'heroku-redis:mini')
    // `metered` only under version=3.sdk, as Heroku serves it (test/platform/billing/metered-plans.test.ts)
    assert.deepEqual(res.body.plan.price, {cents: 300, contract: false, unit: 'month'})
    assert.equal(res.body.state, 'provisioned')
    assert.deepEqual(res.body.config_vars, ['REDIS_URL'])
    assert.equal(res.body.provision_message, 'Your redis is ready.')
    assert.equal(await latestVersion('example-app'), before + 1)
    const sent = provider.provisions.at(-1)!
    assert.equal(sent.uuid, res.body.id)
    assert.equal(sent.plan, 'mini')
    assert.equal(sent.region, 'amazon-web-services::us-east-1')
    assert.equal(sent.callback_url, `${p.url}/addons/${res.body.id}`)
    assert.equal(sent.oauth_grant.type, 'authorization_code')
    assert.deepEqual(Object.keys(await config('example-app')), ['REDIS_URL'])
    names.first = res.body.name
  })

  test('--name and --as: important-redis as BROKER', async () => {
    const res = await p.api.post<any>('apps/example-app/addons', {json: {plan: 'heroku-redis:mini', name: 'important-redis', attachment: {name: 'BROKER'}}})
    assert.equal(res.statusCode, 201)
    assert.equal(res.body.name, 'important-redis')
    assert.deepEqual(res.body.config_vars, ['BROKER_URL'])
    assert.deepEqual(Object.keys(await config('example-app')), ['BROKER_URL', 'REDIS_URL'])
    const taken = await p.api.post<any>('apps/example-app/addons', {json: {plan: 'heroku-redis', name: 'important-redis'}})
    assert.equal(taken.statusCode, 422)
    assert.equal(taken.body.message, 'Name important-redis is already taken.')
  })

  test('a second alias on the same app: SESSION_STORE shares the value', async () => {
    const before = await latestVersion('example-app')
    const res = await p.api.post<any>('addon-attachments', {json: {addon: {name: 'important-redis'}, app: {name: 'example-app'}, name: 'SESSION_STORE'}})
    assert.equal(res.statusCode, 201)
    assert.equal(res.body.name, 'SESSION_STORE')
    const vars = await config('example-app')
    assert.equal(vars.SESSION_STORE_URL, vars.BROKER_URL)
    assert.equal(await latestVersion('example-app'), before + 1)
  })

  test('sharing with example-tasker as BROKER', async () => {
    const res = await p.api.post<any>('addon-attachments', {json: {addon: 'important-redis', app: 'example-tasker', name: 'BROKER'}})
    assert.equal(res.statusCode, 201)
    assert.equal((await config('example-tasker')).BROKER_URL, (await config('example-app')).BROKER_URL)
    const addons = (await p.api.get<any[]>('apps/example-tasker/addons')).body
    assert.deepEqual(addons.map((a) => `${a.name} ${a.app.name}`), ['important-redis example-app'])
    assert.deepEqual(await attachments('example-tasker'), ['BROKER important-redis example-app'])
  })

  test('more instances: REDIS is taken, so the default falls back to HEROKU_REDIS_ROSE', async () => {
    await p.api.delete(`apps/example-app/addons/${names.first}`, {json: {force: true}})
    const second = await p.api.post<any>('apps/example-app/addons', {json: {plan: 'heroku-redis'}})
    assert.deepEqual(second.body.config_vars, ['REDIS_URL'])
    const third = await p.api.post<any>('apps/example-app/addons', {json: {plan: 'heroku-redis'}})
    assert.equal(third.statusCode, 201)
    assert.deepEqual(third.body.config_vars, ['HEROKU_REDIS_ROSE_URL'])
    names.second = second.body.name
    names.third = third.body.name
  })

  test('replacing the BROKER alias needs confirmation, then swaps its vars', async () => {
    const attempt = await p.api.post<any>('addon-attachments', {json: {addon: names.second, app: 'example-app', name: 'BROKER'}})
    assert.equal(attempt.statusCode, 423)
    assert.equal(attempt.body.id, 'confirmation_required')
    assert.equal(attempt.body.message, `${names.second} will overwrite BROKER_URL on example-app.`)
    const confirmed = await p.api.post<any>('addon-attachments', {json: {addon: names.second, app: 'example-app', name: 'BROKER', confirm: 'example-app'}})
    assert.equal(confirmed.statusCode, 201)
    const vars = await config('example-app')
    assert.equal(vars.BROKER_URL, vars.REDIS_URL)
    assert.notEqual(vars.SESSION_STORE_URL, vars.BROKER_URL)
  })

  test('detach REDIS and destroy the third add-on', async () => {
    const redis = await p.api.get<any>('apps/example-app/addon-attachments/REDIS')
    const detached = await p.api.delete<any>(`addon-attachments/${redis.body.id}`)
    assert.equal(detached.statusCode, 200)
    const destroyed = await p.api.delete<any>(`apps/example-app/addons/${names.third}`, {json: {force: false}, headers: {'accept-expansion': 'plan'}})
    assert.equal(destroyed.statusCode, 200)
    assert.equal(destroyed.body.state, 'deprovisioned')
    assert.equal((await p.api.get(`addons/${names.third}`)).statusCode, 404)
  })

  test('final state matches the walkthrough', async () => {
    const owned = (await p.api.get<any[]>('apps/example-app/addons', {headers: {'accept-expansion': 'addon_service,plan'}})).body
    assert.deepEqual(owned.map((a) => a.name).sort(), ['important-redis', names.second].sort())
    assert.equal(owned[0].addon_service.human_name, 'Heroku Key-Value Store')
    assert.deepEqual(await attachments('example-app'), [`BROKER ${names.second} example-app`, 'SESSION_STORE important-redis example-app'])
    assert.deepEqual(Object.keys(await config('example-app')), ['BROKER_URL', 'SESSION_STORE_URL'])
    assert.deepEqual(await attachments('example-tasker'), ['BROKER important-redis example-app'])
  })

  test('attaching an add-on under the alias it already has there is refused, with nothing changed', async () => {
    const before = await p.api.get<any[]>('apps/example-app/releases')
    const again = await p.api.post<any>('addon-attachments', {json: {addon: 'important-redis', app: 'example-app', name: 'SESSION_STORE', confirm: 'example-app'}})
    assert.equal(again.statusCode, 422)
    assert.equal(again.body.message, 'important-redis is already attached to example-app as SESSION_STORE.')
    assert.equal((await p.api.get<any[]>('apps/example-app/releases')).body.length, before.body.length)
  })

  test('the last attachment on the billing app cannot be detached', async () => {
    const att = await p.api.get<any>('apps/example-app/addon-attachments/SESSION_STORE')
    const res = await p.api.delete<any>(`addon-attachments/${att.body.id}`)
    assert.equal(res.statusCode, 422)
    assert.match(res.body.message, /destroy the add-on instead/)
  })

  test('config vars owned by attachments cannot be overwritten; user vars can be set and unset', async () => {
    const clash = await p.api.patch<any>('apps/example-app/config-vars', {json: {BROKER_URL: 'x', FOO: 'bar'}})
    assert.equal(clash.statusCode, 422)
    assert.equal(clash.body.message, 'Cannot overwrite attachment values BROKER_URL.')
    assert.equal((await config('example-app')).FOO, undefined)
    const set = await p.api.patch<any>('apps/example-app/config-vars', {json: {FOO: 'bar'}})
    assert.equal(set.body.FOO, 'bar')
    assert.ok(set.body.BROKER_URL)
    const unset = await p.api.patch<any>('apps/example-app/config-vars', {json: {FOO: null}})
    assert.equal(unset.body.FOO, undefined)
  })

  test('resolve by app::ALIAS, by config var and by service name', async () => {
    const scoped = await p.api.post<any[]>('actions/addons/resolve', {json: {addon: 'example-app::BROKER', app: null}})
    assert.deepEqual(scoped.body.map((a) => a.name), [names.second])
    const byVar = await p.api.post<any[]>('actions/addons/resolve', {json: {addon: 'SESSION_STORE_URL', app: 'example-app'}})
    assert.deepEqual(byVar.body.map((a) => a.name), ['important-redis'])
    const byService = await p.api.post<any[]>('actions/addons/resolve', {json: {addon: 'heroku-redis', app: 'example-app'}})
    assert.equal(byService.body.length, 2)
    const missing = await p.api.post<any>('actions/addons/resolve', {json: {addon: 'nope', app: 'example-app'}})
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.body.resource, 'add_on')
    const noApp = await p.api.post<any>('actions/addons/resolve', {json: {addon: 'nope', app: 'no-such-app'}})
    assert.equal(noApp.body.resource, 'app')
  })

  test('other accounts cannot see the add-on or attach to their app', async () => {
    assert.equal((await p.stranger.get('addons/important-redis')).statusCode, 404)
    assert.equal((await p.stranger.post('apps', {json: {name: 'stranger-app'}})).statusCode, 201)
    const res = await p.api.post<any>('addon-attachments', {json: {addon: 'important-redis', app: 'stranger-app'}})
    assert.equal(res.statusCode, 403)
    assert.equal(res.body.id, 'forbidden')
    assert.equal((await p.anonymous.get('apps')).statusCode, 401)
  })

  test('plan change: new config, a release, and the provider message; a refusal changes nothing', async () => {
    const before = await config('example-app')
    const res = await p.api.patch<any>('apps/example-app/addons/important-redis', {json: {plan: {name: 'heroku-redis:premium-0'}}, headers: {'x-heroku-legacy-provider-messages': 'true'}})
    assert.equal(res.statusCode, 200)
    assert.equal(res.body.plan.name, 'heroku-redis:premium-0')
    assert.equal(res.body.provision_message, 'Now on premium-0.')
    assert.notEqual((await config('example-app')).SESSION_STORE_URL, before.SESSION_STORE_URL)
    provider.planBehaviour = 'refuse-422'
    const refused = await p.api.patch<any>('apps/example-app/addons/important-redis', {json: {plan: 'heroku-redis:mini'}})
    assert.equal(refused.statusCode, 422)
    assert.equal(refused.body.message, 'Cannot downgrade: too much data.')
    assert.equal((await p.api.get<any>('addons/important-redis')).body.plan.name, 'heroku-redis:premium-0')
    provider.planBehaviour = 'ok'
  })
})
