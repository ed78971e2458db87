import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {LogLine} from '../../../src/wire/logplex.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'
import {readEvents} from './event-reader.js'

// `heroku logs` sessions over HTTP: POST /apps/{app}/log-sessions, then its logplex_url as
// Server-Sent Events, for history, tails, filters, resuming and refusals.
describe('log sessions', {timeout: 60_000}, () => {
  let p: TestPlatform
  let appId: string
  const at = (i: number) => `2026-12-02T10:00:${String(i % 60).padStart(2, '0')}.000000+00:00`
  const line = (i: number, source = 'app', process = 'web.1'): LogLine => ({time: at(i), source, process, message: `line ${i}`})
  const append = (lines: LogLine[]) => p.platform.services.logs.stream.append(appId, lines)
  const session = async (body: Record<string, unknown>, api = p.api, app = 'sessions-app') => {
    const res = await api.post<any>(`apps/${app}/log-sessions`, {json: body})
    return {status: res.statusCode, body: res.body, url: res.body?.logplex_url as string}
  }
  const history = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const {status, url, body: answer} = await session(body)
    assert.equal(status, 201, JSON.stringify(answer))
    const reader = await readEvents(url, headers)
    assert.equal(reader.status, 200)
    await reader.ended
    return reader
  }
  const messages = (lines: string[]) => lines.map((l) => l.replace(/^\S+ /, ''))

  before(async () => {
    p = await startTestPlatform([])
    const app = await p.api.post<any>('apps', {json: {name: 'sessions-app'}})
    assert.equal(app.statusCode, 201)
    appId = app.body.id
    await append(Array.from({length: 30}, (_, i) => line(i + 1)))
  })
  after(() => p?.close())

  test('a session is created with an id, its logplex_url and times', async () => {
    const {status, body} = await session({lines: 5})
    assert.equal(status, 201)
    assert.deepEqual(Object.keys(body).sort(), ['created_at', 'id', 'logplex_url', 'updated_at'])
    assert.equal(body.logplex_url, `${p.url}/log-stream/${body.id}`)
  })

  test('the history is the newest lines, oldest first, numbered, and the stream ends', async () => {
    const reader = await history({lines: 10})
    assert.deepEqual(messages(reader.lines()), Array.from({length: 10}, (_, i) => `app[web.1]: line ${i + 21}`))
    assert.equal(reader.lines()[0], `${at(21)} app[web.1]: line 21`)
    const ids = reader.events.map((e) => Number(e.id))
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b))
    assert.equal(new Set(ids).size, 10)
  })

  test('more than 1,500 lines, or a negative number, is refused with 422', async () => {
    for (const lines of [1501, -1]) {
      const {status, body} = await session({lines})
      assert.equal(status, 422, JSON.stringify(body))
      assert.equal(body.id, 'invalid_params')
    }
  })

  test('a tail gets the history, then new lines as they are written', async () => {
    const {url} = await session({lines: 2, tail: true})
    const reader = await readEvents(url)
    try {
      await reader.until((lines) => lines.length === 2, 'the history')
      await append([line(31), line(32)])
      await reader.until((lines) => lines.length === 4, 'the new lines')
      assert.deepEqual(messages(reader.lines()), ['app[web.1]: line 29', 'app[web.1]: line 30', 'app[web.1]: line 31', 'app[web.1]: line 32'])
    } finally {
      reader.close()
    }
  })

  test('source and dyno filters: a process type matches all its processes, a process only itself', async () => {
    await append([line(40, 'app', 'web.2'), line(41, 'app', 'worker.1'), line(42, 'heroku', 'web.1'), line(43, 'important-loggy', 'web.1'), line(44, 'app', 'webhook.1')])
    const dynos = (lines: string[]) => lines.map((l) => /^\S+ (\S+):/.exec(l)![1])
    assert.deepEqual(dynos((await history({lines: 4, source: 'app', dyno: 'web'})).lines()), ['app[web.1]', 'app[web.1]', 'app[web.1]', 'app[web.2]'])
    assert.deepEqual(dynos((await history({lines: 3, dyno: 'web.1'})).lines()), ['app[web.1]', 'heroku[web.1]', 'important-loggy[web.1]'])
    assert.deepEqual(dynos((await history({lines: 10, source: 'heroku'})).lines()), ['heroku[web.1]'])
    assert.deepEqual(dynos((await history({lines: 10, dyno: 'worker'})).lines()), ['app[worker.1]'])
    // the schema's names for the same filter
    assert.deepEqual(dynos((await history({lines: 10, dyno_name: 'web.2'})).lines()), ['app[web.2]'])
    assert.deepEqual(dynos((await history({lines: 10, type: 'webhook'})).lines()), ['app[webhook.1]'])
  })

  test('a tail with a filter shows only the new lines that match', async () => {
    const {url} = await session({lines: 1, tail: true, dyno: 'worker'})
    const reader = await readEvents(url)
    try {
      await reader.until((lines) => lines.length === 1, 'the history')
      await append([line(50, 'app', 'web.1'), line(51, 'app', 'worker.2')])
      await reader.until((lines) => lines.length === 2, 'the worker line')
      assert.deepEqual(messages(reader.lines()), ['app[worker.1]: line 41', 'app[worker.2]: line 51'])
    } finally {
      reader.close()
    }
  })

  test('Last-Event-ID resumes after that line, with no line repeated', async () => {
    const first = await history({lines: 6})
    const seen = first.events[2]
    const resumed = await history({lines: 6}, {'Last-Event-ID': seen.id!})
    assert.deepEqual(resumed.lines(), first.lines().slice(3))
    // a tail resumed the same way, then a new line
    const {url} = await session({lines: 6, tail: true})
    const tail = await readEvents(url, {'Last-Event-ID': first.events.at(-1)!.id!})
    try {
      await append([line(60)])
      await tail.until((lines) => lines.length > 0, 'the new line')
      assert.deepEqual(messages(tail.lines()), ['app[web.1]: line 60'])
    } finally {
      tail.close()
    }
  })

  test('a message with line breaks arrives whole: one event, a data line per part', async () => {
    await append([{...line(70), message: 'one\ntwo\r\nthree\rfour'}])
    const reader = await history({lines: 1})
    assert.deepEqual(reader.lines(), [`${at(70)} app[web.1]: one\ntwo\nthree\nfour`])
  })

  test('a session URL opened after its time is up answers 403; an unknown one 404', async () => {
    const {body, url} = await session({lines: 1})
    await p.platform.services.ctx.store.db.updateTable('log_sessions').set({expires_at: new Date(Date.now() - 1000).toISOString()}).where('id', '=', body.id).execute()
    const expired = await readEvents(url)
    assert.equal(expired.status, 403)
    expired.close()
    const unknown = await readEvents(`${p.url}/log-stream/00000000-0000-4000-8000-000000000000`)
    assert.equal(unknown.status, 404)
    unknown.close()
  })

  test("another account's app is refused with 403; a missing app is 404", async () => {
    const stranger = await session({lines: 1}, p.stranger)
    assert.equal(stranger.status, 403, JSON.stringify(stranger.body))
    assert.equal(stranger.body.id, 'forbidden')
    const missing = await session({lines: 1}, p.api, 'no-such-app')
    assert.equal(missing.status, 404)
  })

  test('without credentials no session is made', async () => {
    assert.equal((await session({lines: 1}, p.anonymous)).status, 401)
  })

  test('without `lines` the history is the newest 100; 1,500 gives every kept line', async () => {
    await append(Array.from({length: 150}, (_, i) => line(100 + i, 'app', 'run.1')))
    const lines = (await history({})).lines()
    assert.equal(lines.length, 100)
    assert.equal(lines.at(-1), `${at(249)} app[run.1]: line 249`)
    const all = await p.platform.services.logs.stream.lastSeq(appId)
    assert.equal((await history({lines: 1500})).lines().length, all)
  })
})
