import type {PartnerAccess} from '../../kit/partner-access.js'
import {PlatformCallError} from '../../kit/platform-client.js'
import {resourceLogger, type ResourceLogger} from '../../kit/resource-logger.js'
import type {ProviderResource} from '../../kit/resource-store.js'
import {attachmentLogUrls} from './attachment-log-urls.js'
import {OneWarning} from './one-warning.js'

// What a resource must keep for its metrics: the owning app's log_input_url from the provision.
export interface MetricsData {
  logInputUrl?: string
}

export interface MetricsReporterOptions<Data extends MetricsData> {
  // names the service in frames (HOSTNAME) and in warnings
  service: string
  intervalMs: number
  resources(): Promise<ProviderResource<Data>[]>
  // the metrics line of one resource, read from its server now
  sample(resource: ProviderResource<Data>): Promise<string>
  // the add-ons' partner tokens: each one's client for the platform
  partner: PartnerAccess
  warn(message: string): void
}

// the line's process, as `heroku logs` shows it: `my-redis[metrics]: source=REDIS …`
const PROCESS = 'metrics'

/**
 * Every interval, one metrics line per resource to each app its add-on is attached to: the apps are
 * the add-on's attachments as the Platform API lists them (partner token), or the owning app alone
 * when the add-on has no token. Ticks never overlap and never throw; trouble (the platform away, a
 * server down) is one warning until it clears.
 */
export class MetricsReporter<Data extends MetricsData> {
  private readonly loggers = new Map<string, ResourceLogger>()
  private readonly warnings: OneWarning
  private readonly gone = new Set<string>()
  private timer?: NodeJS.Timeout
  private running?: Promise<void>
  private started = false
  // after stop(): no more rounds, and a round under way writes nothing more
  private stopped = false
  // what the loggers reported during the current tick (they retry, then drop and say so)
  private undelivered: string[] = []
  // why the partner API last did not answer
  private platformProblem = ''

  constructor(private readonly options: MetricsReporterOptions<Data>) {
    this.warnings = new OneWarning(options.warn)
  }

  start(): void {
    if (this.options.intervalMs <= 0 || this.started || this.stopped) return
    this.started = true
    this.schedule()
  }

  // Waits for a tick under way, then sends what the loggers still hold.
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
    await Promise.all([...this.loggers.values()].map((logger) => logger.close()))
    this.loggers.clear()
  }

  // A deprovisioned resource: no more lines, even from a tick under way.
  async forget(id: string): Promise<void> {
    this.gone.add(id)
    await this.options.partner.forget(id)
  }

  // One round now (tests; the timer calls it too).
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), this.options.intervalMs)
    // the loop never keeps a process alive on its own
    this.timer.unref()
  }

  private async round(): Promise<void> {
    const {service} = this.options
    this.undelivered = []
    let platformTrouble = false
    const used = new Set<string>()
    let resources: ProviderResource<Data>[] = []
    try {
      resources = await this.options.resources()
    } catch (error) {
      this.warnings.trouble('resources', `${service} metrics: the resources could not be read (${(error as Error).message})`)
      return
    }
    for (const resource of resources) {
      if (this.stopped) break
      if (this.gone.has(resource.id) || resource.provisioning) continue
      const {urls, reached} = await this.targets(resource)
      if (!reached) platformTrouble = true
      if (urls.length === 0) continue
      for (const url of urls) used.add(url)
      let line: string
      try {
        line = await this.options.sample(resource)
        this.warnings.cleared(`sample:${resource.id}`)
      } catch (error) {
        this.warnings.trouble(`sample:${resource.id}`, `${service} metrics for ${resource.name ?? resource.id} could not be read (${(error as Error).message}); trying again each interval`)
        continue
      }
      if (this.stopped) break
      if (this.gone.has(resource.id)) continue
      for (const url of urls) this.logger(url).log(PROCESS, line)
    }
    await Promise.all([...used].map((url) => this.loggers.get(url)?.flush()))
    // apps the add-on left, add-ons deprovisioned: their loggers go
    for (const [url, logger] of this.loggers) {
      if (used.has(url)) continue
      this.loggers.delete(url)
      await logger.close()
    }
    // the partner API's error is the shorter one when both failed
    const why = platformTrouble ? this.platformProblem : this.undelivered[0]
    // the platform away fails both the attachment lookups and the deliveries: one warning for both
    if (why !== undefined) this.warnings.trouble('platform', `${service} metrics lines could not reach the platform (${why}); they are skipped, without further warnings, until it answers again`)
    else this.warnings.cleared('platform')
  }

  // The log_input_urls of a resource's apps, and whether the platform answered the question.
  private async targets(resource: ProviderResource<Data>): Promise<{urls: string[]; reached: boolean}> {
    const owner = resource.data.logInputUrl ? [resource.data.logInputUrl] : []
    let platform
    try {
      platform = await this.options.partner.client(resource.id)
    } catch (error) {
      return this.partnerTrouble(resource, error as Error, owner)
    }
    if (!platform) return {urls: owner, reached: true}
    try {
      const urls = await attachmentLogUrls(platform)
      this.warnings.cleared(`partner:${resource.id}`)
      return {urls, reached: true}
    } catch (error) {
      return this.partnerTrouble(resource, error as Error, owner)
    }
  }

  // The platform refused (a token it no longer knows) or did not answer: the owning app still gets
  // its line when its URL is known.
  private partnerTrouble(resource: ProviderResource<Data>, error: Error & {response?: {statusCode?: number}}, owner: string[]): {urls: string[]; reached: boolean} {
    // a read's refusal is a PlatformCallError (0: no answer); a refused token refresh, got's own error
    const status = error instanceof PlatformCallError ? error.status : error.response?.statusCode
    if (status !== undefined && status > 0 && status < 500) {
      this.warnings.trouble(`partner:${resource.id}`, `${this.options.service} metrics for ${resource.name ?? resource.id}: the platform refused its partner token (${status}); the lines go to the owning app only`)
      return {urls: owner, reached: true}
    }
    this.platformProblem = error.message
    return {urls: owner, reached: false}
  }

  private logger(url: string): ResourceLogger {
    let logger = this.loggers.get(url)
    if (!logger) {
      logger = resourceLogger(url, {
        host: this.options.service,
        userAgent: `addonkit ${this.options.service} (built-in add-on; Node/${process.versions.node})`,
        // one tick's line is sent at once, not a second later
        flushIntervalMs: 0,
        tries: 2,
        retryDelayMs: 200,
        warn: (message) => this.undelivered.push(message),
        // a line on its way to an app the add-on was just detached from: the next round's
        // attachments no longer list it; nothing is wrong with the platform
        refused: () => {},
      })
      this.loggers.set(url, logger)
    }
    return logger
  }
}
