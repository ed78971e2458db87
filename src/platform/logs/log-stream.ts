import {sql} from 'kysely'
import type {LogLine} from '../../wire/logplex.js'
import {afterCommit, type Db, type Store, type Tx} from '../store/database.js'
import {AppendGroups} from './append-groups.js'
import {decodeLines, encodeLines, isFiltered, type LineFilter, type NumberedLine, type StoredBatch} from './log-batches.js'
import {LOG_CHANNEL, type LogFeed} from './log-feed.js'

export type {LineFilter, NumberedLine} from './log-batches.js'

// How many lines of each app the store keeps (`heroku logs` history: 1,500). It is also each
// drain's buffer: a drain further behind than this has lost the difference (an L10 report).
export const RETAINED_LINES = 1500

// Called in the writer's transaction with the app's id (drains enqueue their delivery here), and the
// ids of the app's drains when the append already read them (PostgreSQL), so none asks again.
export type AppendListener = (db: Db | Tx, appId: string, drainIds?: string[]) => Promise<void>

// A batch as a reader gets it, with the app's last line number read in the same statement: the
// kept lines are the newest RETAINED_LINES up to it, whatever older lines the batch still holds.
type ReadBatch = StoredBatch & {newest: number}

interface BatchRange {
  after: number
  span: number
  order: 'asc' | 'desc'
  lines?: number
  rows?: number
}

// Each app's stream of lines, in the store: one row per append (log-batches.ts). Writers of one app
// take its counter row (log_streams) first, so line numbers grow in commit order across instances: a
// reader that has seen line N can ask for "after N" and miss nothing. A reader sees exactly the
// newest RETAINED_LINES lines; a batch goes once every line of it is older than that.
export class LogStream {
  private readonly appendListeners: AppendListener[] = []
  private readonly groups = new AppendGroups<LogLine[]>((appId, parts) => this.store.transaction((tx) => this.append(appId, parts.length === 1 ? parts[0] : parts.flat(), tx)))

  constructor(private readonly store: Store, private readonly feed: LogFeed) {}

  // Work to do in the writer's transaction for every append (drains enqueue their delivery).
  onAppend(listener: AppendListener): void {
    this.appendListeners.push(listener)
  }

  // Appends lines in the caller's transaction when given one (a release and its lines commit
  // together), otherwise in one of its own, shared with the other appends to the app that arrive
  // while one is being written (append-groups.ts).
  async append(appId: string, lines: LogLine[], tx?: Tx): Promise<void> {
    if (lines.length === 0) return
    if (!tx) return this.groups.append(appId, lines)
    // lines of this append that are out of the kept window already are never read: not written
    const kept = lines.length > RETAINED_LINES ? lines.slice(-RETAINED_LINES) : lines
    const count = lines.length
    const drainIds = this.store.dialect === 'postgres' ? await appendOnPostgres(tx, appId, count, kept) : await appendOnSqlite(tx, appId, count, kept)
    if (this.store.dialect !== 'postgres') afterCommit(tx, () => this.feed.notify(appId))
    for (const listener of this.appendListeners) await listener(tx, appId, drainIds)
  }

  // The newest `limit` lines matching the filter, oldest first.
  async newest(appId: string, limit: number, filter: LineFilter = {}, db: Db | Tx = this.store.db): Promise<NumberedLine[]> {
    if (limit <= 0) return []
    // unfiltered, only the batches holding the newest `limit` lines; filtered, every kept one
    const span = isFiltered(filter) ? RETAINED_LINES : Math.min(limit, RETAINED_LINES)
    const batches = await this.read(db, appId, {after: 0, span, order: 'desc'})
    const picked: NumberedLine[][] = []
    let count = 0
    for (const batch of batches) {
      const lines = decodeLines(batch, batch.newest - span, filter)
      picked.push(lines.length > limit - count ? lines.slice(lines.length - (limit - count)) : lines)
      count += picked.at(-1)!.length
      if (count >= limit) break
    }
    return picked.reverse().flat()
  }

  // Lines after line `after`, oldest first.
  async after(appId: string, after: number, limit: number, filter: LineFilter = {}, db: Db | Tx = this.store.db): Promise<NumberedLine[]> {
    if (limit <= 0) return []
    // unfiltered, the lines wanted are the `limit` after `after` or after the oldest kept one,
    // whichever is later: only the batches that start before the end of those are read
    const batches = await this.read(db, appId, {after, span: RETAINED_LINES, order: 'asc', lines: isFiltered(filter) ? undefined : limit})
    const lines: NumberedLine[] = []
    for (const batch of batches) {
      for (const line of decodeLines(batch, Math.max(after, batch.newest - RETAINED_LINES), filter)) {
        lines.push(line)
        if (lines.length >= limit) return lines
      }
    }
    return lines
  }

  // The number of the app's last line (0 before any).
  async lastSeq(appId: string, db: Db | Tx = this.store.db): Promise<number> {
    const row = await db.selectFrom('log_streams').select('last_seq').where('app_id', '=', appId).executeTakeFirst()
    return Number(row?.last_seq ?? 0)
  }

  // The number of the app's oldest kept line (undefined when none is kept).
  async firstSeq(appId: string, db: Db | Tx = this.store.db): Promise<number | undefined> {
    const [oldest] = await this.read(db, appId, {after: 0, span: RETAINED_LINES, order: 'asc', rows: 1})
    return oldest === undefined ? undefined : Math.max(Number(oldest.first_seq), oldest.newest - RETAINED_LINES + 1)
  }

  // Everything of an app's stream, when the app goes.
  static async removeApp(tx: Tx, appId: string): Promise<void> {
    await tx.deleteFrom('log_batches').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_streams').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_sessions').where('app_id', '=', appId).execute()
    await tx.deleteFrom('log_drains').where('app_id', '=', appId).execute()
  }

  // The app's batches ending after line `after` that hold any of its newest `span` lines, with the
  // app's last line number: one statement, so both come from the same moment of the store. With
  // `lines`, only those holding the first `lines` of them; with `rows`, the first `rows` batches.
  private async read(db: Db | Tx, appId: string, {after, span, order, lines, rows}: BatchRange): Promise<ReadBatch[]> {
    let query = db.selectFrom('log_batches as b').innerJoin('log_streams as s', 's.app_id', 'b.app_id')
      .select(['b.first_seq', 'b.lines', 's.last_seq as newest'])
      .where('b.app_id', '=', appId)
      .where('b.last_seq', '>', after)
      .where((eb) => eb('b.last_seq', '>', eb('s.last_seq', '-', span)))
      .orderBy('b.last_seq', order)
    // line numbers have no gaps but where lines were pushed out: the first line wanted is the one
    // after `after` or the oldest of the newest `span`, whichever is later
    if (lines !== undefined) {
      query = query.where((eb) => eb.or([eb('b.first_seq', '<=', after + lines), eb('b.first_seq', '<=', eb(eb('s.last_seq', '-', span), '+', lines))]))
    }
    if (rows !== undefined) query = query.limit(rows)
    return (await query.execute()).map((row) => ({first_seq: Number(row.first_seq), lines: row.lines, newest: Number(row.newest)}))
  }
}

// Each append takes the app's counter row first (the upsert), so line numbers grow in commit order.
// Only the batches this append pushed out are deleted (earlier appends removed the rest): on
// PostgreSQL an open-ended range walks every dead index entry left by earlier deletes until vacuum
// runs; and it runs even while the app holds fewer lines than it keeps, so a write costs the same
// statements however full the app is.

// SQLite: a statement each (none is a round trip). The app's drains are left to the listeners.
async function appendOnSqlite(tx: Tx, appId: string, count: number, kept: LogLine[]): Promise<undefined> {
  const {last_seq: lastSeq} = await tx.insertInto('log_streams').values({app_id: appId, last_seq: count})
    .onConflict((oc) => oc.column('app_id').doUpdateSet((eb) => ({last_seq: eb('log_streams.last_seq', '+', count)})))
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  const last = Number(lastSeq)
  await tx.insertInto('log_batches').values({app_id: appId, first_seq: last - kept.length + 1, last_seq: last, lines: encodeLines(kept)}).execute()
  await tx.deleteFrom('log_batches').where('app_id', '=', appId)
    .where('last_seq', '>', last - count - RETAINED_LINES).where('last_seq', '<=', last - RETAINED_LINES).execute()
  return undefined
}

// PostgreSQL: one round trip for the counter, the batch, the trim, the NOTIFY that PostgreSQL sends
// every instance (this one too) once the transaction commits, and the app's drains, which the
// listeners would otherwise ask for in a round trip of their own. (The statements of a WITH all run
// once, on one snapshot: the trim cannot see the new batch, which it would keep anyway.)
async function appendOnPostgres(tx: Tx, appId: string, count: number, kept: LogLine[]): Promise<string[]> {
  const {rows} = await sql<{drain_ids: string | null}>`
    with counted as (
      insert into log_streams (app_id, last_seq) values (${appId}, ${count})
      on conflict (app_id) do update set last_seq = log_streams.last_seq + ${count}
      returning last_seq),
    pushed_out as (
      delete from log_batches where app_id = ${appId}
      and last_seq > (select last_seq from counted) - ${count + RETAINED_LINES} and last_seq <= (select last_seq from counted) - ${RETAINED_LINES}),
    written as (
      insert into log_batches (app_id, first_seq, last_seq, lines)
      select ${appId}, last_seq - ${kept.length - 1}, last_seq, ${encodeLines(kept)} from counted)
    select pg_notify(${LOG_CHANNEL}, ${appId}) as notified, (select string_agg(id, ',') from log_drains where app_id = ${appId}) as drain_ids from counted`.execute(tx)
  const drainIds = rows[0]?.drain_ids ?? null
  return drainIds === null ? [] : drainIds.split(',')
}
