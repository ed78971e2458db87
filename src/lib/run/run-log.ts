import {logTime} from '../../wire/logplex.js'
import type {Dyno} from '../../wire/platform-api.js'
import type {ApiClient} from '../api/client.js'

export interface RunLogOptions {
  // a line waits at most this long before it is sent
  intervalMs?: number
  // lines and bytes per request
  batchLines?: number
  batchBytes?: number
  // lines waiting while the platform is slow; more are left out (the command never waits on its log)
  maxQueued?: number
}

interface QueuedLine {
  time: string
  message: string
}

// Heroku runs `heroku run` commands itself and has no place for a local command's output: a
// one-off dyno created there would run the command a second time, on Heroku.
export function isHerokuApi(url: string): boolean {
  const host = new URL(url).hostname
  return host === 'heroku.com' || host.endsWith('.heroku.com')
}

// What `addonkit run` prints, sent to the app's log as `app[run.N]` while the command runs: the
// platform names the run (POST /apps/{app}/dynos), then takes its lines in batches, in order, one
// request at a time, in the background. A platform that cannot be reached costs one warning and
// nothing else: the command runs on, its output and exit code untouched.
export class RunLog {
  private process?: string
  private queue: QueuedLine[] = []
  private sending?: Promise<void>
  private timer?: NodeJS.Timeout
  private exitStatus?: number
  private failed = false
  private dropped = false
  private readonly abort = new AbortController()
  private readonly intervalMs: number
  private readonly batchLines: number
  private readonly batchBytes: number
  private readonly maxQueued: number

  constructor(private readonly api: ApiClient, private readonly app: string, private readonly warn: (line: string) => void, options: RunLogOptions = {}) {
    this.intervalMs = options.intervalMs ?? 100
    this.batchLines = options.batchLines ?? 200
    this.batchBytes = options.batchBytes ?? 256 * 1024
    this.maxQueued = options.maxQueued ?? 10_000
  }

  // Names the run; on failure, says so once and stays quiet from then on.
  async start(command: string): Promise<void> {
    try {
      const dyno = await this.api.post<Dyno>(`apps/${encodeURIComponent(this.app)}/dynos`, {command, type: 'run', attach: false}, {signal: this.abort.signal})
      this.process = dyno.name
    } catch (error) {
      this.fail(error)
    }
  }

  push(message: string): void {
    if (this.failed || !this.process) return
    if (this.queue.length >= this.maxQueued) {
      if (!this.dropped) this.warn(`Warning: ${this.app}'s log is falling behind this command's output; some lines are left out of it.`)
      this.dropped = true
      return
    }
    this.queue.push({time: logTime(), message})
    if (this.queue.length >= this.batchLines) this.sendNow()
    else this.timer ??= setTimeout(() => this.sendNow(), this.intervalMs)
  }

  // The command has ended: its last lines and its exit status go, waiting at most `waitMs` for them.
  async close(exitStatus: number, waitMs = 2000): Promise<void> {
    if (this.failed || !this.process) return
    this.exitStatus = exitStatus
    this.sendNow()
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))
    await Promise.race([this.sending, late])
    clearTimeout(timer)
    // whatever is still on its way is abandoned, so the CLI can exit
    this.abort.abort()
  }

  private sendNow(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.sending ??= this.pump().finally(() => (this.sending = undefined))
  }

  // One request at a time, so lines arrive in the order they were printed; what was printed while
  // a request was on its way goes in the next one.
  private async pump(): Promise<void> {
    while (!this.failed && !this.abort.signal.aborted && (this.queue.length > 0 || this.exitStatus !== undefined)) {
      const lines = this.takeBatch()
      const last = this.queue.length === 0 && this.exitStatus !== undefined
      const body = {process: this.process, lines, ...(last ? {exit_status: this.exitStatus} : {})}
      if (last) this.exitStatus = undefined
      try {
        await this.api.post(`apps/${encodeURIComponent(this.app)}/log-lines`, body, {signal: this.abort.signal})
      } catch (error) {
        this.fail(error)
      }
    }
  }

  private takeBatch(): QueuedLine[] {
    let count = 0
    let bytes = 0
    while (count < this.queue.length && count < this.batchLines) {
      bytes += Buffer.byteLength(this.queue[count].message) + 40
      if (count > 0 && bytes > this.batchBytes) break
      count++
    }
    return this.queue.splice(0, count)
  }

  private fail(error: unknown): void {
    if (this.failed || this.abort.signal.aborted) return
    this.failed = true
    this.queue = []
    clearTimeout(this.timer)
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
    this.warn(`Warning: this command's output is not reaching ${this.app}'s log (${reason}); the command runs on.`)
  }
}
