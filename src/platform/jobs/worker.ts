import type {Db, Tx} from '../store/database.js'
import type {Job, JobQueue} from './queue.js'

// What to do with one kind of job. Throwing means "failed this time": the job is tried again after
// `backoffMs(attempts)` until `maxAttempts`, then `givenUp` is told and the job dropped.
// A recurring handler (`everyMs`) has one job row for all instances, run again every `everyMs`.
export interface JobHandler<P = any> {
  kind: string
  run?(payload: P, job: Job<P>): Promise<void>
  // Instead of `run`: the jobs of one claim together (an event's deliveries), so that their
  // bookkeeping takes a few statements instead of a few per job. The handler says which jobs are
  // done or due again through `settle` (in its own transaction, if it likes); a job still unsettled
  // when the returned promise ends is tried again after `backoffMs`. One-off (unkeyed) jobs only.
  runBatch?(jobs: Job<P>[], settle: JobSettlement): Promise<void>
  everyMs?: number
  maxAttempts?: number
  backoffMs?(attempts: number): number
  givenUp?(payload: P, error: Error): Promise<void> | void
  // releases what the handler holds (a thread) once the worker has stopped and its jobs have ended
  close?(): Promise<void>
}

// A handler known to take its jobs one at a time (what a test runs by hand).
export type SingleJobHandler<P = any> = JobHandler<P> & Required<Pick<JobHandler<P>, 'run'>>

export interface JobSettlement {
  complete(jobs: Job[], db?: Db | Tx): Promise<void>
  retry(job: Job, runAt: Date, db?: Db | Tx): Promise<void>
}

export interface WorkerOptions {
  owner: string
  // how long a claim holds: longer than any one job may take (a provider call: 25 s)
  leaseMs?: number
  intervalMs?: number
  batch?: number
  // jobs running at once on this instance
  concurrency?: number
  // waits, before each claim, for a moment when this instance answers no API request (bounded:
  // jobs/foreground.ts), so a burst of requests is served before background work
  whenIdle?(): Promise<void>
  log(line: string): void
}

// Polls the queue for due jobs of the kinds it has handlers for, runs them, and reports back.
// One claiming pass at a time per instance; `kick()` runs a pass now (wake.ts calls it once work
// that is due has been committed). Jobs run side by side, up to `concurrency`: a pass does not wait
// for the jobs it started, so a slow one (a drain that answers in 5 s) never holds up the others.
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>()
  private readonly inFlight = new Set<Promise<void>>()
  // jobs being run (a batch is one promise in inFlight, several jobs here)
  private busy = 0
  // jobs of batches that their handler has settled (see runBatch)
  private readonly settled = new Set<string>()
  private readonly settlement: JobSettlement = {
    complete: async (jobs, db) => {
      await this.queue.completeMany(jobs, this.options.owner, db)
      for (const job of jobs) this.settled.add(job.id)
    },
    retry: async (job, runAt, db) => {
      await this.queue.retry(job, this.options.owner, runAt, db)
      this.settled.add(job.id)
    },
  }
  private timer?: NodeJS.Timeout
  private running?: Promise<void>
  private again = false
  // the last claim filled all the room it had: more jobs may be due
  private maybeMore = false

  constructor(private readonly queue: JobQueue, private readonly options: WorkerOptions) {}

  register(handler: JobHandler): void {
    this.handlers.set(handler.kind, handler)
  }

  async start(intervalMs = this.options.intervalMs ?? 1000): Promise<void> {
    for (const handler of this.handlers.values()) if (handler.everyMs !== undefined) await this.queue.ensureRecurring(handler.kind)
    this.timer = setInterval(() => void this.kick(), intervalMs)
    this.timer.unref()
    void this.kick()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    this.again = false
    await this.running
    await Promise.all(this.inFlight)
    for (const handler of this.handlers.values()) await handler.close?.()
  }

  kick(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.drain()
      .catch((error) => this.options.log(`background jobs: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined
        if (this.again && this.timer) {
          this.again = false
          void this.kick()
        }
      })
    return this.running
  }

  private async drain(): Promise<void> {
    const concurrency = this.options.concurrency ?? 32
    for (;;) {
      const room = Math.min(this.options.batch ?? 20, concurrency - this.busy)
      if (room <= 0) return
      await this.options.whenIdle?.()
      const jobs = await this.queue.claim(this.options.owner, [...this.handlers.keys()], room, this.options.leaseMs ?? 60_000)
      const batches = new Map<string, Job[]>()
      for (const job of jobs) {
        if (this.handlers.get(job.kind)!.runBatch) batches.set(job.kind, (batches.get(job.kind) ?? []).concat(job))
        else this.track([job], this.runOne(job), job.key !== null)
      }
      for (const batch of batches.values()) this.track(batch, this.runBatch(batch), false)
      this.maybeMore = jobs.length === room
      if (jobs.length < room) return
    }
  }

  private track(jobs: Job[], running: Promise<void>, keyed: boolean): void {
    this.busy += jobs.length
    const run: Promise<void> = running
      .catch((error) => this.options.log(`${jobs[0].kind}: ${(error as Error).message}`))
      .finally(() => {
        this.inFlight.delete(run)
        this.busy -= jobs.length
        // look again only when there may be something to find: the last pass had no room for
        // every due job, or this was a keyed job, which may be due again at once (a drain asked
        // for while it ran); new work wakes the worker itself, so ten deliveries of one event
        // finishing cost no ten empty claims
        if (this.timer && (this.maybeMore || keyed)) void this.kick()
      })
    this.inFlight.add(run)
  }

  private async runBatch(jobs: Job[]): Promise<void> {
    const handler = this.handlers.get(jobs[0].kind)!
    let failure: Error | undefined
    try {
      await handler.runBatch!(jobs, this.settlement)
    } catch (error) {
      failure = error as Error
    }
    const unsettled = jobs.filter((job) => !this.settled.delete(job.id))
    if (failure) this.options.log(`${jobs[0].kind}: ${failure.message}`)
    for (const job of unsettled) {
      const attempts = job.attempts + 1
      const delay = handler.backoffMs?.(attempts) ?? 1000 * 2 ** Math.min(attempts, 10)
      await this.queue.retry(job, this.options.owner, new Date(Date.now() + delay))
    }
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!
    const owner = this.options.owner
    try {
      await handler.run!(job.payload, job)
      await this.queue.complete(job, owner, handler.everyMs === undefined ? undefined : new Date(Date.now() + handler.everyMs))
    } catch (error) {
      const attempts = job.attempts + 1
      if (handler.everyMs !== undefined) {
        this.options.log(`${job.kind}: ${(error as Error).message}`)
        await this.queue.complete(job, owner, new Date(Date.now() + handler.everyMs))
      } else if (attempts >= (handler.maxAttempts ?? Infinity)) {
        await handler.givenUp?.(job.payload, error as Error)
        await this.queue.complete(job, owner)
      } else {
        const delay = handler.backoffMs?.(attempts) ?? 1000 * 2 ** Math.min(attempts, 10)
        await this.queue.retry(job, owner, new Date(Date.now() + delay))
      }
    }
  }
}
