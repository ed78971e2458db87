import {sql} from 'kysely'
import {configVarPrefix} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import type {AppRow, AttachmentRow} from '../store/schema.js'
import {appAttachments, declaredVarNames, underscorePrefixes} from './attachment-vars.js'
import type {Catalog, CatalogService} from './catalog.js'
import {confirmationRequired, invalid} from './errors.js'
import {aliasCandidates, serviceAliasStem, validateAlias} from './naming.js'

export interface AliasRequest {
  app: AppRow
  service: CatalogService
  addonName: string
  // the add-on being attached, when it exists already (attach, not create)
  addonId?: string
  // the add-on's owning app name: also accepted as `confirm`
  ownerAppName: string
  requested?: string
  confirm?: string
}

export interface AliasPlan {
  alias: string
  // the attachment of the same name this one replaces (confirmed)
  replaces?: AttachmentRow
  // user vars the new attachment takes over (confirmed)
  userVarsToRemove: string[]
}

// Chooses the attachment name on an app, in order: the user's choice (replacing an existing one only
// when confirmed), the provider's default alias, then SERVICE_COLOUR. Never takes over another
// attachment's vars; takes over user vars only when confirmed. Run it again inside the write
// transaction so a concurrent change is seen.
export async function planAlias(db: Db | Tx, catalog: Catalog, request: AliasRequest): Promise<AliasPlan> {
  const {app, service} = request
  const userVarsAmong = async (names: string[]) => names.length === 0 ? new Set<string>() :
    new Set((await db.selectFrom('config_vars').select('name').where('app_id', '=', app.id).where('name', 'in', names).execute()).map((r) => r.name))
  // only the attachments that could clash with an alias and its vars
  const around = (alias: string) => appAttachments(db, catalog, app.id, [alias, ...declaredVarNames(alias, service.manifest)])

  if (request.requested !== undefined) {
    const problem = validateAlias(request.requested)
    if (problem) throw invalid(problem)
    const alias = request.requested
    const {attachments, owned} = await around(alias)
    const replaces = attachments.find((a) => a.name === alias)
    if (replaces && request.addonId !== undefined && replaces.addon_id === request.addonId) {
      throw invalid(`${request.addonName} is already attached to ${app.name} as ${alias}.`)
    }
    const wanted = declaredVarNames(alias, service.manifest)
    const userVars = await userVarsAmong(wanted)
    const foreign = wanted.filter((v) => owned.has(v) && owned.get(v)!.attachmentId !== replaces?.id).sort()
    if (foreign.length > 0) throw invalid(`Cannot overwrite attachment values ${foreign.join(', ')}.`)
    const userClash = wanted.filter((v) => userVars.has(v)).sort()
    if (replaces || userClash.length > 0) {
      const confirmed = request.confirm !== undefined && (request.confirm === app.name || request.confirm === request.ownerAppName)
      if (!confirmed) {
        const replacedVars = [...owned.entries()].filter(([, v]) => v.attachmentId === replaces?.id).map(([name]) => name)
        let names = [...new Set([...replacedVars, ...userClash])].sort()
        if (names.length === 0) names = wanted.length > 0 ? wanted : [alias]
        throw confirmationRequired(`${request.addonName} will overwrite ${names.join(', ')} on ${app.name}.`)
      }
    }
    return {alias, replaces, userVarsToRemove: userClash}
  }

  // The first free candidate, from a constant number of queries however many add-ons the app has:
  // one read of the names that could clash with any candidate, then an exact check of the winner.
  const {taken, userTaken} = await namesNear(db, app.id, configVarPrefix(service.manifest), service)
  for (const alias of aliasCandidates(configVarPrefix(service.manifest), service.row.name)) {
    const vars = declaredVarNames(alias, service.manifest)
    if (taken.has(alias) || vars.some((v) => taken.has(v) || userTaken.has(v))) continue
    const {attachments, owned} = await around(alias)
    if (attachments.some((a) => a.name === alias)) continue
    if (vars.every((v) => !owned.has(v))) return {alias, userVarsToRemove: []}
  }
  throw new Error('unreachable: alias candidates are endless')
}

// Attachment and user var names on the app that a default alias could clash with: the provider's
// default alias and its vars (and their underscore prefixes, which could own them), and everything
// named STEM_… (colour and numbered aliases and their vars), read as one index range.
async function namesNear(db: Db | Tx, appId: string, providerDefault: string, service: CatalogService): Promise<{taken: Set<string>; userTaken: Set<string>}> {
  const stem = serviceAliasStem(service.row.name)
  const exact = [...new Set([providerDefault, ...declaredVarNames(providerDefault, service.manifest), stem].flatMap(underscorePrefixes))]
  // every name starting with `STEM_` (substr, not a range or LIKE: exact and case-sensitive under
  // any collation, on both stores)
  const prefix = `${stem}_`
  const near = (table: 'attachments' | 'config_vars') =>
    db.selectFrom(table as 'attachments').select('name').where('app_id', '=', appId)
      .where((eb) => eb.or([eb('name', 'in', exact), eb(sql<string>`substr(name, 1, ${prefix.length})`, '=', prefix)]))
      .execute()
  const [attachments, vars] = await Promise.all([near('attachments'), near('config_vars')])
  return {taken: new Set(attachments.map((r) => r.name)), userTaken: new Set(vars.map((r) => r.name))}
}
