import type {JobHandler} from '../jobs/worker.js'
import type {ServiceContext} from './context.js'
import {removeEverywhere} from './deprovisioning.js'
import type {PartnerAuth} from './partner-auth.js'
import type {ProviderDeletions} from './provider-deletions.js'

// Heroku gives an asynchronous provision 12 hours: a provider that has neither finished
// (actions/provision) nor given up (actions/deprovision) by then has failed. The add-on and its
// attachments go, as when the provider gives up, and the provider is owed a DELETE for whatever it
// built (ProviderDeletions retries it until the provider says it is gone).
export const ASYNC_PROVISIONING_DEADLINE_MS = 12 * 60 * 60 * 1000

// A recurring background job: one instance checks, every minute.
export class ProvisioningDeadline implements JobHandler {
  readonly kind = 'provisioning-deadline'
  readonly everyMs = 60_000

  constructor(
    private readonly ctx: ServiceContext,
    private readonly partnerAuth: PartnerAuth,
    private readonly deletions: ProviderDeletions,
    private readonly deadlineMs = ASYNC_PROVISIONING_DEADLINE_MS,
  ) {}

  // Fails every add-on still provisioning past the deadline; returns their names.
  async expire(nowMs = Date.now()): Promise<string[]> {
    const cutoff = new Date(nowMs - this.deadlineMs).toISOString()
    const late = await this.ctx.store.db.selectFrom('addons').selectAll().where('state', '=', 'provisioning').where('created_at', '<', cutoff).execute()
    const expired: string[] = []
    for (const candidate of late) {
      const removed = await this.ctx.store.transaction(async (tx) => {
        // read again inside the transaction: the provider may have finished in the meantime
        const addon = await tx.selectFrom('addons').selectAll().where('id', '=', candidate.id).where('state', '=', 'provisioning').executeTakeFirst()
        if (!addon) return undefined
        await removeEverywhere(this.ctx, tx, this.partnerAuth, addon)
        await this.deletions.enqueue(addon.service_id, addon.provider_id ?? addon.id, tx)
        return addon
      })
      if (!removed) continue
      this.ctx.log(`${removed.name} was still provisioning after ${this.deadlineMs / 3_600_000} h: removed, and the provider asked to delete it`)
      expired.push(removed.name)
    }
    return expired
  }

  async run(): Promise<void> {
    await this.expire()
  }
}
