import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {Got} from 'got'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'
import {partnerClient} from './partner.js'

const VALID = 'api:app, api:addon, api:addon-attachment, api:release, api:domain'

describe('webhook subscriptions', () => {
  let provider: TestProvider
  let p: TestPlatform
  let partner: Got
  let addon: {id: string; name: string}

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    await p.api.post('apps', {json: {name: 'hooked-app'}})
    await p.stranger.post('apps', {json: {name: 'strangers-app'}})
    addon = (await p.api.post<any>('apps/hooked-app/addons', {json: {plan: 'heroku-redis'}})).body
    partner = await partnerClient(p, provider)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('an app webhook is made with a generated secret, shown once in a header and never in a body', async () => {
    const res = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release', 'api:domain'], level: 'notify', url: 'https://example.com/hooks', authorization: 'Bearer abc'}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    assert.match(String(res.headers['heroku-webhook-secret']), /^[0-9a-f]{64}$/)
    const app = (await p.api.get<any>('apps/hooked-app')).body
    assert.deepEqual(Object.keys(res.body).sort(), ['app', 'created_at', 'id', 'include', 'level', 'updated_at', 'url'])
    assert.deepEqual(res.body.app, {id: app.id, name: 'hooked-app'})
    assert.deepEqual(res.body.include, ['api:release', 'api:domain'])

    const info = await p.api.get<any>(`apps/hooked-app/webhooks/${res.body.id}`)
    assert.deepEqual(info.body, res.body)
    assert.equal(info.headers['heroku-webhook-secret'], undefined)
    assert.deepEqual((await p.api.get<any[]>('apps/hooked-app/webhooks')).body, [res.body])
  })

  test('a given secret is kept and not echoed; PATCH changes only what it names', async () => {
    const res = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:app'], level: 'sync', url: 'http://127.0.0.1:9/x', secret: 'my-secret'}})
    assert.equal(res.statusCode, 201)
    assert.equal(res.headers['heroku-webhook-secret'], undefined)
    assert.ok(!JSON.stringify(res.body).includes('my-secret'))
    const patched = await p.api.patch<any>(`apps/hooked-app/webhooks/${res.body.id}`, {json: {level: 'notify', include: ['api:app', 'api:release', 'api:app']}})
    assert.equal(patched.statusCode, 200, JSON.stringify(patched.body))
    assert.equal(patched.body.level, 'notify')
    assert.deepEqual(patched.body.include, ['api:app', 'api:release'])
    assert.equal(patched.body.url, 'http://127.0.0.1:9/x')
    const rotated = await p.api.patch<any>(`apps/hooked-app/webhooks/${res.body.id}`, {json: {secret: null}})
    assert.match(String(rotated.headers['heroku-webhook-secret']), /^[0-9a-f]{64}$/)
    const removed = await p.api.delete<any>(`apps/hooked-app/webhooks/${res.body.id}`)
    assert.equal(removed.statusCode, 200)
    assert.equal((await p.api.get<any>(`apps/hooked-app/webhooks/${res.body.id}`)).statusCode, 404)
  })

  test('bad input is refused with 422 naming what is valid', async () => {
    const unknown = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release', 'api:dyno'], level: 'notify', url: 'https://example.com'}})
    assert.equal(unknown.statusCode, 422)
    assert.equal(unknown.body.id, 'invalid_params')
    assert.equal(unknown.body.message, `Unknown include api:dyno: valid includes are ${VALID}.`)
    const ftp = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release'], level: 'notify', url: 'ftp://example.com/hooks'}})
    assert.equal(ftp.statusCode, 422)
    assert.equal(ftp.body.message, 'url must be an http or https URL, not ftp.')
    const notUrl = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release'], level: 'notify', url: 'example.com/hooks'}})
    assert.equal(notUrl.statusCode, 422)
    const level = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release'], level: 'often', url: 'https://example.com'}})
    assert.equal(level.statusCode, 422)
    assert.match(level.body.message, /^level must be notify .* or sync/)
    const missing = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release']}})
    assert.equal(missing.body.message, 'Missing level, url: a webhook needs include, level and url.')
    const extra = await p.api.post<any>('apps/hooked-app/webhooks', {json: {include: ['api:release'], level: 'notify', url: 'https://example.com', colour: 'red'}})
    assert.equal(extra.statusCode, 422)
    const patch = await p.api.patch<any>(`apps/hooked-app/webhooks/${(await p.api.get<any[]>('apps/hooked-app/webhooks')).body[0].id}`, {json: {include: ['api:build']}})
    assert.equal(patch.statusCode, 422)
    assert.equal(patch.body.message, `Unknown include api:build: valid includes are ${VALID}.`)
  })

  test("another owner's app is refused; an unknown webhook is 404", async () => {
    assert.equal((await p.stranger.get('apps/hooked-app/webhooks')).statusCode, 403)
    assert.equal((await p.stranger.post('apps/hooked-app/webhooks', {json: {include: ['api:app'], level: 'notify', url: 'https://example.com'}})).statusCode, 403)
    const missing = await p.api.get<any>('apps/hooked-app/webhooks/9d2f0000-0000-4000-8000-000000000000')
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.body.resource, 'webhook')
  })

  test("add-on webhooks answer only the add-on's partner token: an account, even the owner's, gets 403", async () => {
    const body = {include: ['api:release', 'api:addon-attachment'], level: 'sync', url: 'https://provider.example.com/hooks'}
    const owner = await p.api.post<any>(`addons/${addon.id}/webhooks`, {json: body})
    assert.equal(owner.statusCode, 403)
    assert.equal(owner.body.id, 'forbidden')
    assert.equal((await p.api.get(`addons/${addon.id}/webhooks`)).statusCode, 403)
    assert.equal((await p.api.get(`addons/${addon.id}/webhook-deliveries`)).statusCode, 403)
    assert.equal((await p.api.get(`addons/${addon.id}/webhook-events`)).statusCode, 403)

    const made = await partner.post<any>(`addons/${addon.id}/webhooks`, {json: body})
    assert.equal(made.statusCode, 201, JSON.stringify(made.body))
    assert.match(String(made.headers['heroku-webhook-secret']), /^[0-9a-f]{64}$/)
    assert.deepEqual(made.body.addon, {id: addon.id, name: addon.name})
    assert.equal('app' in made.body, false)
    assert.deepEqual((await partner.get<any[]>(`addons/${addon.id}/webhooks`)).body, [made.body])
    assert.equal((await partner.get(`addons/${addon.id}/webhooks/${made.body.id}`)).statusCode, 200)

    // the token reaches neither the app's webhooks nor another add-on's
    assert.equal((await partner.get('apps/hooked-app/webhooks')).statusCode, 403)
    const other = (await p.api.post<any>('apps/hooked-app/addons', {json: {plan: 'heroku-redis', name: 'other-redis'}})).body
    assert.equal((await partner.get(`addons/${other.id}/webhooks`)).statusCode, 403)
    // and the app's owner does not see the provider's webhook among the app's
    assert.ok(!(await p.api.get<any[]>('apps/hooked-app/webhooks')).body.some((w) => w.id === made.body.id))
  })

  test('Accept: version=3.webhooks (the heroku CLI) answers as version=3', async () => {
    const res = await p.api.get<any[]>('apps/hooked-app/webhooks', {headers: {accept: 'application/vnd.heroku+json; version=3.webhooks'}})
    assert.equal(res.statusCode, 200)
    assert.ok(Array.isArray(res.body))
  })
})
