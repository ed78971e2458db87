import {configVarPrefix, type ProviderManifest} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import type {AttachmentRow} from '../store/schema.js'
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
  return (await appAttachments(db, catalog, appId)).owned
}

// The attachments of an app and the vars they own, from one query: alias planning needs both.
// With `names`, only the attachments that could own one of those names (or be named so) are read:
// an attachment's vars all start with its own name, so those are the ones named after a prefix of a
// wanted name, cut at an underscore. That keeps a create on an app with many add-ons cheap.
export async function appAttachments(
  db: Db | Tx,
  catalog: Catalog,
  appId: string,
  names?: string[],
): Promise<{attachments: AttachmentRow[]; owned: Map<string, OwnedVar>}> {
  let query = db.selectFrom('attachments')
    .innerJoin('addons', 'addons.id', 'attachments.addon_id')
    .selectAll('attachments')
    .select(['addons.service_id', 'addons.config as addon_config'])
    .where('attachments.app_id', '=', appId)
  if (names) query = query.where('attachments.name', 'in', [...new Set(names.flatMap(underscorePrefixes))])
  const rows = await query.orderBy('attachments.name').execute()
  const owned = new Map<string, OwnedVar>()
  const attachments: AttachmentRow[] = []
  for (const {service_id: serviceId, addon_config: config, ...attachment} of rows) {
    attachments.push(attachment)
    const {manifest} = catalog.service(serviceId)
    for (const [name, value] of Object.entries(attachmentVars(attachment.name, manifest, JSON.parse(config)))) {
      owned.set(name, {value, attachmentId: attachment.id, attachmentName: attachment.name, addonId: attachment.addon_id})
    }
  }
  return {attachments, owned}
}

// A_B_URL -> A, A_B, A_B_URL
export function underscorePrefixes(name: string): string[] {
  const parts = name.split('_')
  return parts.map((_, i) => parts.slice(0, i + 1).join('_'))
}
