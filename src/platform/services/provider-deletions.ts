import type {Db, Tx} from '../store/database.js'
import {wakeWorkerAfterCommit} from '../jobs/wake.js'
import type {JobHandler} from '../jobs/worker.js'
import type {ServiceContext} from './context.js'

const KIND = 'provider-deletion'

interface OwedDeletion {
  service_id: string
  provider_id: string
}

// DELETEs owed to providers for resources a failed create may have left behind: background jobs
// (see ../jobs/), so they survive a restart and are sent by one instance only, retried with
// exponential backoff until the provider says gone (12 attempts, then logged and dropped).
export class ProviderDeletions implements JobHandler<OwedDeletion> {
  readonly kind = KIND
  readonly maxAttempts = 12

  constructor(private readonly ctx: ServiceContext, private readonly baseDelayMs = 1000) {}

  // Pass the transaction that removes the add-on, so the DELETE is owed exactly when it is gone
  // (and sent once that has committed).
  async enqueue(serviceId: string, providerId: string, db: Db | Tx = this.ctx.store.db): Promise<void> {
    await this.ctx.jobs.enqueue(KIND, {service_id: serviceId, provider_id: providerId} satisfies OwedDeletion, db)
    wakeWorkerAfterCommit(db)
  }

  async run(job: OwedDeletion): Promise<void> {
    const service = this.ctx.catalog.listServices().find((s) => s.row.id === job.service_id)
    if (service) await this.ctx.provider.deprovision(service.manifest, job.provider_id, 1)
  }

  backoffMs(attempts: number): number {
    return this.baseDelayMs * 2 ** Math.min(attempts, 10)
  }

  givenUp(job: OwedDeletion, error: Error): void {
    const service = this.ctx.catalog.listServices().find((s) => s.row.id === job.service_id)
    this.ctx.log(`giving up deprovisioning ${job.provider_id} at ${service?.row.name}: ${error.message}`)
  }

  pending(): Promise<number> {
    return this.ctx.jobs.count(KIND)
  }
}
