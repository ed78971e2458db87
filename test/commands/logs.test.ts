import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../helpers/cli.js'

// The log stream is on another host, as on Heroku; the session id is its only credential.
const STREAM = 'https://logs.test.addonkit'
const line = (n: number, source = 'app', proc = 'web.1') => `2026-12-02T10:00:0${n}.000000+00:00 ${source}[${proc}]: line ${n}`
const events = (...ids: number[]) => ids.map((id) => `id: ${id}\ndata: ${line(id)}\n\n`).join('')
const sse = {'Content-Type': 'text/event-stream'}

describe('logs', () => {
  afterEach(() => nock.cleanAll())

  const session = (scope: nock.Scope, body: Record<string, string | number | boolean>, id = 'abc') =>
    scope.post('/apps/example-app/log-sessions', body).reply(201, {id, logplex_url: `${STREAM}/sessions/${id}`, created_at: '2026-12-02T10:00:00Z', updated_at: '2026-12-02T10:00:00Z'})

  it('prints the history as the stream sends it, and asks as heroku logs does', async () => {
    const api = session(nock(API), {lines: 100, tail: false})
    const stream = nock(STREAM, {badheaders: ['authorization']}).get('/sessions/abc').matchHeader('accept', 'text/event-stream').reply(200, events(1, 2, 3), sse)
    const {stdout, stderr, exitCode} = await runCli(['logs', '--app', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stderr, '')
    assert.equal(stdout, `${line(1)}\n${line(2)}\n${line(3)}\n`)
    api.done()
    stream.done()
  })

  it('passes -n, -s and -d on; one event may hold several lines', async () => {
    const api = session(nock(API), {lines: 5, tail: false, source: 'app', dyno: 'web'})
    const stream = nock(STREAM).get('/sessions/abc').reply(200, `id: 9\ndata: ${line(1)}\ndata: ${line(2, 'app', 'web.2')}\n\n`, sse)
    const {stdout, stderr, exitCode} = await runCli(['logs', '-a', 'example-app', '-n', '5', '-s', 'app', '-d', 'web'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, `${line(1)}\n${line(2, 'app', 'web.2')}\n`)
    api.done()
    stream.done()
  })

  it('--json prints one object per line', async () => {
    session(nock(API), {lines: 100, tail: false})
    nock(STREAM).get('/sessions/abc').reply(200, `${events(7)}id: 8\ndata: ${line(8, 'important-redis', 'worker.1')}\n\n`, sse)
    const {stdout, stderr, exitCode} = await runCli(['logs', '-a', 'example-app', '--json'])
    assert.equal(exitCode, 0, stderr)
    assert.deepEqual(stdout.trimEnd().split('\n').map((l) => JSON.parse(l)), [
      {id: '7', time: '2026-12-02T10:00:07.000000+00:00', source: 'app', process: 'web.1', message: 'line 7'},
      {id: '8', time: '2026-12-02T10:00:08.000000+00:00', source: 'important-redis', process: 'worker.1', message: 'line 8'},
    ])
  })

  it('a message that held line breaks stays one line of --json, and prints as it was', async () => {
    const data = `id: 5\ndata: ${line(5)}\ndata: continued\ndata: ${line(6)}\n\n`
    session(nock(API), {lines: 100, tail: false})
    nock(STREAM).get('/sessions/abc').reply(200, data, sse)
    const asJson = await runCli(['logs', '-a', 'example-app', '--json'])
    assert.deepEqual(asJson.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).message), ['line 5\ncontinued', 'line 6'])
    session(nock(API), {lines: 100, tail: false})
    nock(STREAM).get('/sessions/abc').reply(200, data, sse)
    const plain = await runCli(['logs', '-a', 'example-app'])
    assert.equal(plain.stdout, `${line(5)}\ncontinued\n${line(6)}\n`)
  })

  it('without a terminal, or with NO_COLOR, the lines carry no colour codes', async () => {
    for (const deps of [{stdoutIsTTY: false}, {stdoutIsTTY: true, env: {...process.env, NO_COLOR: '1'}}]) {
      session(nock(API), {lines: 100, tail: false})
      nock(STREAM).get('/sessions/abc').reply(200, events(1), sse)
      const {stdout} = await runCli(['logs', '-a', 'example-app'], {deps})
      assert.equal(stdout, `${line(1)}\n`)
    }
  })

  it('-n outside 1 to 1,500 is a usage error and nothing is asked', async () => {
    const expected: Record<string, string> = {
      1501: 'Parsing --num: Expected an integer less than or equal to 1500 but received: 1501',
      0: 'Parsing --num: Expected an integer greater than or equal to 1 but received: 0',
      many: 'Parsing --num: Expected an integer but received: many',
    }
    for (const [n, message] of Object.entries(expected)) {
      const {stdout, stderr, exitCode} = await runCli(['logs', '-a', 'example-app', '-n', n])
      assert.equal(exitCode, 2, n)
      assert.equal(stdout, '')
      assert.equal(stderr, `Error: ${message}\n`)
    }
  })

  it('an unknown app: the API message and exit 3; another account\'s app: exit 4', async () => {
    nock(API).post('/apps/nope/log-sessions').reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const missing = await runCli(['logs', '-a', 'nope'])
    assert.equal(missing.exitCode, 3)
    assert.equal(missing.stderr, "Error: Couldn't find that app.\n")
    nock(API).post('/apps/theirs/log-sessions').reply(403, {id: 'forbidden', message: 'You do not have access to the app theirs.'})
    const theirs = await runCli(['logs', '-a', 'theirs'])
    assert.equal(theirs.exitCode, 4)
    assert.equal(theirs.stderr, 'Error: You do not have access to the app theirs.\n')
  })

  it('a session the stream no longer knows: one line, exit 4', async () => {
    session(nock(API), {lines: 100, tail: true})
    nock(STREAM).get('/sessions/abc').reply(403, {id: 'forbidden', message: 'This log session has expired; start a new one.'})
    const {stdout, stderr, exitCode} = await runCli(['logs', '-a', 'example-app', '--tail'])
    assert.equal(exitCode, 4)
    assert.equal(stdout, '')
    assert.equal(stderr, 'Error: Log stream timed out. Please try again. (This log session has expired; start a new one.)\n')
  })

  it('a tail that is cut off says so, reconnects with a new session after the last line it printed, and says so again', async () => {
    const api = nock(API)
    session(api, {lines: 100, tail: true}, 'first')
    session(api, {lines: 100, tail: true}, 'second')
    // the third attempt finds the user has pressed Ctrl-C: the tail ends with exit 0
    api.post('/apps/example-app/log-sessions').reply(() => {
      process.emit('SIGINT')
      return [503, {id: 'unavailable', message: 'Starting.'}]
    })
    const stream = nock(STREAM)
      .get('/sessions/first').reply(200, events(1, 2), sse)
      .get('/sessions/second').matchHeader('last-event-id', '2').reply(200, events(3), sse)
    const {stdout, stderr, exitCode} = await runCli(['logs', '-a', 'example-app', '-t'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, `${line(1)}\n${line(2)}\n${line(3)}\n`)
    assert.equal(stderr, [
      'Lost the connection to the log stream; reconnecting...',
      'Reconnected to the log stream.',
      'Lost the connection to the log stream; reconnecting...',
      '',
    ].join('\n'))
    api.done()
    stream.done()
  })

  it('a history that cannot be read is not retried: one line, exit 1', async () => {
    session(nock(API), {lines: 100, tail: false})
    nock(STREAM).get('/sessions/abc').reply(502, 'Bad gateway')
    const {stderr, exitCode} = await runCli(['logs', '-a', 'example-app'])
    assert.equal(exitCode, 1)
    assert.equal(stderr, 'Error: The log stream answered 502.\n')
  })
})
