import {sql} from 'kysely'
import type {LogLine} from '../../wire/logplex.js'
import {afterCommit, type Db, type Store, type Tx} from '../store/database.js'
import type {LogLineRow} from '../store/schema.js'
import {LOG_CHANNEL, type LogFeed} from './log-feed.js'

// How many lines of each app the store keeps (`heroku logs` history: 1,500). It is also each
// drain's buffer: a drain further behind than this has lost the difference (an L10 report).
export const RETAINED_LINES = 1500

export interface NumberedLine extends LogLine {
  seq: number
}

export interface LineFilter {
  // `app`, `heroku`, an add-on's name
  source?: string
  // a process (`web.1`) or a process type (`web`: every `web.N`)
  dyno?: string
}

// Called with the app's id once lines are committed (drains are told here).
export type AppendListener = (db: Db | Tx, appId: string) => Promise<void>

// Each app's stream of lines, in the store. Writers of one app take its counter row
// (log_streams) first, so line numbers grow in commit order across instances: a reader that has seen
// line N can ask for "after N" and miss nothing.
export class LogStream {
  private readonly appendListeners: AppendListener[] = []

  constructor(private readonly store: Store, private readonly feed: LogFeed) {}

  // Work to do in the writer's transaction for every append (drains enqueue their delivery).
  onAppend(listener: AppendListener): void {
    this.appendListeners.push(listener)
  }

  // Appends lines in the caller's transaction when given one (a release and its lines commit
  // together), otherwise in one of its own.
  async append(appId: string, lines: LogLine[], tx?: Tx): Promise<void> {
    if (lines.length === 0) return
    if (!tx) return this.store.transaction((own) => this.append(appId, lines, own))
    const {last_seq: last} = await tx.insertInto('log_streams').values({app_id: appId, last_seq: lines.length})
      .onConflict((oc) => oc.column('app_id').doUpdateSet((eb) => ({last_seq: eb('log_streams.last_seq', '+', lines.length)})))
      .returning('last_seq')
      .executeTakeFirstOrThrow()
    const first = Number(last) - lines.length + 1
    const rows: LogLineRow[] = lines.map((line, i) => ({app_id: appId, seq: first + i, time: line.time, source: line.source, process: line.process, message: line.message}))
    // SQLite takes at most 32,766 parameters per statement: 6 per row
    for (let i = 0; i < rows.length; i += 2000) await tx.insertInto('log_lines').values(rows.slice(i, i + 2000)).execute()
    // only the lines this append pushed out (earlier appends removed the rest): on PostgreSQL an
    // open-ended range walks every dead index entry left by earlier deletes until vacuum runs
    // (run even while the app holds fewer lines than it keeps: a write costs the same statements
    // however full the app is)
    await tx.deleteFrom('log_lines').where('app_id', '=', appId)
      .where('seq', '>', first - 1 - RETAINED_LINES).where('seq', '<=', Number(last) - RETAINED_LINES).execute()
    for (const listener of this.appendListeners) await listener(tx, appId)
    // PostgreSQL tells every instance (this one too) when the transaction commits
    if (this.store.dialect === 'postgres') await sql`select pg_notify(${LOG_CHANNEL}, ${appId})`.execute(tx)
    else afterCommit(tx, () => this.feed.notify(appId))
  }

  // The newest `limit` lines matching the filter, oldest first.
  async newest(appId: string, limit: number, filter: LineFilter = {}, db: Db | Tx = this.store.db): Promise<NumberedLine[]> {
    const rows = await filtered(db.selectFrom('log_lines').selectAll().where('app_id', '=', appId), filter)
      .orderBy('seq', 'desc').limit(limit).execute()
    return rows.reverse().map(toLine)
  }

  // Lines after line `after`, oldest first.
  async after(appId: string, after: number, limit: number, filter: LineFilter = {}, db: Db | Tx = this.store.db): Promise<NumberedLine[]> {
    const rows = await filtered(db.selectFrom('log_lines').selectAll().where('app_id', '=', appId).where('seq', '>', after), filter)
      .orderBy('seq').limit(limit).execute()
    return rows.map(toLine)
  }

  // The number of the app's last line (0 before any).
  async lastSeq(appId: string, db: Db | Tx = this.store.db): Promise<number> {
    const row = await db.selectFrom('log_streams').select('last_seq').where('app_id', '=', appId).executeTakeFirst()
    return Number(row?.last_seq ?? 0)
  }

  // The number of the app's oldest kept line (undefined when none is kept).
  async firstSeq(appId: string, db: Db | Tx = this.store.db): Promise<number | undefined> {
    const row = await db.selectFrom('log_lines').select('seq').where('app_id', '=', appId).orderBy('seq').limit(1).executeTakeFirst()
    return row === undefined ? undefined : Number(row.seq)
  }

  // Everything of an app's stream, when the app goes.
  static async removeApp(tx: Tx, appId: string): Promise<void> {
    await tx.deleteFrom('log_lines').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_streams').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_sessions').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_drains').where('app_id', '=', appId).execute()
  }
}

function filtered<Q extends {where: any}>(query: Q, filter: LineFilter): Q {
  let q: any = query
  if (filter.source) q = q.where('source', '=', filter.source)
  if (filter.dyno) {
    const dyno = filter.dyno
    // `web` is a process type: every web.N; `web.1` is one process
    q = dyno.includes('.') ? q.where('process', '=', dyno) : q.where((eb: any) => eb.or([eb('process', '=', dyno), eb('process', 'like', `${dyno.replace(/[%_\\]/g, '\\$&')}.%`)]))
  }
  return q
}

function toLine(row: LogLineRow): NumberedLine {
  return {seq: Number(row.seq), time: row.time, source: row.source, process: row.process, message: row.message}
}
