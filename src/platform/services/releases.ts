import {randomUUID} from 'node:crypto'
import {lockApp, type Db, type Tx} from '../store/database.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {ReleaseRow} from '../store/schema.js'
import {now} from './context.js'
import {notFound} from './errors.js'

// Cuts the next release of an app inside the caller's transaction: version = last + 1, guarded by
// the unique (app_id, version) constraint (a PostgreSQL race re-runs the whole transaction).
export async function cutRelease(tx: Tx, appId: string, userId: string, description: string): Promise<ReleaseRow> {
  const at = now()
  // takes the app's lock (as lockApp does) and records the release time in the same statement
  await tx.updateTable('apps').set({released_at: at}).where('id', '=', appId).execute()
  const last = await tx.selectFrom('releases').select('version').where('app_id', '=', appId).orderBy('version', 'desc').limit(1).executeTakeFirst()
  const plans = await tx.selectFrom('attachments')
    .innerJoin('addons', 'addons.id', 'attachments.addon_id')
    .innerJoin('plans', 'plans.id', 'addons.plan_id')
    .select('plans.name')
    .distinct()
    .where('attachments.app_id', '=', appId)
    .orderBy('plans.name')
    .execute()
  const release: ReleaseRow = {
    id: randomUUID(),
    app_id: appId,
    version: (last?.version ?? 0) + 1,
    description,
    user_id: userId,
    addon_plan_names: JSON.stringify(plans.map((p) => p.name)),
    created_at: at,
  }
  await tx.insertInto('releases').values(release).execute()
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
