import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {HerokuSchema, schemaAvailable} from '../contract/heroku-schema.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'
import {readEvents} from './event-reader.js'

// What `addonkit run` asks of the platform over HTTP: a one-off process (POST /apps/{app}/dynos,
// answered as Heroku's `dyno`), then its output (POST /apps/{app}/log-lines).
describe('run output over HTTP', {timeout: 60_000}, () => {
  let p: TestPlatform
  const logLines = async () => {
    const session = await p.api.post<any>('apps/run-app/log-sessions', {json: {lines: 1500}})
    const reader = await readEvents(session.body.logplex_url)
    await reader.ended
    return reader.lines().map((l) => l.replace(/^\S+ /, ''))
  }

  before(async () => {
    p = await startTestPlatform([])
    assert.equal((await p.api.post('apps', {json: {name: 'run-app'}})).statusCode, 201)
    // a release, so the dyno names one
    assert.equal((await p.api.patch('apps/run-app/config-vars', {json: {FOO: 'bar'}})).statusCode, 200)
  })
  after(() => p?.close())

  test('POST /apps/{app}/dynos answers 201 with a dyno named run.N, as the schema describes it', async () => {
    const res = await p.api.post<any>('apps/run-app/dynos', {json: {command: 'node worker.js', type: 'run', attach: false}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    assert.equal(res.body.name, 'run.1')
    assert.equal(res.body.command, 'node worker.js')
    assert.equal(res.body.release.version, 1)
    if (schemaAvailable) new HerokuSchema().assertConforms('dyno', res.body, 'POST /apps/run-app/dynos')
    assert.equal((await p.api.post<any>('apps/run-app/dynos', {json: {command: 'bash'}})).body.name, 'run.2')
  })

  test('log-lines writes app[run.N] lines, and the exit status as heroku[run.N]', async () => {
    const res = await p.api.post('apps/run-app/log-lines', {json: {process: 'run.1', lines: [{time: '2026-12-02T10:00:00.000001+00:00', message: 'hello'}, {message: 'world'}], exit_status: 0}})
    assert.equal(res.statusCode, 204)
    const lines = await logLines()
    assert.deepEqual(lines.slice(-4), ['app[run.1]: hello', 'app[run.1]: world', 'heroku[run.1]: Process exited with status 0', 'heroku[run.1]: State changed from up to complete'])
    assert.ok(lines.includes('app[api]: Starting process with command `node worker.js` by user owner@example.com'), lines.join('\n'))
  })

  test('log-lines does not spend the account\'s request budget', async () => {
    const send = () => p.api.post('apps/run-app/log-lines', {json: {process: 'run.2', lines: [{message: 'x'}]}})
    const first = await send()
    const second = await send()
    assert.equal(second.headers['ratelimit-remaining'], first.headers['ratelimit-remaining'])
  })

  test('refusals: a process the app was not given, a bad body, another account, an unknown app', async () => {
    const refused = async (res: {statusCode: number; body: any}, status: number, message: RegExp) => {
      assert.equal(res.statusCode, status, JSON.stringify(res.body))
      assert.match(res.body.message, message)
    }
    await refused(await p.api.post<any>('apps/run-app/log-lines', {json: {process: 'run.9', lines: [{message: 'x'}]}}), 422, /run\.9 is not a process of run-app/)
    await refused(await p.api.post<any>('apps/run-app/log-lines', {json: {process: 'run.1', lines: [{text: 'x'}]}}), 422, /Invalid request body/)
    await refused(await p.api.post<any>('apps/run-app/dynos', {json: {}}), 422, /command/)
    await refused(await p.stranger.post<any>('apps/run-app/dynos', {json: {command: 'bash'}}), 403, /do not have access/)
    await refused(await p.stranger.post<any>('apps/run-app/log-lines', {json: {process: 'run.1', lines: [{message: 'x'}]}}), 403, /do not have access/)
    await refused(await p.api.post<any>('apps/no-such-app/dynos', {json: {command: 'bash'}}), 404, /Couldn't find that app/)
    assert.ok(!(await logLines()).some((l) => l.includes('run.9')))
  })
})
