import {sql} from 'kysely'
import {configVarPrefix} from '../../providers/kit/manifest-types.js'
import type {Db, Tx} from '../store/database.js'
import {isPostgres} from '../store/dialect.js'
import type {AppRow, AttachmentRow} from '../store/schema.js'
import {appAttachments, attachmentVars, declaredVarNames, underscorePrefixes} from './attachment-vars.js'
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

  // Everything that could clash with a default alias comes from one query (namesAround): the
  // attachments named by a prefix of the alias or of its vars (only those could own them), with their
  // add-ons' config, and the user vars among those names. A numbered alias past the highest STEM_N in
  // use needs nothing more: whatever could clash with it is either named STEM_N… (none past the
  // highest) or by a prefix of the stem, which the named candidates' lookup covers.
  const free = (alias: string, near: Near) => {
    const vars = declaredVarNames(alias, service.manifest)
    return !near.taken.has(alias) && vars.every((v) => !near.owned.has(v) && !near.userTaken.has(v))
  }
  const namesOf = (aliases: string[]) => aliases.flatMap((alias) => [alias, ...declaredVarNames(alias, service.manifest)]).flatMap(underscorePrefixes)

  // The first free candidate, from one query however many add-ons the app has: the provider's
  // default and the colours are looked up by name (a bounded list), and numbered aliases start
  // after the highest number in use.
  const named = [...namedCandidates(configVarPrefix(service.manifest), service.row.name)]
  const stem = serviceAliasStem(service.row.name)
  const near = await namesAround(db, catalog, app.id, namesOf(named), stem)
  for (const alias of named) {
    if (free(alias, near)) return {alias, userVarsToRemove: []}
  }
  // past `highest` no attachment or user var is named STEM_N or STEM_N_…
  for (let n = near.highest + 1; ; n++) {
    if (free(numberedAlias(stem, n), near)) return {alias: numberedAlias(stem, n), userVarsToRemove: []}
  }
}

interface Near {
  taken: Set<string>
  // the vars the attachments in `taken` own, by app-side name
  owned: Set<string>
  userTaken: Set<string>
  highest: number
}

// Which of `names` the app has as attachments (with the vars they own) and as user vars, and the
// highest N of the names STEM_N and STEM_N_… among both (1 when there is none, so
// numbering starts at 2): one query, indexed lookups and aggregates. The stem is [A-Z0-9_] only,
// safe inside GLOB; SQLite's cast reads the leading digits of "3_URL".
async function namesAround(db: Db | Tx, catalog: Catalog, appId: string, names: string[], stem: string): Promise<Near> {
  const unique = [...new Set(names)]
  const none = sql`cast(null as text)`
  const branches = [
    sql`select 'a' as kind, attachments.name, cast(null as numeric) as n, addons.service_id, addons.config from attachments join addons on addons.id = attachments.addon_id where attachments.app_id = ${appId} and attachments.name in (${sql.join(unique)})`,
    sql`select 'v', name, cast(null as numeric), ${none}, ${none} from config_vars where app_id = ${appId} and name in (${sql.join(unique)})`,
  ]
  const postgres = isPostgres(db)
  // PostgreSQL: the part after STEM_ up to the next underscore, when it is all digits (string
  // functions, not a regular expression: this runs on every STEM_… row of the app)
  const part = sql`split_part(substr(name, ${stem.length + 2}), '_', 1)`
  const numbered = postgres
    ? sql`substr(name, 1, ${stem.length + 1}) = ${`${stem}_`} and ${part} <> '' and translate(${part}, '0123456789', '') = ''`
    : sql`name glob ${`${stem}_[0-9]*`}`
  const number = postgres ? sql`cast(${part} as numeric)` : sql`cast(substr(name, ${stem.length + 2}) as integer)`
  for (const table of ['attachments', 'config_vars'] as const) {
    branches.push(sql`select 'n', ${none}, max(${number}), ${none}, ${none} from ${sql.table(table)} where app_id = ${appId} and ${numbered}`)
  }
  type Row = {kind: string; name: string | null; n: number | string | null; service_id: string | null; config: string | null}
  const {rows} = await sql<Row>`${sql.join(branches, sql` union all `)}`.execute(db)
  const near: Near = {taken: new Set(), owned: new Set(), userTaken: new Set(), highest: 1}
  for (const row of rows) {
    if (row.kind === 'a') {
      near.taken.add(row.name!)
      const {manifest} = catalog.service(row.service_id!)
      for (const name of Object.keys(attachmentVars(row.name!, manifest, JSON.parse(row.config!)))) near.owned.add(name)
    } else if (row.kind === 'v') near.userTaken.add(row.name!)
    else near.highest = Math.max(near.highest, Number(row.n ?? 1))
  }
  return near
}
