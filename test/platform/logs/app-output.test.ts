import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {AppOutput} from '../../../src/platform/logs/app-output.js'
import {LogFeed} from '../../../src/platform/logs/log-feed.js'
import {LogStream} from '../../../src/platform/logs/log-stream.js'
import {Catalog} from '../../../src/platform/services/catalog.js'
import {PlatformError} from '../../../src/platform/services/errors.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import type {AccountRow} from '../../../src/platform/store/schema.js'
import {formatLogLine} from '../../../src/wire/logplex.js'

// The service behind `addonkit run`'s log lines: process names counted per app, what may be
// written, and the lines that land in the stream.
describe('AppOutput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-app-output-'))
  let store: Store
  let stream: LogStream
  let output: AppOutput
  const at = new Date().toISOString()
  const owner: AccountRow = {id: 'acct-1', email: 'owner@example.com', name: null, api_key_hash: 'x', created_at: at, updated_at: at}
  const stranger: AccountRow = {...owner, id: 'acct-2', email: 'stranger@example.com', api_key_hash: 'y'}
  let regionId: string
  const newApp = (id: string, name: string) => store.db.insertInto('apps').values({id, name, owner_id: owner.id, region_id: regionId, space_id: null, maintenance: 0, released_at: null, run_count: 0, created_at: at, updated_at: at}).execute()
  const printed = async (appId: string) => (await stream.newest(appId, 1500)).map(formatLogLine).map((l) => l.replace(/^\S+ /, ''))
  const refusal = (status: number, message: RegExp) => (error: unknown) => error instanceof PlatformError && error.status === status && message.test(error.message)

  before(async () => {
    store = await openStore({dataDir: dir})
    stream = new LogStream(store, new LogFeed(store))
    output = new AppOutput(store, stream)
    const catalog = new Catalog(store.db)
    await catalog.load()
    regionId = catalog.findRegion('us')!.id
    await store.db.insertInto('accounts').values([owner, stranger]).execute()
    await newApp('app-1', 'output-app')
    await newApp('app-2', 'other-app')
  })
  after(async () => {
    await store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('runs are named run.1, run.2… per app, and each start is written to the log', async () => {
    const first = await output.startRun(owner, 'output-app', {command: 'node worker.js'})
    const second = await output.startRun(owner, 'output-app', {command: 'bash', type: 'run', attach: false})
    const elsewhere = await output.startRun(owner, 'other-app', {command: 'bash'})
    assert.deepEqual([first.name, second.name, elsewhere.name], ['run.1', 'run.2', 'run.1'])
    assert.deepEqual({...first, id: undefined, created_at: undefined, updated_at: undefined}, {
      id: undefined, name: 'run.1', command: 'node worker.js', type: 'run', size: 'Basic', state: 'up', attach_url: null,
      app: {id: 'app-1', name: 'output-app'}, release: null, created_at: undefined, updated_at: undefined,
    })
    assert.deepEqual((await printed('app-1')).slice(0, 3), [
      'app[api]: Starting process with command `node worker.js` by user owner@example.com',
      'heroku[run.1]: Starting process with command `node worker.js`',
      'heroku[run.1]: State changed from starting to up',
    ])
  })

  test('runs started at the same time get different numbers', async () => {
    const names = (await Promise.all(Array.from({length: 10}, () => output.startRun(owner, 'other-app', {command: 'true'})))).map((d) => d.name)
    assert.equal(new Set(names).size, 10)
    assert.deepEqual(names.map((n) => Number(n.slice(4))).sort((a, b) => a - b), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  test('lines are written as app[run.N] in order, then the exit as heroku[run.N]', async () => {
    await output.write(owner, 'output-app', {process: 'run.2', lines: [{time: '2026-12-02T10:00:00.000001+00:00', message: 'one'}, {message: 'two'}, {message: ''}]})
    await output.write(owner, 'output-app', {process: 'run.2', lines: [{message: 'three'}], exit_status: 3})
    const lines = await stream.newest('app-1', 6)
    assert.equal(lines[0].time, '2026-12-02T10:00:00.000001+00:00')
    assert.deepEqual(lines.map((l) => formatLogLine(l).replace(/^\S+ /, '')), [
      'app[run.2]: one', 'app[run.2]: two', 'app[run.2]: ', 'app[run.2]: three',
      'heroku[run.2]: Process exited with status 3', 'heroku[run.2]: State changed from up to complete',
    ])
  })

  test('only a run.N the app was given may write', async () => {
    for (const process of ['run.3', 'web.1', 'run.0', 'run', 'api']) {
      await assert.rejects(output.write(owner, 'output-app', {process, lines: [{message: 'x'}]}), refusal(422, /is not a process of output-app/), process)
    }
  })

  test('bad lines are refused and nothing of the request is written', async () => {
    const before = await stream.lastSeq('app-1')
    await assert.rejects(output.write(owner, 'output-app', {process: 'run.1', lines: [{message: 'ok'}, {time: 'yesterday', message: 'x'}]}), refusal(422, /lines\.1\.time must be an RFC 3339 time/))
    await assert.rejects(output.write(owner, 'output-app', {process: 'run.1', lines: [{message: 'x'.repeat(10_241)}]}), refusal(422, /longer than 10240 bytes/))
    await assert.rejects(output.write(owner, 'output-app', {process: 'run.1', lines: Array.from({length: 1501}, () => ({message: 'x'}))}), refusal(422, /At most 1500 lines/))
    assert.equal(await stream.lastSeq('app-1'), before)
  })

  test('another account can neither start a run nor write to the app', async () => {
    await assert.rejects(output.startRun(stranger, 'output-app', {command: 'bash'}), refusal(403, /do not have access/))
    await assert.rejects(output.write(stranger, 'output-app', {process: 'run.1', lines: [{message: 'x'}]}), refusal(403, /do not have access/))
    await assert.rejects(output.startRun(owner, 'no-such-app', {command: 'bash'}), refusal(404, /Couldn't find that app/))
  })

  test('only detached one-off processes can be started', async () => {
    await assert.rejects(output.startRun(owner, 'output-app', {command: 'bash', type: 'web'}), refusal(422, /type "run"/))
    await assert.rejects(output.startRun(owner, 'output-app', {command: 'bash', attach: true}), refusal(422, /attach is not supported/))
    await assert.rejects(output.startRun(owner, 'output-app', {command: '  '}), refusal(422, /command must not be empty/))
  })
})
