import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {type Job, JobQueue} from '../../../src/platform/jobs/queue.js'
import {JobWorker} from '../../../src/platform/jobs/worker.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import {eventually} from '../helpers.js'

// A batch handler gets the jobs of one claim in one call (an event's webhook deliveries) and says
// which are done and which are due again; what it leaves unsettled is run again after its back-off.
let store: Store
const dir = mkdtempSync(join(tmpdir(), 'addonkit-batches-'))

before(async () => {
  store = await openStore({dataDir: dir})
  const at = new Date().toISOString()
  await store.db.insertInto('instances').values({id: 'me', hostname: 'h', pid: 1, started_at: at, heartbeat_at: at}).execute()
})
after(async () => {
  await store.close()
  rmSync(dir, {recursive: true, force: true})
})

test('the jobs of one claim come in one call; done ones go, one due again waits, one left unsettled is retried', async () => {
  const queue = new JobQueue(store)
  for (const n of [1, 2, 3, 4]) await queue.enqueue('batch', {n})
  const calls: number[][] = []
  const later = new Date(Date.now() + 3_600_000)
  const worker = new JobWorker(queue, {owner: 'me', log: () => {}})
  worker.register({
    kind: 'batch',
    backoffMs: () => 7_200_000,
    async runBatch(jobs: Job<{n: number}>[], settle) {
      calls.push(jobs.map((j) => j.payload.n).sort())
      const by = (n: number) => jobs.find((j) => j.payload.n === n)!
      await store.transaction(async (tx) => {
        await settle.complete([by(1), by(2)], tx)
        await settle.retry(by(3), later, tx)
      })
      // 4: neither
    },
  })
  await worker.start(60_000)
  await eventually(async () => (await queue.count('batch')) === 2, 'two jobs done')
  await worker.stop()

  assert.deepEqual(calls, [[1, 2, 3, 4]])
  const left = await store.db.selectFrom('jobs').selectAll().where('kind', '=', 'batch').orderBy('run_at').execute()
  assert.deepEqual(left.map((j) => [JSON.parse(j.payload).n, j.attempts, j.claimed_by]), [[3, 1, null], [4, 1, null]])
  assert.equal(left[0].run_at, later.toISOString())
  assert.ok(Date.parse(left[1].run_at) > Date.now() + 3_600_000, 'unsettled: after the handler\'s back-off')
})
