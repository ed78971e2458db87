import {configVarPrefix} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import type {AppRow, AttachmentRow} from '../store/schema.js'
import {appAttachments, declaredVarNames} from './attachment-vars.js'
import type {Catalog, CatalogService} from './catalog.js'
import {confirmationRequired, invalid} from './errors.js'
import {aliasCandidates, validateAlias} from './naming.js'

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
  const userVars = new Set((await db.selectFrom('config_vars').select('name').where('app_id', '=', app.id).execute()).map((r) => r.name))
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

  const free = async (alias: string) => {
    const {attachments, owned} = await around(alias)
    if (attachments.some((a) => a.name === alias)) return false
    return declaredVarNames(alias, service.manifest).every((v) => !owned.has(v) && !userVars.has(v))
  }
  for (const alias of aliasCandidates(configVarPrefix(service.manifest), service.row.name)) {
    if (await free(alias)) return {alias, userVarsToRemove: []}
  }
  throw new Error('unreachable: alias candidates are endless')
}
