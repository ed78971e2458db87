import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// The Platform API conventions every response follows, and the one log line per request.
describe('API conventions and the request log', () => {
  let provider: TestProvider
  let p: TestPlatform
  const lines: string[] = []

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest], {log: (line) => lines.push(line)})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('Request-Id on every response, RateLimit-Remaining on authenticated ones, counting down', async () => {
    const first = await p.api.get('account')
    const second = await p.api.get('account')
    assert.match(String(first.headers['request-id']), /^[0-9a-f-]{36}$/)
    assert.notEqual(first.headers['request-id'], second.headers['request-id'])
    assert.ok(Number(second.headers['ratelimit-remaining']) < Number(first.headers['ratelimit-remaining']))
    const anonymous = await p.anonymous.get('apps')
    assert.equal(anonymous.statusCode, 401)
    assert.match(String(anonymous.headers['request-id']), /^[0-9a-f-]{36}$/)
  })

  test('ETag on answers; If-None-Match still matching gets 304 with no body, a change a new ETag', async () => {
    await p.api.post('apps', {json: {name: 'etag-app'}})
    const first = await p.api.get('apps/etag-app/config-vars')
    const tag = String(first.headers.etag)
    assert.match(tag, /^"[^"]+"$/)
    const unchanged = await p.api.get('apps/etag-app/config-vars', {headers: {'if-none-match': tag}})
    assert.equal(unchanged.statusCode, 304)
    assert.equal(unchanged.body, '')
    await p.api.patch('apps/etag-app/config-vars', {json: {COLOR: 'blue'}})
    const changed = await p.api.get<Record<string, string>>('apps/etag-app/config-vars', {headers: {'if-none-match': tag}})
    assert.equal(changed.statusCode, 200)
    assert.deepEqual(changed.body, {COLOR: 'blue'})
    assert.notEqual(changed.headers.etag, tag)
  })

  test('If-Match: a write goes ahead only while the ETag still matches, else 412 and nothing changes', async () => {
    await p.api.post('apps', {json: {name: 'match-app'}})
    const read = await p.api.get('apps/match-app/config-vars')
    const tag = String(read.headers.etag)
    const before = lines.length
    const first = await p.api.patch<Record<string, string>>('apps/match-app/config-vars', {json: {A: '1'}, headers: {'if-match': tag}})
    assert.equal(first.statusCode, 200)
    const remaining = Number(first.headers['ratelimit-remaining'])
    const stale = await p.api.patch<{id: string; message: string}>('apps/match-app/config-vars', {json: {A: '2'}, headers: {'if-match': tag}})
    assert.equal(stale.statusCode, 412)
    assert.equal(stale.body.id, 'precondition_failed')
    assert.deepEqual((await p.api.get('apps/match-app/config-vars')).body, {A: '1'})
    // the read behind the check is neither logged nor charged: one request, one log line, one token
    assert.equal(Number(stale.headers['ratelimit-remaining']), remaining - 1)
    assert.equal(lines.slice(before).filter((l) => /^(GET|PATCH) \/apps\/match-app\/config-vars /.test(l)).length, 3)
    assert.equal((await p.api.patch('apps/match-app/config-vars', {json: {B: '2'}, headers: {'if-match': `"nope", ${String((await p.api.get('apps/match-app/config-vars')).headers.etag)}`}})).statusCode, 200)
    assert.equal((await p.api.patch('apps/match-app/config-vars', {json: {C: '3'}, headers: {'if-match': '*'}})).statusCode, 200)
    assert.equal((await p.api.delete('apps/no-such-app', {headers: {'if-match': '*'}})).statusCode, 412)
    assert.equal((await p.api.get('apps/match-app')).statusCode, 200)
  })

  test('Last-Modified is the newest updated_at of the resource, or of the resources listed', async () => {
    await p.api.post('apps', {json: {name: 'stamp-app'}})
    const one = await p.api.get<{updated_at: string}>('apps/stamp-app')
    assert.equal(one.headers['last-modified'], new Date(one.body.updated_at).toUTCString())
    const list = await p.api.get<{updated_at: string}[]>('apps')
    const newest = Math.max(...list.body.map((app) => Date.parse(app.updated_at)))
    assert.equal(list.headers['last-modified'], new Date(newest).toUTCString())
    assert.equal((await p.api.get('apps/stamp-app/config-vars')).headers['last-modified'], undefined)
  })

  test('{name} and {id} objects are accepted wherever a name is', async () => {
    const region = (await p.api.get<any[]>('regions')).body.find((r) => r.name === 'eu')
    const app = await p.api.post<any>('apps', {json: {name: 'shape-app', region: {id: region.id}}})
    assert.equal(app.statusCode, 201)
    assert.equal(app.body.region.name, 'eu')
    const other = await p.api.post<any>('apps', {json: {name: 'shape-other', region: {name: 'eu'}}})
    assert.equal(other.body.region.name, 'eu')
    const plan = (await p.api.get<any[]>('addon-services/heroku-redis/plans')).body.find((x) => x.name === 'heroku-redis:mini')
    const addon = await p.api.post<any>('apps/shape-app/addons', {json: {plan: {id: plan.id}}})
    assert.equal(addon.statusCode, 201)
    assert.equal(addon.body.plan.name, 'heroku-redis:mini')
    const attached = await p.api.post<any>('addon-attachments', {json: {addon: {id: addon.body.id}, app: {id: other.body.id}, name: 'CACHE'}})
    assert.equal(attached.statusCode, 201)
    assert.equal(attached.body.app.name, 'shape-other')
    const empty = await p.api.post<any>('addon-attachments', {json: {addon: {}, app: 'shape-other'}})
    assert.equal(empty.statusCode, 422)
    assert.equal(empty.body.id, 'invalid_params')
  })

  test('Accept-Inclusion adds config_vars and addon:plan to attachments only when asked', async () => {
    const plain = (await p.api.get<any[]>('apps/shape-other/addon-attachments')).body
    assert.equal(plain[0].config_vars, undefined)
    assert.equal(plain[0].addon.plan, undefined)
    const included = (await p.api.get<any[]>('apps/shape-other/addon-attachments', {headers: {'accept-inclusion': 'config_vars, addon:plan'}})).body
    assert.deepEqual(included[0].config_vars, ['CACHE_URL'])
    assert.equal(included[0].addon.plan.name, 'heroku-redis:mini')
  })

  test('one log line per request: method, path, status, ms, request id; secrets never logged', async () => {
    const secret = 'postgres://u:s3cr3t-value@db.internal/x'
    lines.length = 0
    const patched = await p.api.patch('apps/shape-app/config-vars', {json: {DATABASE_URL: secret}})
    const requestId = String(patched.headers['request-id'])
    await p.anonymous.get('addons/shape-app/sso-login?id=1&token=t0ps3cret&timestamp=1')
    await p.anonymous.get('addons/shape-app/dashboard?key=d4shb0ardk3y', {followRedirect: false})
    const vars = (await p.api.get<Record<string, string>>('apps/shape-app/config-vars')).body
    const requestLines = lines.filter((l) => /^[A-Z]+ \//.test(l))
    assert.equal(requestLines.length, 4)
    assert.match(requestLines[0], new RegExp(`^PATCH /apps/shape-app/config-vars 200 \\d+\\.\\dms request_id=${requestId}$`))
    assert.match(requestLines[1], /^GET \/addons\/shape-app\/sso-login\?id=1&token=\[redacted\]&timestamp=1 \d{3} /)
    assert.match(requestLines[2], /^GET \/addons\/shape-app\/dashboard\?key=\[redacted\] \d{3} /)
    const logged = lines.join('\n')
    for (const value of [secret, 't0ps3cret', 'd4shb0ardk3y', vars.REDIS_URL, 'owner-key', provider.manifest.api.password]) {
      assert.ok(!logged.includes(value), `the log shows a secret: ${value}`)
    }
  })
})
