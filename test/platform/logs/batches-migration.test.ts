import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Kysely} from 'kysely'
import {LogFeed} from '../../../src/platform/logs/log-feed.js'
import {LogStream} from '../../../src/platform/logs/log-stream.js'
import {Store} from '../../../src/platform/store/database.js'
import type {Database} from '../../../src/platform/store/schema.js'
import {onPostgres} from '../helpers.js'
import {oldStore} from '../old-store.js'

// A store from before log batches: every line it kept (one row each in log_lines) reads the same
// afterwards, numbered as before, and the stream goes on from its counter.
test('0012_log_batches moves the kept lines of every app into batches and drops log_lines', async () => {
  const {db, migrate, close} = await oldStore('0012')
  const time = (seq: number) => `2026-12-02T10:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000000+00:00`
  // the busy app kept its newest 1,500 of 1,600 lines; the quiet one has three, one of them on two lines
  const busy = Array.from({length: 1500}, (_, i) => ({seq: 101 + i, time: time(101 + i), source: i % 5 === 0 ? 'my-loggy' : 'app', process: `web.${(i % 3) + 1}`, message: `busy line ${101 + i}`}))
  const quiet = [
    {seq: 1, time: time(1), source: 'app', process: 'api', message: 'Release v1 created by a@example.com'},
    {seq: 2, time: time(2), source: 'heroku', process: 'run.1', message: 'héllo wörld ✓ "quoted"'},
    {seq: 3, time: time(3), source: 'app', process: 'run.1', message: 'first\nsecond'},
  ]
  let store: Store | undefined
  try {
    assert.equal(await migrate('0012_log_batches'), undefined)
    await db.insertInto('log_streams').values([{app_id: 'app-busy', last_seq: 1600}, {app_id: 'app-quiet', last_seq: 3}]).execute()
    for (let i = 0; i < busy.length; i += 500) await db.insertInto('log_lines').values(busy.slice(i, i + 500).map((l) => ({app_id: 'app-busy', ...l}))).execute()
    await db.insertInto('log_lines').values(quiet.map((l) => ({app_id: 'app-quiet', ...l}))).execute()

    assert.equal(await migrate(), undefined)
    await assert.rejects(db.selectFrom('log_lines').selectAll().execute(), 'log_lines is gone')
    store = new Store(db as Kysely<Database>, onPostgres ? 'postgres' : 'sqlite')
    const stream = new LogStream(store, new LogFeed(store))
    assert.deepEqual(await stream.newest('app-busy', 1500), busy)
    assert.deepEqual(await stream.newest('app-quiet', 1500), quiet)
    assert.deepEqual(await stream.after('app-busy', 1000, 3), busy.slice(900, 903))
    assert.deepEqual(await stream.newest('app-busy', 2, {source: 'my-loggy'}), busy.filter((l) => l.source === 'my-loggy').slice(-2))
    assert.equal(await stream.firstSeq('app-busy'), 101)
    assert.equal(await stream.lastSeq('app-busy'), 1600)

    // the stream goes on from its counter, and the new line pushes out the oldest one
    await stream.append('app-busy', [{time: time(1601), source: 'app', process: 'web.1', message: 'after the move'}])
    const kept = await stream.newest('app-busy', 1500)
    assert.deepEqual([kept[0].seq, kept.at(-1)!.seq, kept.at(-1)!.message], [102, 1601, 'after the move'])
  } finally {
    await close()
  }
})
