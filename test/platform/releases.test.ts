import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import type {Kysely} from 'kysely'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// Releases for people: rollback restores the user-set config vars a release recorded and leaves
// add-ons and their vars alone, as Heroku's "rollback does not affect add-ons".
describe('releases: rollback and the config vars of a release', () => {
  let provider: TestProvider
  let p: TestPlatform
  const platformDb = () => p.platform.services.ctx.store.db as unknown as Kysely<any>

  const setVars = async (app: string, vars: Record<string, string | null>) => {
    const res = await p.api.patch<any>(`apps/${app}/config-vars`, {json: vars})
    assert.equal(res.statusCode, 200, JSON.stringify(res.body))
  }
  const vars = async (app: string) => (await p.api.get<Record<string, string>>(`apps/${app}/config-vars`)).body
  const releases = async (app: string) => (await p.api.get<any[]>(`apps/${app}/releases`)).body
  const rollback = (app: string, release: unknown) => p.api.post<any>(`apps/${app}/releases`, {json: {release}})
  const logLines = async (app: string) => {
    const session = await p.api.post<any>(`apps/${app}/log-sessions`, {json: {lines: 1500}})
    assert.equal(session.statusCode, 201, JSON.stringify(session.body))
    const res = await got(session.body.logplex_url, {headers: {Accept: 'text/event-stream'}})
    return res.body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
  }

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    assert.equal((await p.api.post('apps', {json: {name: 'rel-app'}})).statusCode, 201)
    await setVars('rel-app', {FOO: 'one'}) // v1
    await setVars('rel-app', {BAR: 'two'}) // v2
    const created = await p.api.post<any>('apps/rel-app/addons', {json: {plan: 'heroku-redis:mini', name: 'rel-redis'}}) // v3
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
    await setVars('rel-app', {FOO: 'three'}) // v4
    await setVars('rel-app', {BAR: null}) // v5
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('every release that recorded its config is eligible for rollback, the current one too', async () => {
    const list = await releases('rel-app')
    assert.deepEqual(list.map((r) => [r.version, r.eligible_for_rollback, r.current]), [[1, true, false], [2, true, false], [3, true, false], [4, true, false], [5, true, true]])
  })

  test('the config vars of a release: the user-set vars it recorded (add-on vars are not kept per release)', async () => {
    assert.deepEqual((await p.api.get<any>('apps/rel-app/releases/2/config-vars')).body, {BAR: 'two', FOO: 'one'})
    const v3 = await p.api.get<any>('apps/rel-app/releases/3/config-vars')
    assert.equal(v3.statusCode, 200)
    assert.deepEqual(v3.body, {BAR: 'two', FOO: 'one'})
    const id = (await releases('rel-app'))[4].id
    assert.deepEqual((await p.api.get<any>(`apps/rel-app/releases/${id}/config-vars`)).body, {FOO: 'three'})
  })

  test('rollback makes a new release with the user vars of that version; add-ons and their vars stay', async () => {
    const redisUrl = (await vars('rel-app')).REDIS_URL
    assert.match(redisUrl, /^redis:\/\//)
    const res = await rollback('rel-app', 2)
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    assert.equal(res.body.version, 6)
    assert.equal(res.body.description, 'Rollback to v2')
    assert.equal(res.body.current, true)
    assert.equal(res.body.eligible_for_rollback, true)
    assert.deepEqual(res.body.addon_plan_names, ['heroku-redis:mini'])
    assert.equal(res.body.user.email, 'owner@example.com')
    assert.deepEqual(await vars('rel-app'), {BAR: 'two', FOO: 'one', REDIS_URL: redisUrl})
    const addons = (await p.api.get<any[]>('apps/rel-app/addons')).body
    assert.deepEqual(addons.map((a) => [a.name, a.state]), [['rel-redis', 'provisioned']])
    assert.deepEqual(provider.deletes, [])
    // the new release records what it restored, so it can be rolled back to in turn
    assert.deepEqual((await p.api.get<any>('apps/rel-app/releases/6/config-vars')).body, {BAR: 'two', FOO: 'one'})
    const lines = await logLines('rel-app')
    assert.ok(lines.some((l) => /app\[api\]: Rollback to v2 by owner@example\.com$/.test(l)), lines.join('\n'))
    assert.ok(lines.some((l) => /app\[api\]: Release v6 created by owner@example\.com$/.test(l)), lines.join('\n'))
  })

  test('rollback by release id, as the heroku CLI sends it, and by "vN"', async () => {
    const v5 = (await releases('rel-app')).find((r) => r.version === 5)
    const byId = await rollback('rel-app', v5.id)
    assert.equal(byId.statusCode, 201, JSON.stringify(byId.body))
    assert.equal(byId.body.description, 'Rollback to v5')
    const now = await vars('rel-app')
    assert.deepEqual([Object.keys(now), now.FOO], [['FOO', 'REDIS_URL'], 'three'])
    const byName = await rollback('rel-app', 'v1')
    assert.equal(byName.statusCode, 201, JSON.stringify(byName.body))
    assert.equal(byName.body.description, 'Rollback to v1')
    assert.equal((await vars('rel-app')).FOO, 'one')
  })

  test('rollback to a version before an add-on was attached leaves the add-on attached', async () => {
    const res = await rollback('rel-app', 1)
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    assert.deepEqual(res.body.addon_plan_names, ['heroku-redis:mini'])
    const v1 = (await releases('rel-app')).find((r) => r.version === 1)
    assert.deepEqual(v1.addon_plan_names, [])
    assert.ok((await vars('rel-app')).REDIS_URL)
  })

  test('a recorded user var that an attachment owns now is left to the attachment', async () => {
    assert.equal((await p.api.post('apps', {json: {name: 'taken-app'}})).statusCode, 201)
    await setVars('taken-app', {CACHE_URL: 'mine', KEEP: 'yes'}) // v1
    const attached = await p.api.post<any>('addon-attachments', {json: {addon: 'rel-redis', app: 'taken-app', name: 'CACHE', confirm: 'taken-app'}}) // v2
    assert.equal(attached.statusCode, 201, JSON.stringify(attached.body))
    const owned = (await vars('taken-app')).CACHE_URL
    assert.notEqual(owned, 'mine')
    const res = await rollback('taken-app', 1)
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    assert.deepEqual(await vars('taken-app'), {CACHE_URL: owned, KEEP: 'yes'})
    // and the user var did not come back underneath: detaching leaves no CACHE_URL at all
    const detached = await p.api.delete<any>(`addon-attachments/${attached.body.id}`)
    assert.equal(detached.statusCode, 200, JSON.stringify(detached.body))
    assert.deepEqual(await vars('taken-app'), {KEEP: 'yes'})
  })

  test('a release made before releases kept their config is not eligible, and rolling back to it is refused', async () => {
    assert.equal((await p.api.post('apps', {json: {name: 'old-app'}})).statusCode, 201)
    await setVars('old-app', {OLD: 'value'}) // v1
    await setVars('old-app', {NEW: 'value'}) // v2
    await platformDb().updateTable('releases').set({config: null}).where('version', '=', 1)
      .where('app_id', '=', (await p.api.get<any>('apps/old-app')).body.id).execute()
    const list = await releases('old-app')
    assert.deepEqual(list.map((r) => [r.version, r.eligible_for_rollback]), [[1, false], [2, true]])
    const refused = await rollback('old-app', 1)
    assert.equal(refused.statusCode, 422)
    assert.deepEqual(refused.body, {id: 'invalid_params', message: 'v1 did not record its config vars (it was made before releases kept them), so it cannot be rolled back to or shown.'})
    const config = await p.api.get<any>('apps/old-app/releases/1/config-vars')
    assert.equal(config.statusCode, 422)
    // nothing changed
    assert.equal((await releases('old-app')).length, 2)
    assert.deepEqual(await vars('old-app'), {NEW: 'value', OLD: 'value'})
  })

  test('an unknown release is 404, a body without one is 422, and nothing changes', async () => {
    const before = (await releases('rel-app')).length
    for (const ref of [99, '99', 'v99', '99999999999999999999', '6f1d2c55-3f2e-4b8a-9c1d-0e5b7a3c2d11']) {
      const res = await rollback('rel-app', ref)
      assert.equal(res.statusCode, 404, `${ref}: ${JSON.stringify(res.body)}`)
      assert.deepEqual(res.body, {id: 'not_found', message: "Couldn't find that release.", resource: 'release'})
    }
    assert.equal((await p.api.get('apps/rel-app/releases/99/config-vars')).statusCode, 404)
    assert.equal((await p.api.get('apps/rel-app/releases/v99999999999/config-vars')).statusCode, 404)
    assert.equal((await p.api.get<any>('apps/rel-app/releases/v2')).body.version, 2)
    // another app's release is not this app's
    const other = (await releases('old-app'))[1]
    assert.equal((await rollback('rel-app', other.id)).statusCode, 404)
    const slug = await p.api.post<any>('apps/rel-app/releases', {json: {slug: '01234567-89ab-cdef-0123-456789abcdef'}})
    assert.equal(slug.statusCode, 422)
    assert.match(slug.body.message, /^Pass the release to roll back to/)
    assert.equal((await releases('rel-app')).length, before)
  })

  test("another account's app: 403, and nothing changes", async () => {
    const before = await vars('rel-app')
    const res = await p.stranger.post<any>('apps/rel-app/releases', {json: {release: 2}})
    assert.equal(res.statusCode, 403)
    assert.equal(res.body.id, 'forbidden')
    assert.equal((await p.stranger.get('apps/rel-app/releases/2/config-vars')).statusCode, 403)
    assert.equal((await p.anonymous.post('apps/rel-app/releases', {json: {release: 2}})).statusCode, 401)
    assert.deepEqual(await vars('rel-app'), before)
  })
})
