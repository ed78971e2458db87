import {recordPlanEnd} from '../billing/plan-periods.js'
import {removeAddonDrains} from '../logs/drains/drain-rows.js'
import {addonLine} from '../logs/platform-lines.js'
import type {Tx} from '../store/database.js'
import type {AddonRow, AppRow} from '../store/schema.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {addonNotFound, invalid} from './errors.js'
import {findAddon, findApp} from './lookup.js'
import type {PartnerAuth} from './partner-auth.js'
import {fromProviderError} from './provider-errors.js'
import {cutRelease} from './releases.js'
import {appOwner, publishAddon, publishAttachment} from '../webhooks/entities.js'
import type {WebhookActor} from '../../wire/webhooks.js'
import {removeSubscriberWebhooks} from '../webhooks/rows.js'

// Destroying an add-on: the provider DELETE comes first (retried with backoff); only when it
// succeeded are the attachments, their vars and the add-on removed, in one transaction, so a
// provider failure leaves everything as it was.
export class Deprovisioning {
  constructor(private readonly ctx: ServiceContext, private readonly partnerAuth: PartnerAuth) {}

  async destroy(actor: Actor, appRef: string | undefined, addonRef: string, force: boolean): Promise<AddonRow> {
    const db = this.ctx.store.db
    const addon = await findAddon(db, actor, addonRef)
    if (appRef !== undefined) {
      const app = await findApp(db, actor, appRef)
      if (addon.app_id !== app.id) throw addonNotFound()
    }
    if (!force) {
      const others = await db.selectFrom('attachments').innerJoin('apps', 'apps.id', 'attachments.app_id')
        .select('apps.name').distinct().where('attachments.addon_id', '=', addon.id).where('attachments.app_id', '!=', addon.app_id).execute()
      if (others.length > 0) {
        throw invalid(`${addon.name} is attached to other apps (${others.map((o) => o.name).sort().join(', ')}); detach it there first or use --force.`)
      }
    }
    return this.deprovision(actor, addon)
  }

  async destroyOwned(actor: Actor, app: AppRow): Promise<void> {
    const owned = await this.ctx.store.db.selectFrom('addons').selectAll().where('app_id', '=', app.id).where('state', '!=', 'pending').execute()
    for (const addon of owned) await this.deprovision(actor, addon)
  }

  private async deprovision(actor: Actor, addon: AddonRow): Promise<AddonRow> {
    const service = this.ctx.catalog.service(addon.service_id)
    let outcome: 'done' | 'async' = 'done'
    if (addon.provider_id !== null && addon.state !== 'deprovisioning') {
      try {
        outcome = await this.ctx.provider.deprovision(service.manifest, addon.provider_id)
      } catch (error) {
        throw fromProviderError(error)
      }
    }
    return this.ctx.store.transaction(async (tx) => {
      // billed until the customer asked for it gone, also when the provider finishes later
      await recordPlanEnd(this.ctx, tx, addon.id)
      await detachEverywhere(this.ctx, tx, addon, actor)
      const plan = this.ctx.catalog.plan(addon.plan_id)
      await this.ctx.logs.append(addon.app_id, [addonLine(outcome === 'async' ? 'Deprovisioning' : 'Destroy', addon.name, plan.name, actor.email, null)], tx)
      if (outcome === 'async') {
        const updated_at = now()
        await tx.updateTable('addons').set({state: 'deprovisioning', updated_at}).where('id', '=', addon.id).execute()
        await publishAddon(this.ctx, tx, 'update', actor, {...addon, state: 'deprovisioning', updated_at}, addon)
        return {...addon, state: 'deprovisioning' as const}
      }
      await removeAddon(tx, this.partnerAuth, addon.id)
      await publishAddon(this.ctx, tx, 'destroy', actor, {...addon, state: 'deprovisioned'})
      return {...addon, state: 'deprovisioned' as const}
    })
  }
}

// Removes every attachment of an add-on, each heard as an attachment destroyed (while the add-on still
// exists: the event shows it), cutting one release per app whose vars changed.
async function detachEverywhere(ctx: ServiceContext, tx: Tx, addon: AddonRow, actor: WebhookActor): Promise<void> {
  const attachments = await tx.selectFrom('attachments').selectAll().where('addon_id', '=', addon.id).orderBy('name').execute()
  if (attachments.length === 0) return
  for (const attachment of attachments) await publishAttachment(ctx, tx, 'destroy', actor, attachment)
  await tx.deleteFrom('attachments').where('addon_id', '=', addon.id).execute()
  const hadConfig = addon.config !== '{}'
  const byApp = new Map<string, string[]>()
  for (const a of attachments) byApp.set(a.app_id, [...(byApp.get(a.app_id) ?? []), a.name])
  if (!hadConfig) return
  for (const [appId, aliases] of byApp) await cutRelease(tx, ctx.logs, appId, actor, `Detach ${aliases.join(', ')} (@ref:${addon.name})`)
}

// An add-on gone on the provider's word or past its deadline: detached from every app (with a release
// where it had set vars), removed with its tokens, and heard as destroyed; the owner counts as the actor.
export async function removeEverywhere(ctx: ServiceContext, tx: Tx, partnerAuth: PartnerAuth, addon: AddonRow): Promise<void> {
  const owner = await appOwner(tx, addon.app_id)
  await detachEverywhere(ctx, tx, addon, owner)
  // no request here (the provider's word, a deadline): the system clock; a period already ended stays
  await recordPlanEnd({}, tx, addon.id)
  await removeAddon(tx, partnerAuth, addon.id)
  await publishAddon(ctx, tx, 'destroy', owner, {...addon, state: 'deprovisioned'})
}

async function removeAddon(tx: Tx, partnerAuth: PartnerAuth, addonId: string): Promise<void> {
  await partnerAuth.revokeAll(tx, addonId)
  await tx.deleteFrom('attachments').where('addon_id', '=', addonId).execute()
  await removeAddonDrains(tx, addonId)
  await removeSubscriberWebhooks(tx, {addonId})
  await tx.deleteFrom('addons').where('id', '=', addonId).execute()
}
