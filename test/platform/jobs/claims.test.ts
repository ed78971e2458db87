import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {JobQueue} from '../../../src/platform/jobs/queue.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'

// A claim lasts until it runs out, or until its instance is known gone: then another takes the job
// at once (a platform restarted after kill -9 sends its webhook deliveries without waiting a lease).
let store: Store
const dir = mkdtempSync(join(tmpdir(), 'addonkit-claims-'))

before(async () => {
  store = await openStore({dataDir: dir})
  const at = new Date().toISOString()
  for (const id of ['alive', 'doomed', 'other']) await store.db.insertInto('instances').values({id, hostname: 'h', pid: 1, started_at: at, heartbeat_at: at}).execute()
})
after(async () => {
  await store.close()
  rmSync(dir, {recursive: true, force: true})
})

test("a live instance's claim holds; a gone instance's claim is taken at once", async () => {
  const queue = new JobQueue(store)
  await queue.enqueue('work', {n: 1})
  await queue.enqueue('work', {n: 2})
  const byAlive = await queue.claim('alive', ['work'], 1, 60_000)
  const byDoomed = await queue.claim('doomed', ['work'], 1, 60_000)
  assert.equal(byAlive.length, 1)
  assert.equal(byDoomed.length, 1)
  assert.deepEqual(await queue.claim('other', ['work'], 10, 60_000), [])

  await store.db.deleteFrom('instances').where('id', '=', 'doomed').execute()
  const taken = await queue.claim('other', ['work'], 10, 60_000)
  assert.deepEqual(taken.map((job) => job.id), byDoomed.map((job) => job.id))
})
