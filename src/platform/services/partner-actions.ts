import type {LogStream} from '../logs/log-stream.js'
import type {AddonConfigItem} from '../../wire/platform-api.js'
import type {Tx} from '../store/database.js'
import type {AddonRow} from '../store/schema.js'
import {attachmentVars} from './attachment-vars.js'
import {now, type ServiceContext} from './context.js'
import {assertConfigFits} from './config-size.js'
import {configColumns} from '../store/config-columns.js'
import {removeEverywhere} from './deprovisioning.js'
import {addonNotFound, invalid} from './errors.js'
import {addonById} from './lookup.js'
import type {PartnerAuth} from './partner-auth.js'
import {cutRelease} from './releases.js'
import {appOwner, publishAddon} from '../webhooks/entities.js'

// What a provider does to its own add-on with its partner token: read/patch config, finish
// (or give up) async provisioning. A token reaches exactly one add-on; the routes enforce that.
export class PartnerActions {
  constructor(private readonly ctx: ServiceContext, private readonly partnerAuth: PartnerAuth) {}

  async config(addonId: string): Promise<AddonConfigItem[]> {
    const addon = await this.addon(addonId)
    return toItems(effectiveConfig(addon))
  }

  // While provisioning, changes are only staged (no release); afterwards each change reaches every
  // attached app with a release.
  async patchConfig(addonId: string, items: AddonConfigItem[]): Promise<AddonConfigItem[]> {
    const addon = await this.addon(addonId)
    const service = this.ctx.catalog.service(addon.service_id)
    const declared = new Set(service.manifest.api.config_vars)
    const undeclared = items.filter((i) => !declared.has(i.name)).map((i) => i.name)
    if (undeclared.length > 0) throw invalid(`${undeclared.join(', ')} ${undeclared.length === 1 ? 'is' : 'are'} not in the manifest of ${service.row.name}.`)
    const updated = await this.ctx.store.transaction(async (tx) => {
      const fresh = await this.addon(addonId, tx)
      const staging = fresh.state === 'provisioning'
      const base = staging ? effectiveConfig(fresh) : (JSON.parse(fresh.config) as Record<string, string>)
      const next = {...base}
      for (const item of items) {
        if (item.value === null) delete next[item.name]
        else next[item.name] = item.value
      }
      if (staging) {
        await tx.updateTable('addons').set({staged_config: JSON.stringify(next), updated_at: now()}).where('id', '=', addonId).execute()
        return next
      }
      await tx.updateTable('addons').set({...configColumns(service.manifest, next), updated_at: now()}).where('id', '=', addonId).execute()
      if (items.some((i) => i.value !== null)) await assertConfigFits(tx, {addonId})
      await releaseEverywhere(tx, this.ctx.logs, fresh, next, 'Update', service.manifest)
      return next
    })
    return toItems(updated)
  }

  async provision(addonId: string): Promise<AddonRow> {
    return this.ctx.store.transaction(async (tx) => {
      const addon = await this.addon(addonId, tx)
      if (addon.state === 'provisioned') return addon
      if (addon.state !== 'provisioning') throw invalid(`${addon.name} is ${addon.state} and cannot be marked provisioned.`)
      const config = effectiveConfig(addon)
      const changes = {state: 'provisioned' as const, ...configColumns(this.ctx.catalog.service(addon.service_id).manifest, config), staged_config: null, updated_at: now()}
      await tx.updateTable('addons').set(changes).where('id', '=', addonId).execute()
      await publishAddon(this.ctx, tx, 'update', await appOwner(tx, addon.app_id), {...addon, ...changes}, addon)
      if (Object.keys(config).length > 0) {
        await assertConfigFits(tx, {addonId})
        await releaseEverywhere(tx, this.ctx.logs, addon, config, 'Attach', this.ctx.catalog.service(addon.service_id).manifest)
      }
      return {...addon, ...changes}
    })
  }

  // The provider gave up (or finished an async deprovision): the add-on and its attachments go.
  async deprovision(addonId: string): Promise<AddonRow> {
    return this.ctx.store.transaction(async (tx) => {
      const addon = await this.addon(addonId, tx)
      await removeEverywhere(this.ctx, tx, this.partnerAuth, addon)
      return {...addon, state: 'deprovisioned' as const}
    })
  }

  async addon(addonId: string, tx?: Tx): Promise<AddonRow> {
    const addon = await addonById(tx ?? this.ctx.store.db, addonId)
    if (!addon) throw addonNotFound()
    return addon
  }
}

function effectiveConfig(addon: AddonRow): Record<string, string> {
  return {...JSON.parse(addon.config), ...(addon.staged_config ? JSON.parse(addon.staged_config) : {})}
}

function toItems(config: Record<string, string>): AddonConfigItem[] {
  return Object.entries(config).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({name, value}))
}

async function releaseEverywhere(tx: Tx, logs: LogStream, addon: AddonRow, config: Record<string, string>, verb: string, manifest: Parameters<typeof attachmentVars>[1]): Promise<void> {
  const attachments = await tx.selectFrom('attachments').select(['app_id', 'name']).where('addon_id', '=', addon.id).orderBy('name').execute()
  const byApp = new Map<string, string[]>()
  for (const a of attachments) byApp.set(a.app_id, [...(byApp.get(a.app_id) ?? []), a.name])
  for (const [appId, aliases] of byApp) {
    const names = aliases.flatMap((alias) => Object.keys(attachmentVars(alias, manifest, config)))
    const description = verb === 'Attach' ? `Attach ${aliases.join(', ')} (@ref:${addon.name})` : `Update ${names.join(', ')} by ${addon.name}`
    // the release is cut by the add-on's owner on behalf of the provider
    const owner = await tx.selectFrom('apps').select('owner_id').where('id', '=', appId).executeTakeFirstOrThrow()
    await cutRelease(tx, logs, appId, owner.owner_id, description)
  }
}
