import {randomUUID} from 'node:crypto'
import {apiLine, plainDescription} from '../logs/platform-lines.js'
import type {LogStream} from '../logs/log-stream.js'
import type {LogLine} from '../../wire/logplex.js'
import {lockApp, type Db, type Tx} from '../store/database.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {AppRow, ReleaseRow} from '../store/schema.js'
import {attachmentOwnedVars} from './attachment-vars.js'
import {assertConfigFits} from './config-size.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {invalid, notFound} from './errors.js'
import {publishRelease} from '../webhooks/entities.js'

// Cuts the next release of an app inside the caller's transaction: version = last + 1, guarded by
// the unique (app_id, version) constraint (a PostgreSQL race re-runs the whole transaction).
// `user` is the account's id, or the account itself when the caller has it (one query less);
// `firstLines` go to the app's log before the release's own, in the same write.
export async function cutRelease(tx: Tx, logs: LogStream, appId: string, user: string | {id: string; email: string}, description: string, firstLines: LogLine[] = []): Promise<ReleaseRow> {
  const userId = typeof user === 'string' ? user : user.id
  const at = now()
  // takes the app's lock (as lockApp does) and records the release time in the same statement
  await tx.updateTable('apps').set({released_at: at}).where('id', '=', appId).execute()
  const last = await tx.selectFrom('releases').select('version').where('app_id', '=', appId).orderBy('version', 'desc').limit(1).executeTakeFirst()
  // the app's few distinct plans first, then their names: no join of every attachment with plans
  const plans = await tx.selectFrom('plans').select('name')
    .where('id', 'in', (eb) => eb.selectFrom('attachments').innerJoin('addons', 'addons.id', 'attachments.addon_id').select('addons.plan_id').where('attachments.app_id', '=', appId))
    .orderBy('name')
    .execute()
  // the user-set vars as they are now (the caller has made its change): what a rollback restores
  const vars = await tx.selectFrom('config_vars').select(['name', 'value']).where('app_id', '=', appId).orderBy('name').execute()
  const release: ReleaseRow = {
    id: randomUUID(),
    app_id: appId,
    version: (last?.version ?? 0) + 1,
    description,
    user_id: userId,
    addon_plan_names: JSON.stringify(plans.map((p) => p.name)),
    config: JSON.stringify(Object.fromEntries(vars.map((v) => [v.name, v.value]))),
    created_at: at,
  }
  await tx.insertInto('releases').values(release).execute()
  // the app's log says what changed and who did it, as Heroku's app[api] lines do
  const email = typeof user === 'string' ? (await tx.selectFrom('accounts').select('email').where('id', '=', userId).executeTakeFirst())?.email : user.email
  const by = email ?? 'unknown'
  await logs.append(appId, [...firstLines, apiLine(`${plainDescription(description)} by ${by}`), apiLine(`Release v${release.version} created by ${by}`)], tx)
  await publishRelease(tx, {id: userId, email: email ?? ''}, release)
  return release
}

// A release can be rolled back to when it recorded the user-set config vars it ended with: every
// release since that was kept (the current one too, as on Heroku, where the heroku CLI's default
// rollback takes the second eligible release, counting the current one as the first).
export function eligibleForRollback(release: Pick<ReleaseRow, 'config'>): boolean {
  return release.config !== null
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
      await lockApp(tx, app.id)
      const target = await findRelease(tx, app.id, wanted)
      const recorded = recordedConfig(target)
      const owned = await attachmentOwnedVars(tx, this.ctx.catalog, app.id)
      const vars = restoredUserVars(recorded, new Set(owned.keys()))
      await tx.deleteFrom('config_vars').where('app_id', '=', app.id).execute()
      const rows = Object.entries(vars).map(([name, value]) => ({app_id: app.id, name, value}))
      // in slices: 32 KB of one-letter vars would pass SQLite's limit of bound values per statement
      for (let i = 0; i < rows.length; i += INSERT_SLICE) await tx.insertInto('config_vars').values(rows.slice(i, i + INSERT_SLICE)).execute()
      await assertConfigFits(tx, {appId: app.id})
      return cutRelease(tx, this.ctx.logs, app.id, actor, rollbackDescription(target.version))
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
