import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {PASSWORD, startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {client, startTestPlatform, type TestPlatform} from './helpers.js'

describe('async provisioning, partner API, concurrency, ranges', () => {
  let provider: TestProvider
  let p: TestPlatform

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    await p.api.post('apps', {json: {name: 'async-app'}})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('202: provisioning until the provider stages config and calls actions/provision', async () => {
    provider.behaviour = 'async'
    const created = await p.api.post<any>('apps/async-app/addons', {json: {plan: 'heroku-redis'}})
    assert.equal(created.statusCode, 201)
    assert.equal(created.body.state, 'provisioning')
    const sent = provider.provisions.at(-1)!
    const releasesBefore = (await p.api.get<any[]>('apps/async-app/releases')).body.length

    const form = new URLSearchParams({grant_type: 'authorization_code', code: sent.oauth_grant.code, client_secret: PASSWORD})
    const wrongSecret = await got.post(`${p.url}/oauth/token`, {body: new URLSearchParams({grant_type: 'authorization_code', code: sent.oauth_grant.code, client_secret: 'nope'}).toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}, throwHttpErrors: false})
    assert.equal(wrongSecret.statusCode, 401)
    const token = await got.post(`${p.url}/oauth/token`, {body: form.toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}}).json<any>()
    assert.equal(token.token_type, 'Bearer')
    const partner = client(p.url, token.access_token)

    const patched = await partner.patch<any>(`addons/${sent.uuid}/config`, {json: {config: [{name: 'REDIS_URL', value: 'redis://async'}]}})
    assert.equal(patched.statusCode, 200)
    assert.deepEqual(patched.body, [{name: 'REDIS_URL', value: 'redis://async'}])
    assert.deepEqual(await p.api.get('apps/async-app/config-vars').json(), {})
    assert.equal((await p.api.get<any[]>('apps/async-app/releases')).body.length, releasesBefore)

    const undeclared = await partner.patch<any>(`addons/${sent.uuid}/config`, {json: {config: [{name: 'OTHER', value: 'x'}]}})
    assert.equal(undeclared.statusCode, 422)
    assert.equal((await partner.get('apps')).statusCode, 403)
    assert.equal((await partner.get(`addons/${sent.uuid}`)).statusCode, 200)

    const done = await partner.post<any>(`addons/${sent.uuid}/actions/provision`)
    assert.equal(done.statusCode, 201)
    assert.equal(done.body.state, 'provisioned')
    assert.deepEqual(await p.api.get('apps/async-app/config-vars').json(), {REDIS_URL: 'redis://async'})
    assert.equal((await p.api.get<any[]>('apps/async-app/releases')).body.length, releasesBefore + 1)

    const later = await partner.patch<any>(`addons/${sent.uuid}/config`, {json: {config: [{name: 'REDIS_URL', value: 'redis://rotated'}]}})
    assert.equal(later.statusCode, 200)
    assert.deepEqual(await p.api.get('apps/async-app/config-vars').json(), {REDIS_URL: 'redis://rotated'})
    provider.behaviour = 'sync'
  })

  test('50 concurrent attaches of one alias: exactly one winner', async () => {
    // two add-ons race for SHARED: the loser's tries need confirmation (423), the winner's repeats are refused (422)
    const addons = [
      (await p.api.post<any>('apps/async-app/addons', {json: {plan: 'heroku-redis'}})).body,
      (await p.api.post<any>('apps/async-app/addons', {json: {plan: 'heroku-redis'}})).body,
    ]
    const tries = await Promise.all(Array.from({length: 50}, (_, i) =>
      p.api.post<any>('addon-attachments', {json: {addon: addons[i % 2].id, app: 'async-app', name: 'SHARED'}})))
    const statuses = tries.map((t) => t.statusCode)
    assert.equal(statuses.filter((s) => s === 201).length, 1)
    const winner = addons[statuses.indexOf(201) % 2]
    tries.forEach((t, i) => {
      if (t.statusCode === 201) return
      if (addons[i % 2] === winner) assert.deepEqual([t.statusCode, t.body.message], [422, `${winner.name} is already attached to async-app as SHARED.`])
      else assert.deepEqual([t.statusCode, t.body.id], [423, 'confirmation_required'])
    })
    const shared = (await p.api.get<any[]>('apps/async-app/addon-attachments')).body.filter((a) => a.name === 'SHARED')
    assert.equal(shared.length, 1)
    const versions = (await p.api.get<any[]>('apps/async-app/releases')).body.map((r) => r.version)
    assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b))
  })

  test('50 concurrent creates, then 50 concurrent destroys, on one app: no orphan, no half-written config', async () => {
    provider.behaviour = 'sync'
    await p.api.post('apps', {json: {name: 'crowd-app'}})
    await p.api.patch('apps/crowd-app/config-vars', {json: {KEEP: 'me'}})
    const versions = async () => (await p.api.get<any[]>('apps/crowd-app/releases')).body.map((r) => r.version as number)
    const assertConsecutive = (list: number[]) => assert.deepEqual(list, list.map((_, i) => list[0] + i))
    const state = async () => {
      const attachments = (await p.api.get<any[]>('apps/crowd-app/addon-attachments', {headers: {'accept-inclusion': 'config_vars'}})).body
      const config = (await p.api.get<Record<string, string>>('apps/crowd-app/config-vars')).body
      const addons = (await p.api.get<any[]>('apps/crowd-app/addons')).body
      return {attachments, config, addons}
    }
    const start = provider.provisions.length
    const releasesBefore = await versions()

    const created = await Promise.all(Array.from({length: 50}, () => p.api.post<any>('apps/crowd-app/addons', {json: {plan: 'heroku-redis'}})))
    assert.deepEqual(created.map((c) => c.statusCode), Array.from({length: 50}, () => 201))
    const ids = created.map((c) => c.body.id as string).sort()
    assert.deepEqual(provider.provisions.slice(start).map((b) => b.uuid as string).sort(), ids)
    const full = await state()
    assert.deepEqual(full.addons.map((a) => a.id).sort(), ids)
    assert.equal(new Set(full.attachments.map((a) => a.name)).size, 50)
    const owned = full.attachments.flatMap((a) => a.config_vars as string[])
    assert.deepEqual(Object.keys(full.config).sort(), ['KEEP', ...owned].sort())
    for (const a of full.attachments) assert.equal(full.config[`${a.name}_URL`], provider.resources.get(a.addon.id)!.config.REDIS_URL)
    const afterCreates = await versions()
    assertConsecutive(afterCreates)
    assert.equal(afterCreates.length, releasesBefore.length + 50)

    const destroyed = await Promise.all(ids.map((id) => p.api.delete<any>(`apps/crowd-app/addons/${id}`, {json: {force: true}})))
    assert.deepEqual(destroyed.map((d) => d.statusCode), Array.from({length: 50}, () => 200))
    const empty = await state()
    assert.deepEqual(empty, {attachments: [], config: {KEEP: 'me'}, addons: []})
    for (const id of ids) assert.ok(!provider.resources.has(id), `${id} is still provisioned at the provider`)
    const afterDestroys = await versions()
    assertConsecutive(afterDestroys)
    assert.equal(afterDestroys.length, afterCreates.length + 50)
  })

  test('ranges: 206 and Next-Range only while more data exists', async () => {
    for (let i = 0; i < 5; i++) await p.api.patch('apps/async-app/config-vars', {json: {[`V${i}`]: String(i)}})
    const first = await p.api.get<any[]>('apps/async-app/releases', {headers: {range: 'version ..; max=1, order=desc'}})
    assert.equal(first.statusCode, 206)
    const all = (await p.api.get<any[]>('apps/async-app/releases')).body
    assert.equal(first.body[0].version, all.at(-1).version)
    assert.equal(first.headers['next-range'], `version ]${first.body[0].version}..; max=1, order=desc`)
    let range: string | undefined = 'version ..; order=desc,max=3;'
    const seen: number[] = []
    let lastStatus = 0
    while (range) {
      const page: any = await p.api.get<any[]>('apps/async-app/releases', {headers: {range}})
      seen.push(...page.body.map((r: any) => r.version))
      lastStatus = page.statusCode
      range = page.headers['next-range']
    }
    assert.equal(lastStatus, 200)
    assert.deepEqual(seen, all.map((r) => r.version).reverse())
    const whole = await p.api.get<any[]>('apps/async-app/releases', {headers: {range: 'version ..; max=1000'}})
    assert.equal(whole.statusCode, 200)
    assert.equal(whole.headers['next-range'], undefined)
    const bad = await p.api.get<any>('apps/async-app/releases', {headers: {range: 'colour ..'}})
    assert.equal(bad.statusCode, 416)
  })
})
