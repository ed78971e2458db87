import type {Job, JobQueue} from './queue.js'

// What to do with one kind of job. Throwing means "failed this time": the job is tried again after
// `backoffMs(attempts)` until `maxAttempts`, then `givenUp` is told and the job dropped.
// A recurring handler (`everyMs`) has one job row for all instances, run again every `everyMs`.
export interface JobHandler<P = any> {
  kind: string
  run(payload: P, job: Job<P>): Promise<void>
  everyMs?: number
  maxAttempts?: number
  backoffMs?(attempts: number): number
  givenUp?(payload: P, error: Error): Promise<void> | void
}

export interface WorkerOptions {
  owner: string
  // how long a claim holds: longer than any one job may take (a provider call: 25 s)
  leaseMs?: number
  intervalMs?: number
  batch?: number
  log(line: string): void
}

// Polls the queue for due jobs of the kinds it has handlers for, runs them, and reports back.
// One pass at a time per instance; `kick()` runs a pass now (after enqueueing work that is due).
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>()
  private timer?: NodeJS.Timeout
  private running?: Promise<void>
  private again = false

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
    const batch = this.options.batch ?? 20
    for (;;) {
      const jobs = await this.queue.claim(this.options.owner, [...this.handlers.keys()], batch, this.options.leaseMs ?? 60_000)
      await Promise.all(jobs.map((job) => this.runOne(job)))
      if (jobs.length < batch) return
    }
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!
    const owner = this.options.owner
    try {
      await handler.run(job.payload, job)
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
