import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {ApiClient} from '../../../src/lib/api/client.js'
import {isHerokuApi, RunLog} from '../../../src/lib/run/run-log.js'

const API = 'https://api.test.addonkit'
type Body = {process: string; lines: Array<{time: string; message: string}>; exit_status?: number}

// `addonkit run`'s output on its way to the app's log: named once, sent in order and in batches in
// the background, and a platform that cannot take it costs one warning.
describe('RunLog', () => {
  afterEach(() => nock.cleanAll())
  const api = () => new ApiClient({target: {url: API, token: 'test-token', source: 'env'}, retries: 0})
  const started = (scope: nock.Scope) => scope.post('/apps/example-app/dynos', {command: 'node worker.js', type: 'run', attach: false}).reply(201, {name: 'run.3'})
  // records each log-lines body; `arrived` resolves at the first
  const receiver = (scope: nock.Scope, times: number) => {
    const bodies: Body[] = []
    let arrived!: () => void
    const first = new Promise<void>((resolve) => (arrived = resolve))
    scope.post('/apps/example-app/log-lines').times(times).reply(204, (_uri, body) => {
      bodies.push(body as Body)
      arrived()
      return ''
    })
    return {bodies, first}
  }

  it('sends every line in order, in batches of at most 200, the exit status with the last', async () => {
    const scope = nock(API)
    started(scope)
    const {bodies} = receiver(scope, 10)
    const warnings: string[] = []
    const log = new RunLog(api(), 'example-app', (line) => warnings.push(line))
    await log.start('node worker.js')
    for (let i = 0; i < 450; i++) log.push(`line ${i}`)
    await log.close(3)
    const sent = bodies.flatMap((b) => b.lines.map((l) => l.message))
    assert.deepEqual(sent, Array.from({length: 450}, (_, i) => `line ${i}`))
    assert.ok(bodies.every((b) => b.process === 'run.3' && b.lines.length <= 200))
    assert.deepEqual(bodies.map((b) => b.exit_status), [...bodies.slice(1).map(() => undefined), 3])
    assert.match(bodies[0].lines[0].time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/)
    assert.deepEqual(warnings, [])
  })

  it('a line goes while the command still runs, without waiting for its end', async () => {
    const scope = nock(API)
    started(scope)
    const {bodies, first} = receiver(scope, 2)
    const log = new RunLog(api(), 'example-app', () => {})
    await log.start('node worker.js')
    log.push('early')
    await first
    assert.deepEqual(bodies[0].lines.map((l) => l.message), ['early'])
    await log.close(0)
    assert.deepEqual(bodies[1], {process: 'run.3', lines: [], exit_status: 0})
  })

  it('a platform that stops answering: one warning, nothing more is sent', async () => {
    const scope = nock(API)
    started(scope)
    const {first} = receiver(scope, 1)
    scope.post('/apps/example-app/log-lines').reply(503, {id: 'unavailable', message: 'Service unavailable.'})
    const warnings: string[] = []
    const log = new RunLog(api(), 'example-app', (line) => warnings.push(line))
    await log.start('node worker.js')
    log.push('one')
    await first
    log.push('two')
    for (let i = 0; i < 500; i++) log.push('more')
    await log.close(1)
    assert.deepEqual(warnings, ["Warning: this command's output is not reaching example-app's log (Service unavailable); the command runs on."])
    scope.done()
  })

  it('a run the platform would not name: one warning, and no line is sent', async () => {
    const scope = nock(API).post('/apps/example-app/dynos').reply(404, {id: 'not_found', message: "Couldn't find that app."})
    const warnings: string[] = []
    const log = new RunLog(api(), 'example-app', (line) => warnings.push(line))
    await log.start('node worker.js')
    log.push('one')
    await log.close(0)
    assert.deepEqual(warnings, ["Warning: this command's output is not reaching example-app's log (Couldn't find that app); the command runs on."])
    scope.done()
  })

  it('the end waits for the last lines only so long, then gives up quietly', async () => {
    const scope = nock(API)
    started(scope)
    scope.post('/apps/example-app/log-lines').delay(10_000).reply(204)
    const warnings: string[] = []
    const log = new RunLog(api(), 'example-app', (line) => warnings.push(line))
    await log.start('node worker.js')
    log.push('slow')
    await log.close(0, 50)
    assert.deepEqual(warnings, [])
  })

  it('a platform falling behind: lines past the queue\'s bound are left out, with one warning', async () => {
    const scope = nock(API)
    started(scope)
    const {bodies} = receiver(scope, 10)
    const warnings: string[] = []
    const log = new RunLog(api(), 'example-app', (line) => warnings.push(line), {maxQueued: 5, batchLines: 1000, intervalMs: 10_000})
    await log.start('node worker.js')
    for (let i = 0; i < 8; i++) log.push(`line ${i}`)
    await log.close(0)
    assert.deepEqual(bodies.flatMap((b) => b.lines.map((l) => l.message)), ['line 0', 'line 1', 'line 2', 'line 3', 'line 4'])
    assert.deepEqual(warnings, ["Warning: example-app's log is falling behind this command's output; some lines are left out of it."])
  })

  it('Heroku\'s own API is recognised (nothing is sent there)', () => {
    assert.equal(isHerokuApi('https://api.heroku.com'), true)
    assert.equal(isHerokuApi('http://127.0.0.1:5000'), false)
    assert.equal(isHerokuApi('https://heroku.com.example.org'), false)
  })
})
