import {configVarPrefix, type ProviderManifest} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import type {Catalog} from './catalog.js'

// An attachment owns ALIAS_<suffix> for each provider var PREFIX_<suffix>; a provider var equal to
// the prefix itself maps to the bare alias.
export function appVarName(alias: string, prefix: string, providerVar: string): string {
  if (providerVar === prefix) return alias
  if (providerVar.startsWith(`${prefix}_`)) return `${alias}${providerVar.slice(prefix.length)}`
  return `${alias}_${providerVar}`
}

export function attachmentVars(alias: string, manifest: ProviderManifest, config: Record<string, string>): Record<string, string> {
  const prefix = configVarPrefix(manifest)
  const vars: Record<string, string> = {}
  for (const [name, value] of Object.entries(config)) vars[appVarName(alias, prefix, name)] = value
  return vars
}

// The names an attachment will own before the provider answered: from the manifest's declared vars.
export function declaredVarNames(alias: string, manifest: ProviderManifest): string[] {
  const prefix = configVarPrefix(manifest)
  return manifest.api.config_vars.map((v) => appVarName(alias, prefix, v))
}

export interface OwnedVar {
  value: string
  attachmentId: string
  attachmentName: string
  addonId: string
}

// Every var the attachments of an app own, by app-side name.
export async function attachmentOwnedVars(db: Db | Tx, catalog: Catalog, appId: string): Promise<Map<string, OwnedVar>> {
  const rows = await db.selectFrom('attachments')
    .innerJoin('addons', 'addons.id', 'attachments.addon_id')
    .select(['attachments.id as attachment_id', 'attachments.name as alias', 'addons.id as addon_id', 'addons.service_id', 'addons.config'])
    .where('attachments.app_id', '=', appId)
    .orderBy('attachments.name')
    .execute()
  const owned = new Map<string, OwnedVar>()
  for (const row of rows) {
    const {manifest} = catalog.service(row.service_id)
    for (const [name, value] of Object.entries(attachmentVars(row.alias, manifest, JSON.parse(row.config)))) {
      owned.set(name, {value, attachmentId: row.attachment_id, attachmentName: row.alias, addonId: row.addon_id})
    }
  }
  return owned
}
