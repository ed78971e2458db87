import {PostgresAdapter, sql} from 'kysely'
import {configVarPrefix} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import type {AppRow, AttachmentRow} from '../store/schema.js'
import {appAttachments, declaredVarNames, underscorePrefixes} from './attachment-vars.js'
import type {Catalog, CatalogService} from './catalog.js'
import {confirmationRequired, invalid} from './errors.js'
import {namedCandidates, numberedAlias, serviceAliasStem, validateAlias} from './naming.js'

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
  // the default alias an earlier pass chose (create: at reservation); kept if it is still free
  preferred?: string
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

  if (request.preferred !== undefined) {
    const vars = declaredVarNames(request.preferred, service.manifest)
    const [{attachments, owned}, userClash] = await Promise.all([around(request.preferred), userVarsAmong(vars)])
    const free = !attachments.some((a) => a.name === request.preferred) && vars.every((v) => !owned.has(v) && !userClash.has(v))
    if (free) return {alias: request.preferred, userVarsToRemove: []}
  }

  // The first free candidate, from a constant number of queries however many add-ons the app has:
  // the provider's default and the colours are looked up by name (a bounded list), numbered
  // aliases start after the highest number in use; the winner is then checked exactly.
  const exactlyFree = async (alias: string, knownUserVars?: Set<string>) => {
    const vars = declaredVarNames(alias, service.manifest)
    const [{attachments, owned}, userClash] = await Promise.all([around(alias), knownUserVars ?? userVarsAmong(vars)])
    return !attachments.some((a) => a.name === alias) && vars.every((v) => !owned.has(v) && !userClash.has(v))
  }
  const named = [...namedCandidates(configVarPrefix(service.manifest), service.row.name)]
  const {taken, userTaken} = await namesAmong(db, app.id, named.flatMap((alias) => [alias, ...declaredVarNames(alias, service.manifest)]).flatMap(underscorePrefixes))
  for (const alias of named) {
    const vars = declaredVarNames(alias, service.manifest)
    if (taken.has(alias) || vars.some((v) => taken.has(v) || userTaken.has(v))) continue
    if (await exactlyFree(alias, userTaken)) return {alias, userVarsToRemove: []}
  }
  const stem = serviceAliasStem(service.row.name)
  for (let n = (await highestNumbered(db, app.id, stem)) + 1; ; n++) {
    if (await exactlyFree(numberedAlias(stem, n))) return {alias: numberedAlias(stem, n), userVarsToRemove: []}
  }
}

// Which of `names` the app has as attachments, and as user vars: one indexed lookup each.
async function namesAmong(db: Db | Tx, appId: string, names: string[]): Promise<{taken: Set<string>; userTaken: Set<string>}> {
  const unique = [...new Set(names)]
  const among = (table: 'attachments' | 'config_vars') =>
    db.selectFrom(table as 'attachments').select('name').where('app_id', '=', appId).where('name', 'in', unique).execute()
  const [attachments, vars] = await Promise.all([among('attachments'), among('config_vars')])
  return {taken: new Set(attachments.map((r) => r.name)), userTaken: new Set(vars.map((r) => r.name))}
}

// The highest N of the app's STEM_N attachments (1 when there are none, so numbering starts at 2).
// One aggregate: the stem is [A-Z0-9_] only, so it is safe inside GLOB and a regular expression.
async function highestNumbered(db: Db | Tx, appId: string, stem: string): Promise<number> {
  const prefixLength = stem.length + 1
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const matches = postgres ? sql`name ~ ${`^${stem}_[0-9]+$`}` : sql`name glob ${`${stem}_[0-9]*`} and substr(name, ${prefixLength + 1}) not glob '*[^0-9]*'`
  const {rows} = await sql<{n: number | string | null}>`
    select max(cast(substr(name, ${prefixLength + 1}) as integer)) as n from attachments where app_id = ${appId} and ${matches}`.execute(db)
  return Math.max(1, Number(rows[0]?.n ?? 1))
}
