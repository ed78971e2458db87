import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestPlatform, type TestPlatform} from '../../helpers.js'

interface Drain {
  id: string
  url: string
  token: string
  addon: unknown
  app: {id: string; name: string} | null
  created_at: string
  updated_at: string
}

// /apps/{app}/log-drains as a user sees it: what can be added, found by id, URL or token, removed.
describe('the log drains API', () => {
  let p: TestPlatform
  let appId: string

  before(async () => {
    p = await startTestPlatform([])
    appId = (await p.api.post<{id: string}>('apps', {json: {name: 'drain-api'}})).body.id
    await p.api.post('apps', {json: {name: 'drain-api-other'}})
    await p.stranger.post('apps', {json: {name: 'stranger-drains'}})
  })
  after(async () => {
    await p?.close()
  })

  const add = (url: string, app = 'drain-api') => p.api.post<Drain & {id: string; message: string}>(`apps/${app}/log-drains`, {json: {url}})

  test('a drain is added with a d.<uuid> token and listed', async () => {
    const added = await add('https://user:secret@logs.example.com/drain?x=1')
    assert.equal(added.statusCode, 201, JSON.stringify(added.body))
    const drain = added.body
    assert.match(drain.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.match(drain.token, /^d\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.deepEqual({...drain, id: undefined, token: undefined, created_at: undefined, updated_at: undefined}, {
      id: undefined, url: 'https://user:secret@logs.example.com/drain?x=1', token: undefined, addon: null, app: {id: appId, name: 'drain-api'}, created_at: undefined, updated_at: undefined,
    })
    assert.equal(drain.created_at, drain.updated_at)
    const list = await p.api.get<Drain[]>('apps/drain-api/log-drains')
    assert.equal(list.statusCode, 200)
    assert.deepEqual(list.body, [drain])
    assert.deepEqual((await p.api.get<Drain[]>(`apps/${appId}/log-drains`)).body, [drain])
  })

  test('every scheme Logplex delivers to is taken; anything else is refused, naming the URL', async () => {
    for (const url of ['http://127.0.0.1:9/drain', 'syslog://logs.example.com:514', 'syslog+tls://logs.example.com:6514']) {
      assert.equal((await add(url)).statusCode, 201, url)
    }
    const refusals: Array<[string, string]> = [
      ['ftp://logs.example.com/drain', 'Url ftp://logs.example.com/drain cannot be a log drain: use an https://, http://, syslog:// or syslog+tls:// URL.'],
      ['logs.example.com', 'Url logs.example.com cannot be a log drain: use an https://, http://, syslog:// or syslog+tls:// URL.'],
      ['https://logs.example.com/a b', 'Url https://logs.example.com/a b cannot be a log drain: use an https://, http://, syslog:// or syslog+tls:// URL.'],
      ['syslog://logs.example.com', 'Url syslog://logs.example.com cannot be a log drain: a syslog drain needs a port (syslog://HOST:PORT).'],
      ['https://[::1/x', 'Url https://[::1/x cannot be a log drain: it is not a valid URL.'],
    ]
    for (const [url, message] of refusals) {
      const refused = await add(url)
      assert.equal(refused.statusCode, 422, url)
      assert.deepEqual(refused.body, {id: 'invalid_params', message})
    }
    assert.equal((await p.api.post('apps/drain-api/log-drains', {json: {}})).statusCode, 422)
  })

  test('the same URL twice on one app: "Url has already been taken"; on another app it is fine', async () => {
    assert.equal((await add('https://twice.example.com/drain')).statusCode, 201)
    const again = await add('https://twice.example.com/drain')
    assert.equal(again.statusCode, 422)
    assert.deepEqual(again.body, {id: 'invalid_params', message: 'Url has already been taken'})
    assert.equal((await add('https://twice.example.com/drain', 'drain-api-other')).statusCode, 201)
  })

  test('found by id, URL (encoded) or token; removed once, by any of them', async () => {
    const drain = (await add('https://found.example.com/drain?a=1&b=2')).body
    for (const ref of [drain.id, encodeURIComponent(drain.url), drain.token]) {
      const found = await p.api.get<Drain>(`apps/drain-api/log-drains/${ref}`)
      assert.equal(found.statusCode, 200, ref)
      assert.deepEqual(found.body, drain)
    }
    const removed = await p.api.delete<Drain>(`apps/drain-api/log-drains/${encodeURIComponent(drain.url)}`)
    assert.equal(removed.statusCode, 200)
    assert.deepEqual(removed.body, drain)
    const gone = await p.api.delete<{id: string; message: string}>(`apps/drain-api/log-drains/${drain.token}`)
    assert.equal(gone.statusCode, 404)
    assert.deepEqual(gone.body, {id: 'not_found', message: "Couldn't find that log drain.", resource: 'log_drain'})
    assert.ok(!(await p.api.get<Drain[]>('apps/drain-api/log-drains')).body.some((d) => d.id === drain.id))
  })

  test('another app\'s drain is not found here; another owner\'s app is forbidden', async () => {
    const theirs = (await add('https://elsewhere.example.com/drain', 'drain-api-other')).body
    assert.equal((await p.api.get(`apps/drain-api/log-drains/${theirs.id}`)).statusCode, 404)
    assert.equal((await p.api.delete(`apps/drain-api/log-drains/${theirs.token}`)).statusCode, 404)
    assert.equal((await p.api.get('apps/stranger-drains/log-drains')).statusCode, 403)
    assert.equal((await p.api.post('apps/stranger-drains/log-drains', {json: {url: 'https://x.example.com/'}})).statusCode, 403)
    assert.equal((await p.api.get('apps/no-such-app/log-drains')).statusCode, 404)
    assert.equal((await p.anonymous.get('apps/drain-api/log-drains')).statusCode, 401)
  })

  test('a long list pages by Range', async () => {
    const all = (await p.api.get<Drain[]>('apps/drain-api/log-drains')).body
    assert.ok(all.length >= 5)
    const first = await p.api.get<Drain[]>('apps/drain-api/log-drains', {headers: {range: 'id ..; max=2'}})
    assert.equal(first.statusCode, 206)
    assert.equal(first.body.length, 2)
    const rest = await p.api.get<Drain[]>('apps/drain-api/log-drains', {headers: {range: String(first.headers['next-range'])}})
    assert.deepEqual([...first.body, ...rest.body].map((d) => d.id).slice(0, 4), [...all].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => d.id).slice(0, 4))
  })

  test('destroying the app removes its drains', async () => {
    const doomed = (await p.api.post<{id: string}>('apps', {json: {name: 'drain-doomed'}})).body
    await add('https://doomed.example.com/drain', 'drain-doomed')
    assert.equal((await p.api.delete('apps/drain-doomed')).statusCode, 200)
    const left = await p.platform.services.ctx.store.db.selectFrom('log_drains').select('id').where('app_id', '=', doomed.id).execute()
    assert.deepEqual(left, [])
  })
})
