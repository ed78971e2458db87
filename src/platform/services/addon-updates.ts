import {recordPlanChange} from '../billing/plan-periods.js'
import {addonLine} from '../logs/platform-lines.js'
import {configColumns} from '../store/config-columns.js'
import type {AddonRow} from '../store/schema.js'
import {attachmentVars} from './attachment-vars.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {addonNotFound, invalid} from './errors.js'
import {findAddon, findApp} from './lookup.js'
import {ADDON_NAME_PATTERN} from './naming.js'
import {fromProviderError} from './provider-errors.js'
import {cutRelease} from './releases.js'
import {publishAddon} from '../webhooks/entities.js'

export interface AddonUpdateResult {
  addon: AddonRow
  message: string | null
}

// PATCH of an add-on: rename and/or plan change (the provider is asked first; its refusal changes nothing).
export class AddonUpdates {
  constructor(private readonly ctx: ServiceContext) {}

  async update(actor: Actor, appRef: string | undefined, addonRef: string, input: {plan?: string; name?: string}): Promise<AddonUpdateResult> {
    const db = this.ctx.store.db
    let addon = await findAddon(db, actor, addonRef)
    if (appRef !== undefined) {
      const app = await findApp(db, actor, appRef)
      const attached = await db.selectFrom('attachments').select('id').where('addon_id', '=', addon.id).where('app_id', '=', app.id).executeTakeFirst()
      if (addon.app_id !== app.id && !attached) throw addonNotFound()
    }
    if (input.plan === undefined && input.name === undefined) throw invalid('Nothing to change: give a plan or a name.')
    let message: string | null = null
    if (input.name !== undefined && input.name !== addon.name) addon = await this.rename(actor, addon, input.name)
    if (input.plan !== undefined) ({addon, message} = await this.changePlan(actor, addon, input.plan))
    return {addon, message}
  }

  private async rename(actor: Actor, addon: AddonRow, name: string): Promise<AddonRow> {
    if (!ADDON_NAME_PATTERN.test(name)) throw invalid(`Name "${name}" is invalid: it must start with a letter and contain only letters, digits, dashes and underscores.`)
    return this.ctx.store.transaction(async (tx) => {
      const taken = await tx.selectFrom('addons').select('id').where('name', '=', name).executeTakeFirst()
      if (taken) throw invalid(`Name ${name} is already taken.`)
      const updated_at = now()
      await tx.updateTable('addons').set({name, updated_at}).where('id', '=', addon.id).execute()
      await publishAddon(this.ctx, tx, 'update', actor, {...addon, name, updated_at}, addon)
      return {...addon, name, updated_at}
    })
  }

  private async changePlan(actor: Actor, addon: AddonRow, ref: string): Promise<AddonUpdateResult> {
    const {catalog} = this.ctx
    const service = catalog.service(addon.service_id)
    const plan = catalog.findPlan(ref.includes(':') || catalog.findPlan(ref) ? ref : `${service.row.name}:${ref}`)
    if (!plan) throw invalid(`Couldn't find either the add-on service or the add-on plan of "${ref}".`)
    if (plan.service_id !== addon.service_id) throw invalid(`${plan.name} is not a plan of ${service.row.name}; plan changes stay within one service.`)
    if (plan.id === addon.plan_id) return {addon, message: null}
    if (addon.state !== 'provisioned') throw invalid(`${addon.name} is ${addon.state}; its plan can change once it is provisioned.`)
    let result
    try {
      result = await this.ctx.provider.changePlan(service.manifest, addon.provider_id ?? addon.id, plan.slug)
    } catch (error) {
      throw fromProviderError(error)
    }
    const updated = await this.ctx.store.transaction(async (tx) => {
      const changes: Partial<AddonRow> = {plan_id: plan.id, updated_at: now()}
      const oldConfig = JSON.parse(addon.config) as Record<string, string>
      const configChanged = result.config !== undefined && JSON.stringify(result.config) !== JSON.stringify(oldConfig)
      if (configChanged) Object.assign(changes, configColumns(service.manifest, {...oldConfig, ...result.config}))
      await tx.updateTable('addons').set(changes).where('id', '=', addon.id).execute()
      await recordPlanChange(this.ctx, tx, {...addon, ...changes})
      await publishAddon(this.ctx, tx, 'update', actor, {...addon, ...changes}, addon)
      await this.ctx.logs.append(addon.app_id, [addonLine('Change plan of', addon.name, plan.name, actor.email, result.message)], tx)
      if (configChanged) {
        const attachments = await tx.selectFrom('attachments').select(['app_id', 'name']).where('addon_id', '=', addon.id).orderBy('name').execute()
        const byApp = new Map<string, string[]>()
        for (const a of attachments) byApp.set(a.app_id, [...(byApp.get(a.app_id) ?? []), a.name])
        for (const [appId, aliases] of byApp) {
          const names = aliases.flatMap((alias) => Object.keys(attachmentVars(alias, service.manifest, result.config!)))
          await cutRelease(tx, this.ctx.logs, appId, actor, `Update ${names.join(', ')} by ${addon.name} (plan ${plan.name})`)
        }
      }
      return {...addon, ...changes}
    })
    return {addon: updated, message: result.message}
  }
}
