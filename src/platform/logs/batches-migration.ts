import type {Kysely, Migration} from 'kysely'
import {encodeLines} from './log-batches.js'

// what one moved batch holds at most (a POST /logs batch is about this size)
const MOVED_BATCH_LINES = 500

/**
 * An app's lines kept as one row per append (log_batches, see log-batches.ts) instead of one row
 * per line: an append costs a few statements whatever its size. The lines of log_lines move into
 * batches of consecutive line numbers, then log_lines goes; log_streams' counters stay as they are.
 * The key (app_id, last_seq) serves both reads ("after N", the newest) and the trim.
 */
export const logBatchesMigration: Migration = {
  async up(db: Kysely<any>) {
    // PostgreSQL runs each migration in a transaction; SQLite's run outside one, so this brings its
    // own: a store never has its lines in both tables, or in neither
    if (db.isTransaction) await up(db)
    else await db.transaction().execute(up)
  },
}

async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('log_batches')
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_batches_pk', ['app_id', 'last_seq'])
    .execute()
  const apps = await db.selectFrom('log_lines').select('app_id').distinct().execute()
  for (const {app_id: appId} of apps) {
    const rows = await db.selectFrom('log_lines').select(['seq', 'time', 'source', 'process', 'message']).where('app_id', '=', appId).orderBy('seq').execute()
    let run: typeof rows = []
    const flush = async () => {
      if (run.length === 0) return
      await db.insertInto('log_batches').values({app_id: appId, first_seq: Number(run[0].seq), last_seq: Number(run.at(-1)!.seq), lines: encodeLines(run)}).execute()
      run = []
    }
    for (const row of rows) {
      // a batch's lines are numbered without gaps
      if (run.length >= MOVED_BATCH_LINES || (run.length > 0 && Number(row.seq) !== Number(run.at(-1)!.seq) + 1)) await flush()
      run.push(row)
    }
    await flush()
  }
  await db.schema.dropTable('log_lines').execute()
}
