import {randomUUID} from 'node:crypto'
import {apiLine, plainDescription} from '../logs/platform-lines.js'
import type {LogStream} from '../logs/log-stream.js'
import type {Db, Tx} from '../store/database.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {ReleaseRow} from '../store/schema.js'
import {now} from './context.js'
import {notFound} from './errors.js'

// Cuts the next release of an app inside the caller's transaction: version = last + 1, guarded by
// the unique (app_id, version) constraint (a PostgreSQL race re-runs the whole transaction).
export async function cutRelease(tx: Tx, logs: LogStream, appId: string, userId: string, description: string): Promise<ReleaseRow> {
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
  const user = await tx.selectFrom('accounts').select('email').where('id', '=', userId).executeTakeFirst()
  const by = user?.email ?? 'unknown'
  await logs.append(appId, [apiLine(`${plainDescription(description)} by ${by}`), apiLine(`Release v${release.version} created by ${by}`)], tx)
  return release
}

export class ReleasesService {
  constructor(private readonly db: Db) {}

  list(appId: string, page: PageRequest): Promise<Page<ReleaseRow>> {
    const query = this.db.selectFrom('releases').selectAll().where('app_id', '=', appId)
    return fetchPage(query, page, {
      version: {column: 'version', key: (r) => String(r.version), numeric: true},
      id: {column: 'id', key: (r) => r.id},
    })
  }

  async info(appId: string, ref: string): Promise<ReleaseRow> {
    const byVersion = /^\d+$/.test(ref)
    const release = await this.db.selectFrom('releases').selectAll().where('app_id', '=', appId)
      .where(byVersion ? 'version' : 'id', '=', byVersion ? Number(ref) : ref)
      .executeTakeFirst()
    if (!release) throw notFound('release', "Couldn't find that release.")
    return release
  }

  async currentVersion(appId: string): Promise<number | undefined> {
    const last = await this.db.selectFrom('releases').select('version').where('app_id', '=', appId).orderBy('version', 'desc').limit(1).executeTakeFirst()
    return last?.version
  }
}
