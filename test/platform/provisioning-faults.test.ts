import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type ProvisionBehaviour, type TestProvider} from '../fixtures/providers/test-provider.js'
import {eventually, startTestPlatform, type TestPlatform} from './helpers.js'

// Every failed create leaves no add-on, attachment, var or release behind, and a provider that may
// have created something gets a DELETE.
describe('provisioning faults', () => {
  let provider: TestProvider
  let p: TestPlatform

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest], {providerTimeoutMs: 500})
    await p.api.post('apps', {json: {name: 'faulty-app'}})
    await p.api.patch('apps/faulty-app/config-vars', {json: {KEEP: 'me'}})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  const snapshot = async () => ({
    addons: (await p.api.get<any[]>('apps/faulty-app/addons')).body.length,
    attachments: (await p.api.get<any[]>('apps/faulty-app/addon-attachments')).body.length,
    config: (await p.api.get('apps/faulty-app/config-vars')).body,
    releases: (await p.api.get<any[]>('apps/faulty-app/releases')).body.length,
  })

  const cases: Array<[ProvisionBehaviour, number, RegExp | string, boolean]> = [
    ['refuse-422', 422, 'Plan mini is sold out in this region.', false],
    ['unavailable-503', 503, 'Provisioning is paused for maintenance.', true],
    ['error-500', 503, /failed the provision request \(HTTP 500\)/, true],
    ['malformed', 503, /malformed JSON/, true],
    ['undeclared', 503, /OTHER_URL is not in the manifest/, true],
    ['non-string', 503, /value of REDIS_URL is not a string/, true],
    ['slow', 503, /did not answer the provision request within 0.5 s/, true],
  ]
  for (const [behaviour, status, message, deleted] of cases) {
    test(`${behaviour}: the create fails with ${status} and leaves nothing behind`, async () => {
      provider.behaviour = behaviour
      const before = await snapshot()
      const res = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis:mini'}})
      assert.equal(res.statusCode, status)
      if (typeof message === 'string') assert.equal(res.body.message, message)
      else assert.match(res.body.message, message)
      assert.deepEqual(await snapshot(), before)
      const uuid = provider.provisions.at(-1)!.uuid
      if (deleted) await eventually(() => provider.deletes.includes(uuid), `DELETE ${uuid}`)
      else assert.ok(!provider.deletes.includes(uuid))
      assert.equal((await p.api.get<any[]>('addons')).body.filter((a) => a.id === uuid).length, 0)
    })
  }

  test('202 and the provider never calls back: provisioning, no vars, no release; destroy leaves no orphan', async () => {
    provider.behaviour = 'async'
    const before = await snapshot()
    const res = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis:mini'}})
    assert.equal(res.statusCode, 201)
    assert.equal(res.body.state, 'provisioning')
    const after = await snapshot()
    assert.deepEqual({...after, addons: before.addons, attachments: before.attachments}, before)
    assert.equal((await p.api.get<any>(`addons/${res.body.id}`)).body.state, 'provisioning')
    const destroyed = await p.api.delete<any>(`apps/faulty-app/addons/${res.body.id}`)
    assert.equal(destroyed.statusCode, 200)
    assert.ok(provider.deletes.includes(res.body.id))
    assert.ok(!provider.resources.has(res.body.id))
    assert.deepEqual(await snapshot(), before)
    provider.behaviour = 'sync'
  })

  test('a provider that is down: one-line 503, nothing created', async () => {
    const down = await startTestProvider()
    const manifest = {...down.manifest, id: 'down-service', api: {...down.manifest.api, config_vars_prefix: 'DOWN', config_vars: ['DOWN_URL']}}
    await down.close()
    await p.platform.services.catalog.register(manifest)
    const before = await snapshot()
    const res = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'down-service'}})
    assert.equal(res.statusCode, 503)
    assert.match(res.body.message, /could not be reached/)
    assert.deepEqual(await snapshot(), before)
  })

  test('deprovision failures are retried; a persistent failure changes nothing', async () => {
    provider.behaviour = 'sync'
    const created = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis'}})
    assert.equal(created.statusCode, 201)
    provider.failDeletes = 2
    const retried = await p.api.delete<any>(`apps/faulty-app/addons/${created.body.id}`)
    assert.equal(retried.statusCode, 200)
    assert.equal(retried.body.state, 'deprovisioned')

    const again = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis'}})
    const before = await snapshot()
    provider.failDeletes = 10
    const failed = await p.api.delete<any>(`apps/faulty-app/addons/${again.body.id}`)
    assert.equal(failed.statusCode, 503)
    assert.match(failed.body.message, /could not deprovision/)
    assert.deepEqual(await snapshot(), before)
    provider.failDeletes = 0
  })

  test('region and Private Space rules refuse before the provider is called', async () => {
    const calls = provider.provisions.length
    await p.api.post('apps', {json: {name: 'eu-app', region: 'eu'}})
    const tokyo = await p.api.post<any>('spaces', {json: {name: 'tokyo-space', region: 'tokyo'}})
    assert.equal(tokyo.statusCode, 201)
    await p.api.post('apps', {json: {name: 'tokyo-app', space: 'tokyo-space'}})
    const wrongRegion = await p.api.post<any>('apps/tokyo-app/addons', {json: {plan: 'heroku-redis'}})
    assert.equal(wrongRegion.statusCode, 422)
    assert.equal(wrongRegion.body.message, 'heroku-redis is not available in region tokyo (it supports: us, eu, virginia).')
    await p.api.post('spaces', {json: {name: 'va-space', region: 'virginia'}})
    await p.api.post('apps', {json: {name: 'va-app', space: 'va-space'}})
    const privatePlan = await p.api.post<any>('apps/va-app/addons', {json: {plan: 'heroku-redis:premium-0'}})
    assert.equal(privatePlan.statusCode, 422)
    assert.match(privatePlan.body.message, /cannot be installed inside a Private Space/)
    assert.equal(provider.provisions.length, calls)
    provider.behaviour = 'sync'
    const ok = await p.api.post<any>('apps/va-app/addons', {json: {plan: 'heroku-redis:mini'}})
    assert.equal(ok.statusCode, 201)
    assert.equal(provider.provisions.at(-1)!.region, 'amazon-web-services::us-east-1')
    const eu = await p.api.post<any>('apps/eu-app/addons', {json: {plan: 'heroku-redis:mini'}})
    assert.equal(eu.statusCode, 201)
    assert.equal(provider.provisions.at(-1)!.region, 'amazon-web-services::eu-west-1')
  })

  test('bad input gets one-line errors', async () => {
    const noPlan = await p.api.post<any>('apps/faulty-app/addons', {json: {}})
    assert.equal(noPlan.statusCode, 422)
    assert.equal(noPlan.body.id, 'invalid_params')
    assert.equal(noPlan.body.message, "Invalid request body: must have required property 'plan'.")
    const unknown = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis:gold'}})
    assert.equal(unknown.body.message, 'Couldn\'t find either the add-on service or the add-on plan of "heroku-redis:gold".')
    const badAlias = await p.api.post<any>('apps/faulty-app/addons', {json: {plan: 'heroku-redis', attachment: {name: 'broker'}}})
    assert.equal(badAlias.statusCode, 422)
    const badJson = await p.api.post<any>('apps/faulty-app/addons', {body: '{"plan":', headers: {'content-type': 'application/json'}})
    assert.equal(badJson.statusCode, 400)
    assert.equal(badJson.body.message, 'The request body is not valid JSON.')
    const badVar = await p.api.patch<any>('apps/faulty-app/config-vars', {json: {X: 5}})
    assert.equal(badVar.statusCode, 422)
  })
})
