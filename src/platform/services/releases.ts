import {randomUUID} from 'node:crypto'
import {sql, type RawBuilder} from 'kysely'
import {apiLine, plainDescription} from '../logs/platform-lines.js'
import type {LogStream} from '../logs/log-stream.js'
import type {LogLine} from '../../wire/logplex.js'
import type {Db, Tx} from '../store/database.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {AppRow, ReleaseRow} from '../store/schema.js'
import {attachmentOwnedVars} from './attachment-vars.js'
import {assertBytesFit, attachmentBytesByPlan, userVarBytes} from './config-size.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {invalid, notFound} from './errors.js'
import {releaseEvent} from '../webhooks/entities.js'
import {publishAll, type PublishInput} from '../webhooks/publish.js'

// A release version taken from the app's counter: the statement that takes the app's lock (as
// lockApp does) bumps it and records the release time, so versions are unique and gapless per app
// (a transaction that rolls back gives its number back).
export interface ReservedRelease {
  version: number
  at: string
  // the app as it is under the lock
  app: {name: string; owner_id: string}
}

export async function reserveRelease(tx: Tx, appId: string): Promise<ReservedRelease> {
  const at = now()
  const row = await tx.updateTable('apps')
    .set((eb) => ({released_at: at, last_release_version: eb('last_release_version', '+', 1)}))
    .where('id', '=', appId)
    .returning(['last_release_version', 'name', 'owner_id'])
    .executeTakeFirstOrThrow()
  return {version: Number(row.last_release_version), at, app: {name: row.name, owner_id: row.owner_id}}
}

export interface CutReleaseOptions {
  // lines for the app's log before the release's own, in the same write
  firstLines?: LogLine[]
  // the version the caller took with reserveRelease (as its lock) earlier in the transaction
  reserved?: ReservedRelease
  // check the 32 KB limit from the release's own read of the app's vars, instead of a query of its own
  checkConfigSize?: boolean
  // the release as the caller wrote it already (a create on PostgreSQL: services/addon-recording.ts),
  // with the app's config bytes after the change
  recorded?: {row: ReleaseRow; configBytes: number}
  // the change's own events, about an add-on attached to the app (a create's add-on and attachment):
  // heard by the same webhooks as the release, so all are published with one question of who listens
  publishWith?: PublishInput[]
}

// Cuts the next release of an app inside the caller's transaction, after the caller made its change.
// `user` is the account's id, or the account itself when the caller has it (one query less).
export async function cutRelease(tx: Tx, logs: LogStream, appId: string, user: string | {id: string; email: string}, description: string, options: CutReleaseOptions = {}): Promise<ReleaseRow> {
  const userId = typeof user === 'string' ? user : user.id
  const written = options.recorded ? {release: options.recorded.row, appName: options.reserved?.app.name} : await writeRelease(tx, appId, userId, description, options)
  const {release} = written
  if (options.recorded && options.checkConfigSize) await assertBytesFit(tx, appId, options.recorded.configBytes)
  // the app's log says what changed and who did it, as Heroku's app[api] lines do
  const email = typeof user === 'string' ? (await tx.selectFrom('accounts').select('email').where('id', '=', userId).executeTakeFirst())?.email : user.email
  const by = email ?? 'unknown'
  await logs.append(appId, [...(options.firstLines ?? []), apiLine(`${plainDescription(description)} by ${by}`), apiLine(`Release v${release.version} created by ${by}`)], tx)
  const withEvents = options.publishWith ?? []
  await publishAll(tx, [...withEvents, releaseEvent(tx, {id: userId, email: email ?? ''}, release, {appName: written.appName, addonIds: withEvents[0]?.addonIds})])
  return release
}

// The release row, numbered from the app's counter, recording the app's distinct plans, sorted, and
// the user-set vars as they are now (what a rollback restores), sorted by name; the 32 KB check
// counts from the same read.
async function writeRelease(tx: Tx, appId: string, userId: string, description: string, options: CutReleaseOptions): Promise<{release: ReleaseRow; appName: string}> {
  const {version, at, app} = options.reserved ?? (await reserveRelease(tx, appId))
  const {rows} = await sql<ContentsRow>`with ${releaseContentsCte(appId)} ${releaseContentsQuery(appId)} order by 1, 2`.execute(tx)
  const {planNames, vars, attachmentBytes} = contentsOf(rows)
  if (options.checkConfigSize) await assertBytesFit(tx, appId, userVarBytes(vars) + attachmentBytes)
  const release: ReleaseRow = {
    id: randomUUID(),
    app_id: appId,
    version,
    description,
    user_id: userId,
    addon_plan_names: JSON.stringify(planNames),
    config: JSON.stringify(Object.fromEntries(vars.map((v) => [v.name, v.value]))),
    created_at: at,
  }
  await tx.insertInto('releases').values(release).execute()
  return {release, appName: app.name}
}

// What a release reads of the attachments, to go in the statement's WITH list: one pass over the
// app's attachments, grouped by plan (its few distinct plans, then their names: not a join of every
// attachment with plans), with the bytes their vars take.
export function releaseContentsCte(appId: string): RawBuilder<unknown> {
  return sql`app_plans as (${attachmentBytesByPlan(appId)})`
}

// Rows of kind 'p' (a plan's name), 'v' (a user var) and 's' (the attachments' bytes), in one query
// (order by 1, 2 sorts them).
function releaseContentsQuery(appId: string): RawBuilder<ContentsRow> {
  return sql<ContentsRow>`
    select 'p' as kind, name, cast(null as text) as value from plans where id in (select plan_id from app_plans)
    union all
    select 'v', name, value from config_vars where app_id = ${appId}
    union all
    select 's', cast(null as text), cast((select sum(bytes) from app_plans) as text)`
}

interface ContentsRow {
  kind: string
  name: string | null
  value: string | number | null
}

function contentsOf(rows: ContentsRow[]): {planNames: string[]; vars: {name: string; value: string}[]; attachmentBytes: number} {
  const contents = {planNames: [] as string[], vars: [] as {name: string; value: string}[], attachmentBytes: 0}
  for (const row of rows) {
    if (row.kind === 'p') contents.planNames.push(row.name!)
    else if (row.kind === 'v') contents.vars.push({name: row.name!, value: String(row.value)})
    else if (row.kind === 's') contents.attachmentBytes = Number(row.value ?? 0)
  }
  return contents
}

export function rollbackDescription(version: number): string {
  return `Rollback to v${version}`
}

// `release` as the Platform API takes it: a version (5, "5", "v5") or a release id.
export function releaseRef(ref: unknown): {version: number} | {id: string} {
  if (typeof ref === 'number' && Number.isSafeInteger(ref) && ref > 0) return {version: ref}
  if (typeof ref !== 'string' || ref === '') throw invalid('Pass the release to roll back to: {"release": ID or version}. The local platform builds no slugs, so a release is only ever made by a change or a rollback.')
  const version = /^v?(\d+)$/i.exec(ref)
  return version ? {version: Number(version[1])} : {id: ref}
}

// The user-set vars a release recorded; releases made before they were kept have none to give.
export function recordedConfig(release: Pick<ReleaseRow, 'version' | 'config'>): Record<string, string> {
  if (release.config === null) throw invalid(`v${release.version} did not record its config vars (it was made before releases kept them), so it cannot be rolled back to or shown.`)
  return JSON.parse(release.config) as Record<string, string>
}

// What a rollback writes back: the recorded user-set vars, except names an attachment owns now (add-on
// vars are the add-on's, and a rollback does not touch add-ons; the user could not set such a var either).
export function restoredUserVars(recorded: Record<string, string>, ownedNow: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(recorded).filter(([name]) => !ownedNow.has(name)))
}

const INSERT_SLICE = 500

export class ReleasesService {
  constructor(private readonly ctx: ServiceContext) {}

  private get db(): Db {
    return this.ctx.store.db
  }

  list(appId: string, page: PageRequest): Promise<Page<ReleaseRow>> {
    const query = this.db.selectFrom('releases').selectAll().where('app_id', '=', appId)
    return fetchPage(query, page, {
      version: {column: 'version', key: (r) => String(r.version), numeric: true},
      id: {column: 'id', key: (r) => r.id},
    })
  }

  info(appId: string, ref: string): Promise<ReleaseRow> {
    return findRelease(this.db, appId, releaseRef(ref))
  }

  // GET /apps/{app}/releases/{v}/config-vars: the user-set vars the release recorded. Add-on vars are
  // not kept per release (providers change them at will and a rollback never restores them).
  async configVars(appId: string, ref: string): Promise<Record<string, string>> {
    return recordedConfig(await this.info(appId, ref))
  }

  // A new release whose user-set config vars are those recorded in `ref`; attachments and their vars
  // stay as they are. Under the app's lock, so no change slips in between reading and writing.
  async rollback(actor: Actor, app: AppRow, ref: unknown): Promise<ReleaseRow> {
    const wanted = releaseRef(ref)
    return this.ctx.store.transaction(async (tx) => {
      // a rollback that gets through always cuts a release: taking its version takes the app's lock
      const reserved = await reserveRelease(tx, app.id)
      const target = await findRelease(tx, app.id, wanted)
      const recorded = recordedConfig(target)
      const owned = await attachmentOwnedVars(tx, this.ctx.catalog, app.id)
      const vars = restoredUserVars(recorded, new Set(owned.keys()))
      await tx.deleteFrom('config_vars').where('app_id', '=', app.id).execute()
      const rows = Object.entries(vars).map(([name, value]) => ({app_id: app.id, name, value}))
      // in slices: 32 KB of one-letter vars would pass SQLite's limit of bound values per statement
      for (let i = 0; i < rows.length; i += INSERT_SLICE) await tx.insertInto('config_vars').values(rows.slice(i, i + INSERT_SLICE)).execute()
      return cutRelease(tx, this.ctx.logs, app.id, actor, rollbackDescription(target.version), {reserved, checkConfigSize: true})
    })
  }
}

// versions are PostgreSQL integers: a larger number names no release (and must not reach the query)
const MAX_VERSION = 2 ** 31 - 1

async function findRelease(db: Db | Tx, appId: string, ref: {version: number} | {id: string}): Promise<ReleaseRow> {
  if ('version' in ref && ref.version > MAX_VERSION) throw notFound('release', "Couldn't find that release.")
  const query = db.selectFrom('releases').selectAll().where('app_id', '=', appId)
  const release = await ('version' in ref ? query.where('version', '=', ref.version) : query.where('id', '=', ref.id)).executeTakeFirst()
  if (!release) throw notFound('release', "Couldn't find that release.")
  return release
}
