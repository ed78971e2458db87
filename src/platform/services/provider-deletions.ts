import {randomUUID} from 'node:crypto'
import type {ServiceContext} from './context.js'

const MAX_ATTEMPTS = 12

// DELETEs owed to providers for resources a failed create may have left behind. Kept in the
// database so they survive a restart; retried with exponential backoff until the provider says gone.
export class ProviderDeletions {
  private timer?: NodeJS.Timeout
  private running?: Promise<void>

  constructor(private readonly ctx: ServiceContext, private readonly baseDelayMs = 1000) {}

  async enqueue(serviceId: string, providerId: string): Promise<void> {
    await this.ctx.store.db.insertInto('provider_deletions')
      .values({id: randomUUID(), service_id: serviceId, provider_id: providerId, attempts: 0, next_attempt_at: new Date().toISOString()})
      .execute()
    this.kick()
  }

  start(intervalMs = 5000): void {
    this.timer = setInterval(() => this.kick(), intervalMs)
    this.timer.unref()
    this.kick()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  // Runs the due deletions now (one pass at a time).
  kick(): Promise<void> {
    if (!this.running) {
      this.running = this.runDue().catch((error) => this.ctx.log(`provider deletions: ${(error as Error).message}`)).finally(() => {
        this.running = undefined
      })
    }
    return this.running
  }

  pending(): Promise<number> {
    return this.ctx.store.db.selectFrom('provider_deletions').select('id').execute().then((rows) => rows.length)
  }

  private async runDue(): Promise<void> {
    const db = this.ctx.store.db
    const due = await db.selectFrom('provider_deletions').selectAll().where('next_attempt_at', '<=', new Date().toISOString()).execute()
    for (const job of due) {
      const service = this.ctx.catalog.listServices().find((s) => s.row.id === job.service_id)
      try {
        if (service) await this.ctx.provider.deprovision(service.manifest, job.provider_id, 1)
        await db.deleteFrom('provider_deletions').where('id', '=', job.id).execute()
      } catch (error) {
        const attempts = job.attempts + 1
        if (attempts >= MAX_ATTEMPTS) {
          this.ctx.log(`giving up deprovisioning ${job.provider_id} at ${service?.row.name}: ${(error as Error).message}`)
          await db.deleteFrom('provider_deletions').where('id', '=', job.id).execute()
          continue
        }
        const next = new Date(Date.now() + this.baseDelayMs * 2 ** Math.min(attempts, 10)).toISOString()
        await db.updateTable('provider_deletions').set({attempts, next_attempt_at: next}).where('id', '=', job.id).execute()
      }
    }
  }
}
