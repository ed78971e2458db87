import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {LogFeed} from '../../../src/platform/logs/log-feed.js'
import {LogStream, RETAINED_LINES, type LineFilter} from '../../../src/platform/logs/log-stream.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import type {LogLine} from '../../../src/wire/logplex.js'
import {testDatabaseUrl} from '../helpers.js'

// An app's stream kept as one row per append: whatever the sizes of the appends, a reader sees
// exactly the newest 1,500 lines, numbered without gaps, and a row goes once none of its lines is
// among them. On SQLite, and on PostgreSQL in the PostgreSQL run.
describe('log stream retention across batches', {timeout: 60_000}, () => {
  let store: Store
  let stream: LogStream
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-log-stream-'))
  // line n of an app: its message says its number, its process cycles web.1, worker.1, web.2
  const processes = ['web.1', 'worker.1', 'web.2']
  const line = (n: number, source = 'app'): LogLine => ({time: '2026-12-02T10:00:00.000000+00:00', source, process: processes[(n - 1) % 3], message: `line ${n}`})
  const lines = (from: number, to: number, source?: string) => Array.from({length: to - from + 1}, (_, i) => line(from + i, source))
  const numbers = (read: Array<{seq: number; message: string}>) => read.map((l) => {
    // a line's number and its message agree
    assert.equal(l.message, `line ${l.seq}`)
    return l.seq
  })
  const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, i) => from + i)
  const storedBatches = async (appId: string) => (await store.db.selectFrom('log_batches').select(['first_seq', 'last_seq']).where('app_id', '=', appId).orderBy('last_seq').execute())
    .map((b) => [Number(b.first_seq), Number(b.last_seq)])

  before(async () => {
    store = await openStore({dataDir: dir, databaseUrl: await testDatabaseUrl()})
    stream = new LogStream(store, new LogFeed(store))
  })
  after(async () => {
    await store?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('exactly 1,500 lines are kept: the 1,501st pushes out the first, inside the oldest batch', async () => {
    await stream.append('app-exact', lines(1, 1000))
    await stream.append('app-exact', lines(1001, 1500))
    assert.deepEqual(numbers(await stream.newest('app-exact', RETAINED_LINES)), range(1, 1500))
    assert.equal(await stream.firstSeq('app-exact'), 1)
    await stream.append('app-exact', lines(1501, 1501))
    assert.deepEqual(numbers(await stream.newest('app-exact', RETAINED_LINES)), range(2, 1501))
    assert.deepEqual(numbers(await stream.after('app-exact', 0, 5000)), range(2, 1501))
    assert.equal(await stream.firstSeq('app-exact'), 2)
    assert.equal(await stream.lastSeq('app-exact'), 1501)
    // the first batch still holds lines 2..1000
    assert.deepEqual(await storedBatches('app-exact'), [[1, 1000], [1001, 1500], [1501, 1501]])
  })

  test('a batch goes once every line of it is older than the newest 1,500', async () => {
    await stream.append('app-trim', lines(1, 1000))
    await stream.append('app-trim', lines(1001, 1400))
    await stream.append('app-trim', lines(1401, 2499))
    // line 1000 is still kept (1000..2499)
    assert.deepEqual(await storedBatches('app-trim'), [[1, 1000], [1001, 1400], [1401, 2499]])
    assert.deepEqual(numbers(await stream.newest('app-trim', 2)), [2498, 2499])
    await stream.append('app-trim', lines(2500, 2500))
    assert.deepEqual(await storedBatches('app-trim'), [[1001, 1400], [1401, 2499], [2500, 2500]])
    assert.deepEqual(numbers(await stream.after('app-trim', 0, 5000)), range(1001, 2500))
    assert.equal(await stream.firstSeq('app-trim'), 1001)
  })

  test('a batch larger than 1,500: only its newest 1,500 lines are kept and read', async () => {
    await stream.append('app-big', lines(1, 10))
    await stream.append('app-big', lines(11, 2010))
    assert.deepEqual(await storedBatches('app-big'), [[511, 2010]])
    assert.deepEqual(numbers(await stream.newest('app-big', RETAINED_LINES)), range(511, 2010))
    assert.deepEqual(numbers(await stream.newest('app-big', 3)), [2008, 2009, 2010])
    assert.equal(await stream.firstSeq('app-big'), 511)
    assert.equal(await stream.lastSeq('app-big'), 2010)
    // a reader that saw line 100 learns from the first line it gets that 410 were pushed out
    assert.deepEqual(numbers(await stream.after('app-big', 100, 3)), [511, 512, 513])
  })

  test('after a line inside a batch: the lines after it, up to the limit, then on into the next batches', async () => {
    await stream.append('app-after', lines(1, 500))
    await stream.append('app-after', lines(501, 1000))
    await stream.append('app-after', lines(1001, 1001))
    assert.deepEqual(numbers(await stream.after('app-after', 250, 3)), [251, 252, 253])
    assert.deepEqual(numbers(await stream.after('app-after', 499, 3)), [500, 501, 502])
    assert.deepEqual(numbers(await stream.after('app-after', 250, 2000)), range(251, 1001))
    assert.deepEqual(numbers(await stream.after('app-after', 999, 500)), [1000, 1001])
    assert.deepEqual(await stream.after('app-after', 1001, 500), [])
    assert.deepEqual(numbers(await stream.newest('app-after', 3)), [999, 1000, 1001])
  })

  test('filters look across batches and only inside the kept lines', async () => {
    // lines 1..10 from an add-on, then 1,495 from the app: lines 1..5 are pushed out, though their
    // batch is still stored
    await stream.append('app-filter', lines(1, 10, 'my-loggy'))
    await stream.append('app-filter', lines(11, 1505))
    assert.deepEqual(await storedBatches('app-filter'), [[1, 10], [11, 1505]])
    const loggy: LineFilter = {source: 'my-loggy'}
    assert.deepEqual(numbers(await stream.newest('app-filter', 100, loggy)), range(6, 10))
    assert.deepEqual(numbers(await stream.after('app-filter', 0, 100, loggy)), range(6, 10))
    assert.deepEqual(numbers(await stream.after('app-filter', 7, 100, loggy)), [8, 9, 10])
    // a process type: web.1 and web.2, newest across the batch boundary
    const web = (await stream.newest('app-filter', 1000, {dyno: 'web'})).map((l) => l.seq)
    assert.equal(web.length, 1000)
    assert.equal(web.at(-1), 1504)
    assert.ok(web.every((seq) => seq >= 6 && (seq - 1) % 3 !== 1), 'only web.N lines, only kept ones')
    const allWeb = await stream.newest('app-filter', RETAINED_LINES, {dyno: 'web'})
    assert.deepEqual(allWeb.map((l) => l.seq), range(6, 1505).filter((seq) => (seq - 1) % 3 !== 1))
    // one process, and a source with it: the add-on's worker.1 lines that are still kept
    assert.deepEqual(numbers(await stream.newest('app-filter', 100, {source: 'my-loggy', dyno: 'worker.1'})), [8])
    assert.deepEqual(numbers(await stream.after('app-filter', 1495, 3, {dyno: 'worker.1'})), [1496, 1499, 1502])
    // `web` takes `web.10` but not `webhook.1`; `web.1` takes neither
    await stream.append('app-filter', [{...line(1506), process: 'webhook.1'}, {...line(1507), process: 'web.10'}])
    assert.deepEqual((await stream.newest('app-filter', 2, {dyno: 'web'})).map((l) => l.process), ['web.1', 'web.10'])
    assert.deepEqual((await stream.newest('app-filter', 1, {dyno: 'web.1'})).map((l) => l.seq), [1504])
  })

  test('appends made at once are all kept, in the order they were made, numbered without gaps', async () => {
    await Promise.all(Array.from({length: 20}, (_, k) => stream.append('app-busy', lines(k * 50 + 1, k * 50 + 50))))
    assert.deepEqual(numbers(await stream.newest('app-busy', RETAINED_LINES)), range(1, 1000))
    assert.equal(await stream.lastSeq('app-busy'), 1000)
    // a caller's transaction is its own: a failed one takes nothing with it, nor leaves anything
    await assert.rejects(store.transaction(async (tx) => {
      await stream.append('app-busy', lines(1001, 1001), tx)
      throw new Error('rolled back')
    }), /rolled back/)
    await Promise.all([stream.append('app-busy', lines(1001, 1002)), stream.append('app-busy', lines(1003, 1003))])
    assert.deepEqual(numbers(await stream.after('app-busy', 995, 100)), range(996, 1003))
  })

  test('an app without lines reads empty; removing an app removes its batches', async () => {
    assert.deepEqual(await stream.newest('app-none', 10), [])
    assert.deepEqual(await stream.after('app-none', 0, 10), [])
    assert.equal(await stream.firstSeq('app-none'), undefined)
    assert.equal(await stream.lastSeq('app-none'), 0)
    await stream.append('app-gone', lines(1, 3))
    await store.transaction((tx) => LogStream.removeApp(tx, 'app-gone'))
    assert.deepEqual(await storedBatches('app-gone'), [])
    assert.deepEqual(await stream.newest('app-gone', 10), [])
  })
})
