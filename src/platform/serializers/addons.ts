import {logInputUrl} from '../logs/log-input-url.js'
import type {Addon, Attachment} from '../../wire/platform-api.js'
import {attachmentVars} from '../services/attachment-vars.js'
import type {Catalog} from '../services/catalog.js'
import type {Db} from '../store/database.js'
import type {AddonRow, AttachmentRow} from '../store/schema.js'
import {addonService, plan} from './catalog.js'
import {dashboardUrl} from '../services/dashboard-links.js'

export interface AddonViewOptions {
  // the platform's own address, for web_url
  baseUrl: string
  // Accept-Expansion: full objects instead of {id, name} stubs
  expandService: boolean
  expandPlan: boolean
  // X-Heroku-Legacy-Provider-Messages: true
  providerMessages: boolean
  // Accept: …version=3.sdk: an expanded plan says whether it is metered
  sdk?: boolean
}

export interface AttachmentViewOptions {
  baseUrl: string
  includeConfigVars: boolean
  includeAddonPlan: boolean
}

async function appNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('apps').select(['id', 'name']).where('id', 'in', unique).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

// What a caller that has just written the add-ons knows of them (a create: its app's name and its
// one attachment), so the view reads nothing again.
export interface KnownAddons {
  appNames: Map<string, string>
  // every attachment of the add-ons, sorted by name
  attachments: Pick<AttachmentRow, 'addon_id' | 'app_id' | 'name'>[]
}

// Add-ons in the wire shape; `config_vars` = the names the add-on exposes on its owning app.
// Two queries for the whole list whatever its length (none when the caller knows it all).
export async function addons(db: Db, catalog: Catalog, rows: AddonRow[], options: AddonViewOptions, known?: KnownAddons): Promise<Addon[]> {
  if (rows.length === 0) return []
  const names = known?.appNames ?? await appNames(db, rows.map((r) => r.app_id))
  const ids = rows.map((r) => r.id)
  const ownerAttachments = new Map<string, string[]>()
  const add = (chunk: KnownAddons['attachments']) => {
    for (const a of chunk) ownerAttachments.set(a.addon_id, [...(ownerAttachments.get(a.addon_id) ?? []), `${a.app_id}\u0000${a.name}`])
  }
  if (known) add(known.attachments)
  else for (let i = 0; i < ids.length; i += 500) add(await db.selectFrom('attachments').select(['addon_id', 'app_id', 'name']).where('addon_id', 'in', ids.slice(i, i + 500)).orderBy('name').execute())
  return rows.map((row) => {
    const service = catalog.service(row.service_id)
    const planRow = catalog.plan(row.plan_id)
    const appName = names.get(row.app_id) ?? ''
    const config = JSON.parse(row.config) as Record<string, string>
    const aliases = (ownerAttachments.get(row.id) ?? []).filter((k) => k.startsWith(`${row.app_id}\u0000`)).map((k) => k.split('\u0000')[1])
    const configVars = aliases.flatMap((alias) => Object.keys(attachmentVars(alias, service.manifest, config)))
    const addon: Addon = {
      id: row.id,
      name: row.name,
      addon_service: options.expandService ? addonService(service) : {id: service.row.id, name: service.row.name},
      plan: options.expandPlan ? plan(planRow, catalog, {sdk: options.sdk}) : {id: planRow.id, name: planRow.name},
      app: {id: row.app_id, name: appName},
      billing_entity: {id: row.app_id, name: appName, type: 'app'},
      billed_price: {cents: planRow.price_cents, contract: planRow.price_contract === 1, unit: planRow.price_unit},
      config_vars: configVars,
      state: row.state === 'pending' ? 'provisioning' : row.state,
      // empty while the provider has not yet answered the provision request
      provider_id: row.provider_id ?? '',
      web_url: dashboardUrl(options.baseUrl, row.id, service.manifest.api.sso_salt),
      actions: [],
      // the provider's message goes only to the clients that ask for it the legacy way (the CLIs' create
      // and upgrade); the schema types the property as a string, so the others get an empty one
      provision_message: options.providerMessages ? row.provision_message ?? '' : '',
      created_at: row.created_at,
      updated_at: row.updated_at,
    }
    return addon
  })
}

export async function attachments(db: Db, catalog: Catalog, rows: AttachmentRow[], options: AttachmentViewOptions): Promise<Attachment[]> {
  if (rows.length === 0) return []
  const addonIds = [...new Set(rows.map((r) => r.addon_id))]
  const addonRows = new Map<string, AddonRow>()
  for (let i = 0; i < addonIds.length; i += 500) {
    for (const a of await db.selectFrom('addons').selectAll().where('id', 'in', addonIds.slice(i, i + 500)).execute()) addonRows.set(a.id, a)
  }
  const names = await appNames(db, [...rows.map((r) => r.app_id), ...[...addonRows.values()].map((a) => a.app_id)])
  return rows.map((row) => {
    const addon = addonRows.get(row.addon_id)!
    const service = catalog.service(addon.service_id)
    const view: Attachment = {
      id: row.id,
      name: row.name,
      addon: {id: addon.id, name: addon.name, app: {id: addon.app_id, name: names.get(addon.app_id) ?? ''}},
      app: {id: row.app_id, name: names.get(row.app_id) ?? ''},
      namespace: row.namespace,
      web_url: dashboardUrl(options.baseUrl, addon.id, service.manifest.api.sso_salt),
      log_input_url: logInputUrl(options.baseUrl, row.log_input_token),
      created_at: row.created_at,
      updated_at: row.updated_at,
    }
    if (options.includeAddonPlan) {
      const p = catalog.plan(addon.plan_id)
      view.addon.plan = {id: p.id, name: p.name}
    }
    if (options.includeConfigVars) view.config_vars = Object.keys(attachmentVars(row.name, service.manifest, JSON.parse(addon.config)))
    return view
  })
}
