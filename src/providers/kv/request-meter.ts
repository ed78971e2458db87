import {randomUUID} from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import {OneWarning} from '../builtin/metrics/one-warning.js'
import {PlatformCallError, type PlatformClient} from '../kit/platform-client.js'

export const USAGE_INTERVAL_ENV = 'ADDONKIT_USAGE_INTERVAL_MS'
const DEFAULT_INTERVAL_MS = 60_000
const SHORTEST_MS = 100

// How often kv reports its pay-as-you-go resources' requests: ADDONKIT_USAGE_INTERVAL_MS, else once a
// minute; 0 reports only when a resource changes plan or goes. Anything else is refused by name.
export function usageIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[USAGE_INTERVAL_ENV]?.trim()
  if (text === undefined || text === '') return DEFAULT_INTERVAL_MS
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (Number.isInteger(value) && (value === 0 || value >= SHORTEST_MS)) return value
  throw new Error(`${USAGE_INTERVAL_ENV} ("${text}") must be a whole number of milliseconds, ${SHORTEST_MS} or more (or 0)`)
}

const monthNow = () => new Date().toISOString().slice(0, 7)

export interface RequestMeterOptions {
  // the resource's plan is metered now (pay-as-you-go): its requests are reported
  isMetered(resource: string): Promise<boolean>
  // the resource's client for the platform, once its grant was exchanged
  platform(resource: string): Promise<PlatformClient | undefined>
  warn(message: string): void
  intervalMs: number
}

/**
 * kv's requests, per resource: counted in memory as they are served (no write per request), then at
 * every tick added to the month's count (the dashboard's figure) and, for resources on the
 * pay-as-you-go plan, put in an outbox as one usage report with an id of its own, which is sent to the
 * platform (`POST /addons/{id}/usage`, the `requests` meter) until it is taken. A platform away keeps
 * reports waiting (one warning); a report the platform refuses (the add-on gone, its plan changed) is
 * dropped with a warning.
 */
export class RequestMeter {
  private counted = new Map<string, number>()
  private timer?: NodeJS.Timeout
  private flushing: Promise<void> = Promise.resolve()
  private readonly warnings: OneWarning

  constructor(private readonly db: () => Promise<BetterSqlite3.Database>, private readonly options: RequestMeterOptions) {
    this.warnings = new OneWarning(options.warn)
  }

  count(resource: string): void {
    this.counted.set(resource, (this.counted.get(resource) ?? 0) + 1)
  }

  // This month's requests of a resource, those not yet written down included.
  async thisMonth(resource: string): Promise<number> {
    const db = await this.db()
    const row = db.prepare<[string, string], {requests: number}>('SELECT requests FROM request_months WHERE resource = ? AND month = ?').get(resource, monthNow())
    return (row?.requests ?? 0) + (this.counted.get(resource) ?? 0)
  }

  start(): void {
    if (this.options.intervalMs === 0 || this.timer) return
    this.timer = setInterval(() => void this.flush().catch((error: Error) => this.options.warn(`kv: usage reports: ${error.message}`)), this.options.intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.flushing
  }

  // Writes down what was counted and sends what waits; `only`: one resource (before it changes plan
  // or goes, so its requests count on the plan they were made on). One flush at a time.
  flush(only?: string): Promise<void> {
    const next = this.flushing.then(() => this.flushNow(only))
    this.flushing = next.catch(() => {})
    return next
  }

  // A resource that is gone: its counts go with it.
  async forget(resource: string): Promise<void> {
    this.counted.delete(resource)
    const db = await this.db()
    db.prepare('DELETE FROM request_months WHERE resource = ?').run(resource)
    db.prepare('DELETE FROM usage_outbox WHERE resource = ?').run(resource)
  }

  private async flushNow(only: string | undefined): Promise<void> {
    const db = await this.db()
    const taken = [...this.counted].filter(([resource, n]) => n > 0 && (only === undefined || resource === only))
    const metered = new Set<string>()
    for (const [resource] of taken) if (await this.options.isMetered(resource)) metered.add(resource)
    const addMonth = db.prepare<[string, string, number]>(
      'INSERT INTO request_months (resource, month, requests) VALUES (?, ?, ?) ON CONFLICT (resource, month) DO UPDATE SET requests = requests + excluded.requests',
    )
    const queue = db.prepare<[string, string, number, string]>('INSERT INTO usage_outbox (id, resource, requests, created_at) VALUES (?, ?, ?, ?)')
    db.transaction(() => {
      for (const [resource, requests] of taken) {
        addMonth.run(resource, monthNow(), requests)
        if (metered.has(resource)) queue.run(randomUUID(), resource, requests, new Date().toISOString())
        this.counted.delete(resource)
      }
    })()
    const waiting = only === undefined
      ? db.prepare<[], {id: string; resource: string; requests: number}>('SELECT id, resource, requests FROM usage_outbox ORDER BY created_at').all()
      : db.prepare<[string], {id: string; resource: string; requests: number}>('SELECT id, resource, requests FROM usage_outbox WHERE resource = ? ORDER BY created_at').all(only)
    // the platform away: the rest wait for the next tick too
    for (const report of waiting) if (!(await this.send(db, report))) return
  }

  // false when the platform could not be reached (or failed): the report stays for the next try
  private async send(db: BetterSqlite3.Database, report: {id: string; resource: string; requests: number}): Promise<boolean> {
    const sent = () => db.prepare('DELETE FROM usage_outbox WHERE id = ?').run(report.id)
    const platform = await this.options.platform(report.resource)
    if (!platform) {
      sent()
      this.options.warn(`kv: ${report.requests} requests of ${report.resource} not reported: it has no partner token`)
      return true
    }
    try {
      await platform.reportUsage(report.id, {requests: report.requests})
      sent()
      this.warnings.cleared('platform')
      return true
    } catch (error) {
      const status = error instanceof PlatformCallError ? error.status : 0
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        sent()
        this.options.warn(`kv: ${report.requests} requests of ${report.resource} not reported, the platform refused them: ${(error as Error).message}`)
        return true
      }
      this.warnings.trouble('platform', `kv: usage reports wait until the platform takes them: ${(error as Error).message}`)
      return false
    }
  }
}
