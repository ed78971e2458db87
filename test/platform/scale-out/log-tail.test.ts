import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, OWNER} from '../helpers.js'
import {readEvents} from '../logs/event-reader.js'
import {type Instance, launchPair, stop} from './instances.js'

// Two platform instances, each its own process, on one PostgreSQL database: a tail served by one
// shows the lines written through the other, as they are written.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the two-instance tests need PostgreSQL'

describe('log tails across instances', {skip, timeout: 120_000}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-logs-'))
  let provider: TestProvider
  let a: Instance
  let b: Instance

  before(async () => {
    provider = await startTestProvider()
    ;[a, b] = await launchPair(dataDir, provider.manifest, base!)
  })
  after(async () => {
    stop(a, 'SIGKILL')
    stop(b, 'SIGKILL')
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('a tail on B gets, in order and once each, the lines written through A', async () => {
    const apiA = client(a.url, OWNER.apiKey)
    const apiB = client(b.url, OWNER.apiKey)
    assert.equal((await apiA.post('apps', {json: {name: 'tail-app'}})).statusCode, 201)
    assert.equal((await apiA.post<any>('apps/tail-app/dynos', {json: {command: 'node worker.js'}})).body.name, 'run.1')
    const write = async (...messages: string[]) => {
      const res = await apiA.post('apps/tail-app/log-lines', {json: {process: 'run.1', lines: messages.map((message) => ({message}))}})
      assert.equal(res.statusCode, 204)
    }
    await write('before the tail')
    const session = await apiB.post<any>('apps/tail-app/log-sessions', {json: {lines: 10, tail: true, dyno: 'run.1', source: 'app'}})
    assert.equal(session.statusCode, 201)
    assert.ok(session.body.logplex_url.startsWith(b.url))
    const tail = await readEvents(session.body.logplex_url)
    try {
      await tail.until((lines) => lines.length === 1, 'the history')
      await write('one through A')
      await write('two through A', 'three through A')
      await tail.until((lines) => lines.length === 4, 'the lines written through A')
      // and B's own writes too, between A's
      assert.equal((await apiB.post('apps/tail-app/log-lines', {json: {process: 'run.1', lines: [{message: 'four through B'}]}})).statusCode, 204)
      await write('five through A')
      await tail.until((lines) => lines.length === 6, 'the later lines')
    } finally {
      tail.close()
    }
    assert.deepEqual(tail.lines().map((l) => l.replace(/^\S+ /, '')), [
      'app[run.1]: before the tail', 'app[run.1]: one through A', 'app[run.1]: two through A', 'app[run.1]: three through A', 'app[run.1]: four through B', 'app[run.1]: five through A',
    ])
  })

  test('runs started through either instance get distinct numbers', async () => {
    const started = await Promise.all([a, b, a, b, a, b].map((instance) => client(instance.url, OWNER.apiKey).post<any>('apps/tail-app/dynos', {json: {command: 'true'}})))
    assert.deepEqual(started.map((r) => r.statusCode), [201, 201, 201, 201, 201, 201])
    assert.deepEqual(started.map((r) => r.body.name).sort(), ['run.2', 'run.3', 'run.4', 'run.5', 'run.6', 'run.7'])
  })
})
