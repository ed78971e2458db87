import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, beforeEach, describe, test} from 'node:test'
import {noForeground} from '../../../src/platform/jobs/foreground.js'
import {type Job, JobQueue} from '../../../src/platform/jobs/queue.js'
import {JobWorker} from '../../../src/platform/jobs/worker.js'
import {openStore, type Store} from '../../../src/platform/store/database.js'
import {DeliveryAttempts} from '../../../src/platform/webhooks/delivery/attempts.js'
import {WebhookDelivery} from '../../../src/platform/webhooks/delivery/delivery.js'
import {WebhookEventDelivery} from '../../../src/platform/webhooks/delivery/event-delivery.js'
import {deliveryIdOf, fanOut} from '../../../src/platform/webhooks/delivery/fan-out.js'
import {inProcessSender} from '../../../src/platform/webhooks/delivery/sender.js'
import {publish, WEBHOOK_EVENT_JOB, type WebhookEventJob} from '../../../src/platform/webhooks/publish.js'
import {eventually, testDatabaseUrl} from '../helpers.js'
import {startReceiver, type Receiver} from './receiver.js'

// The outbox's second half: a change writes its event and one job; the job makes one delivery per
// subscription that heard the change, and sends them. Run again (its instance killed), it makes no
// delivery twice and sends again only what had not been attempted to the end.
describe('an event\'s job: deliveries made once, whatever runs it again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-fan-out-'))
  const actor = {id: 'user-1', email: 'owner@example.com'}
  let store: Store
  let queue: JobQueue
  let receiver: Receiver
  let worker: JobWorker | undefined

  before(async () => {
    store = await openStore({dataDir: dir, databaseUrl: await testDatabaseUrl()})
    queue = new JobQueue(store)
    receiver = await startReceiver(204)
    const at = new Date().toISOString()
    for (const id of ['me', 'doomed']) await store.db.insertInto('instances').values({id, hostname: 'h', pid: 1, started_at: at, heartbeat_at: at}).execute()
  })
  after(async () => {
    await worker?.stop()
    await receiver.close()
    await store.close()
    rmSync(dir, {recursive: true, force: true})
  })
  beforeEach(() => {
    receiver.received.length = 0
  })

  const hooks = async (appId: string, n: number): Promise<string[]> => {
    const at = new Date().toISOString()
    const ids = Array.from({length: n}, (_, i) => `${appId}-hook-${i}`)
    await store.db.insertInto('webhooks').values(ids.map((id) => ({
      id, app_id: appId, addon_id: null, include: '["api:release"]', level: 'notify', url: receiver.url, secret: 's', authorization_header: null, created_at: at, updated_at: at,
    }))).execute()
    return ids
  }
  const change = (appId: string) => store.transaction((tx) => publish(tx, {appId, include: 'api:release', action: 'create', actor, data: {version: 2}}))
  const deliveriesOf = (eventId: string) => store.db.selectFrom('webhook_deliveries').selectAll().where('event_id', '=', eventId).orderBy('webhook_id').execute()
  const startWorker = async () => {
    const attempts = new DeliveryAttempts(store, {windowMs: 60_000, backoffMs: 20, timeoutMs: 5000}, inProcessSender, noForeground)
    worker = new JobWorker(queue, {owner: 'me', log: () => {}})
    worker.register(new WebhookEventDelivery(store, attempts, noForeground))
    worker.register(new WebhookDelivery(store, attempts, noForeground))
    await worker.start(20)
  }
  const stopWorker = async () => {
    await worker?.stop()
    worker = undefined
  }

  test('a change writes its event and one job, whoever listens; its deliveries come from the job', async () => {
    await hooks('app-one', 10)
    const eventId = await change('app-one')
    assert.ok(eventId)
    const jobs = await store.db.selectFrom('jobs').selectAll().where('kind', 'in', [WEBHOOK_EVENT_JOB, 'webhook-delivery']).execute()
    assert.equal(jobs.length, 1)
    assert.deepEqual(JSON.parse(jobs[0].payload).webhook_ids.length, 10)
    assert.deepEqual(await deliveriesOf(eventId), [])
    await startWorker()
    try {
      const got = await receiver.arrivals(10)
      await eventually(async () => (await queue.count(WEBHOOK_EVENT_JOB)) === 0, 'the event\'s job done')
      const made = await deliveriesOf(eventId)
      assert.deepEqual(new Set(got.map((r) => r.body.webhook_metadata.delivery.id)), new Set(made.map((d) => d.id)))
      await eventually(async () => (await deliveriesOf(eventId)).every((d) => d.status === 'succeeded' && d.num_attempts === 1), 'all ten succeeded')
    } finally {
      await stopWorker()
    }
  })

  test('run again after its instance died: no delivery made twice, only those not attempted to the end sent again, same ids', async () => {
    const ids = await hooks('app-two', 3)
    const eventId = (await change('app-two'))!
    // the first run, on an instance that is then killed: it made the deliveries, and one attempt's
    // verdict was written before it died
    const [job] = (await queue.claim('doomed', [WEBHOOK_EVENT_JOB], 10, 60_000)) as Job<WebhookEventJob>[]
    await fanOut(store.db, [job.payload], new Date().toISOString())
    const first = await deliveriesOf(eventId)
    assert.deepEqual(first.map((d) => d.id), ids.map((w) => deliveryIdOf(eventId, w)))
    await store.db.updateTable('webhook_deliveries').set({status: 'succeeded', num_attempts: 1}).where('id', '=', first[0].id).execute()
    await store.db.deleteFrom('instances').where('id', '=', 'doomed').execute()

    await startWorker()
    try {
      const got = await receiver.arrivals(2)
      await eventually(async () => (await queue.count(WEBHOOK_EVENT_JOB)) === 0, 'the job, run again, done')
      await eventually(async () => (await deliveriesOf(eventId)).every((d) => d.status === 'succeeded'), 'every delivery succeeded')
      const made = await deliveriesOf(eventId)
      assert.deepEqual(made.map((d) => d.id), first.map((d) => d.id), 'the same three deliveries, none added')
      assert.deepEqual(made.map((d) => d.num_attempts), [1, 1, 1])
      assert.deepEqual(got.map((r) => r.body.webhook_metadata.delivery.id).sort(), [first[1].id, first[2].id].sort())
      assert.equal(receiver.received.length, 2, 'the delivery attempted before the crash is not sent again')
    } finally {
      await stopWorker()
    }
    // and made once more by hand: still the same three
    await fanOut(store.db, [job.payload], new Date().toISOString())
    assert.equal((await deliveriesOf(eventId)).length, 3)
  })

  test('subscriptions removed before the job runs hear nothing; an event nobody hears any more goes', async () => {
    const [kept, dropped] = await hooks('app-three', 2)
    const heard = (await change('app-three'))!
    const [lonely] = await hooks('app-four', 1)
    const unheard = (await change('app-four'))!
    await store.db.deleteFrom('webhooks').where('id', 'in', [dropped, lonely]).execute()
    await startWorker()
    try {
      await receiver.arrivals(1)
      await eventually(async () => (await queue.count(WEBHOOK_EVENT_JOB)) === 0, 'both jobs done')
    } finally {
      await stopWorker()
    }
    assert.deepEqual((await deliveriesOf(heard)).map((d) => d.webhook_id), [kept])
    assert.deepEqual(await deliveriesOf(unheard), [])
    assert.equal(await store.db.selectFrom('webhook_events').select('id').where('id', '=', unheard).executeTakeFirst(), undefined)
    assert.equal(receiver.received.length, 1)
  })

  test('a change that rolls back leaves no event, no job, and no delivery is ever made for it', async () => {
    await hooks('app-five', 2)
    const count = async (table: 'webhook_events' | 'webhook_deliveries' | 'jobs') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n)
    const before = {events: await count('webhook_events'), deliveries: await count('webhook_deliveries'), jobs: await count('jobs')}
    let published: string | undefined
    await assert.rejects(store.transaction(async (tx) => {
      published = await publish(tx, {appId: 'app-five', include: 'api:release', action: 'create', actor, data: {version: 3}})
      throw new Error('the change failed')
    }), /the change failed/)
    assert.ok(published, 'it was heard before the change failed')
    assert.deepEqual({events: await count('webhook_events'), deliveries: await count('webhook_deliveries'), jobs: await count('jobs')}, before)
    // a change that commits afterwards is delivered, and is all that is
    const committed = (await change('app-five'))!
    await startWorker()
    try {
      await receiver.arrivals(2)
      await eventually(async () => (await queue.count(WEBHOOK_EVENT_JOB)) === 0, 'the committed change\'s job done')
    } finally {
      await stopWorker()
    }
    assert.deepEqual(new Set(receiver.received.map((r) => r.body.id)), new Set([committed]))
    assert.equal(await store.db.selectFrom('webhook_deliveries').select('id').where('event_id', '=', published!).executeTakeFirst(), undefined)
    assert.equal(await count('webhook_deliveries'), before.deliveries + 2)
  })
})
