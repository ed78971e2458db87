import {randomUUID} from 'node:crypto'
import type {Db, Store, Tx} from '../store/database.js'
import type {JobRow} from '../store/schema.js'

// Background work kept in the store, so any instance may do it and none does it twice: a job is
// claimed by one instance until `claimed_until`; if that instance dies the claim runs out and
// another takes the job. Claiming is one UPDATE over the due rows: PostgreSQL skips rows another
// instance is claiming (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time, so the same
// statement is atomic there. The queue knows nothing of what a job does (see worker.ts).
export interface Job<P = unknown> {
  id: string
  kind: string
  key: string | null
  payload: P
  attempts: number
}

export class JobQueue {
  constructor(private readonly store: Store) {}

  // Inside the caller's transaction when given one (the outbox pattern: the job exists exactly
  // when the change that asked for it does).
  async enqueue(kind: string, payload: unknown, db: Db | Tx = this.store.db): Promise<string> {
    return insertJob(db, kind, payload)
  }

  // One job per key, however often it is asked for (a drain's delivery: every write asks). Asked
  // for while it runs, it runs once more when it ends, so work that came in meanwhile is not left
  // waiting; asked for while it waits for a retry, it still waits (the back-off holds).
  async enqueueKeyed(kind: string, key: string, payload: unknown, db: Db | Tx = this.store.db): Promise<void> {
    const at = new Date().toISOString()
    await db.insertInto('jobs')
      .values({id: randomUUID(), kind, key, payload: JSON.stringify(payload), attempts: 0, run_at: at, claimed_by: null, claimed_until: null, rerun: 0, created_at: at})
      .onConflict((oc) => oc.column('key').doUpdateSet({rerun: 1}).where('jobs.claimed_by', 'is not', null))
      .execute()
  }

  // A recurring job: one row per key whatever the number of instances; the worker reschedules it.
  async ensureRecurring(kind: string, firstRunAt = new Date()): Promise<void> {
    const at = new Date().toISOString()
    await this.store.db.insertInto('jobs')
      .values({id: randomUUID(), kind, key: kind, payload: '{}', attempts: 0, run_at: firstRunAt.toISOString(), claimed_by: null, claimed_until: null, rerun: 0, created_at: at})
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
  }

  // Claims up to `limit` due jobs of the given kinds for `owner` until now + leaseMs.
  async claim(owner: string, kinds: string[], limit: number, leaseMs: number, nowMs = Date.now()): Promise<Job[]> {
    if (kinds.length === 0) return []
    const now = new Date(nowMs).toISOString()
    const until = new Date(nowMs + leaseMs).toISOString()
    const db = this.store.db
    let due = db.selectFrom('jobs').select('id')
      .where('kind', 'in', kinds)
      .where('run_at', '<=', now)
      // a claim also ends with its instance: one killed (kill -9) is reaped as soon as it is known gone
      // (instances.ts), and its jobs are taken at once instead of when the claim would have run out
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now), eb('claimed_by', 'not in', eb.selectFrom('instances').select('id'))]))
      .orderBy('run_at')
      .limit(limit)
    if (this.store.dialect === 'postgres') due = due.forUpdate().skipLocked()
    const rows = await db.updateTable('jobs')
      .set({claimed_by: owner, claimed_until: until})
      .where('id', 'in', due)
      .returningAll()
      .execute()
    return rows.map(toJob)
  }

  // Done: a one-off job goes; a recurring one waits for its next run; a keyed one asked for again
  // while it ran is due again at once.
  async complete(job: Job, owner: string, nextRunAt?: Date): Promise<void> {
    const db = this.store.db
    if (job.key !== null && nextRunAt) {
      await db.updateTable('jobs')
        .set({run_at: nextRunAt.toISOString(), attempts: 0, claimed_by: null, claimed_until: null, rerun: 0})
        .where('id', '=', job.id).where('claimed_by', '=', owner)
        .execute()
      return
    }
    const {numDeletedRows} = await db.deleteFrom('jobs').where('id', '=', job.id).where('claimed_by', '=', owner).where('rerun', '=', 0).executeTakeFirst()
    if (numDeletedRows === 0n && job.key !== null) {
      await db.updateTable('jobs')
        .set({run_at: new Date().toISOString(), attempts: 0, claimed_by: null, claimed_until: null, rerun: 0})
        .where('id', '=', job.id).where('claimed_by', '=', owner)
        .execute()
    }
  }

  // Several one-off jobs done at once (an event's deliveries), in one statement, in the caller's
  // transaction when given one; a job whose claim was lost meanwhile stays for its new owner.
  async completeMany(jobs: Job[], owner: string, db: Db | Tx = this.store.db): Promise<void> {
    for (let i = 0; i < jobs.length; i += 500) {
      await db.deleteFrom('jobs').where('id', 'in', jobs.slice(i, i + 500).map((job) => job.id)).where('claimed_by', '=', owner).execute()
    }
  }

  // Failed this time: try again at `runAt`, counting the attempt.
  async retry(job: Job, owner: string, runAt: Date, db: Db | Tx = this.store.db): Promise<void> {
    await db.updateTable('jobs')
      .set({attempts: job.attempts + 1, run_at: runAt.toISOString(), claimed_by: null, claimed_until: null, rerun: 0})
      .where('id', '=', job.id).where('claimed_by', '=', owner)
      .execute()
  }

  async count(kind: string): Promise<number> {
    const row = await this.store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number | string>().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

// One job, due now, in the given transaction (the outbox: it exists exactly when the change does).
export async function insertJob(db: Db | Tx, kind: string, payload: unknown): Promise<string> {
  return (await insertJobs(db, kind, [payload]))[0]
}

// Several jobs of a kind in one statement, due now.
export async function insertJobs(db: Db | Tx, kind: string, payloads: unknown[]): Promise<string[]> {
  return insertScheduledJobs(db, kind, payloads.map((payload) => ({payload})))
}

export interface NewJob {
  payload: unknown
  // default: now
  runAt?: Date
  // attempts already made (a webhook delivery's retry, handed on from the event's job)
  attempts?: number
}

// Several jobs of a kind in one statement, each due when it says.
export async function insertScheduledJobs(db: Db | Tx, kind: string, jobs: NewJob[]): Promise<string[]> {
  if (jobs.length === 0) return []
  const at = new Date()
  const rows = jobs.map((job) => jobRow(kind, job, at))
  // 10 values a row: well under SQLite's limit of bound values per statement
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('jobs').values(rows.slice(i, i + 1000)).execute()
  return rows.map((row) => row.id)
}

// A new job's row, for a caller that writes it together with other rows in one statement.
export function jobRow(kind: string, {payload, runAt, attempts}: NewJob, at = new Date()): JobRow {
  const now = at.toISOString()
  return {id: randomUUID(), kind, key: null, payload: JSON.stringify(payload), attempts: attempts ?? 0, run_at: runAt?.toISOString() ?? now, claimed_by: null, claimed_until: null, rerun: 0, created_at: now}
}

function toJob(row: JobRow): Job {
  return {id: row.id, kind: row.kind, key: row.key, payload: JSON.parse(row.payload), attempts: row.attempts}
}
