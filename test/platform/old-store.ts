import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider} from 'kysely'
import {migrationProvider} from '../../src/platform/store/migrations.js'
import {onPostgres, testDatabaseUrl} from './helpers.js'

export interface OldStore {
  // the raw store, typed loosely: an old store's tables are not today's
  db: Kysely<any>
  // the store's SQLite folder (unused on PostgreSQL)
  dir: string
  // runs the migrations before `until` (all of them without it); answers the migrator's error, if any
  migrate(until?: string): Promise<unknown>
  close(): Promise<void>
}

// A store as an older addonkit left it, for migration tests: on PostgreSQL (ADDONKIT_PLATFORM_DB=pg) a
// fresh schema, else a SQLite file in a folder of its own; a test migrates it up to the migration it
// checks, writes rows as that version did, then runs the rest.
export async function oldStore(name: string): Promise<OldStore> {
  const dir = mkdtempSync(join(tmpdir(), `addonkit-${name}-`))
  const url = await testDatabaseUrl()
  const db = url
    ? new Kysely<any>({dialect: new PostgresDialect({pool: new (await import('pg')).default.Pool({connectionString: url, max: 1})})})
    : new Kysely<any>({dialect: new SqliteDialect({database: new (await import('better-sqlite3')).default(join(dir, 'platform.sqlite'))})})
  const schema = onPostgres ? (await sql<{schema: string}>`select current_schema() as schema`.execute(db)).rows[0].schema : undefined
  return {
    db,
    dir,
    async migrate(until) {
      const all = await migrationProvider.getMigrations()
      const names = Object.keys(all).sort().filter((n) => until === undefined || n < until)
      const provider: MigrationProvider = {getMigrations: async () => Object.fromEntries(names.map((n) => [n, all[n]]))}
      return (await new Migrator({db, provider, migrationTableSchema: schema}).migrateToLatest()).error
    },
    async close() {
      await db.destroy()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}
