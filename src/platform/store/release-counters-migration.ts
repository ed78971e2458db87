import {sql, type Kysely, type Migration} from 'kysely'

/**
 * Each app counts its releases (apps.last_release_version): the next version comes from bumping it
 * with the statement that takes the app's lock (services/releases.ts), instead of a query for the
 * highest version. Existing apps start from their highest release.
 */
export const releaseCountersMigration: Migration = {
  async up(db: Kysely<any>) {
    // PostgreSQL runs each migration in a transaction; SQLite's run outside one, so this brings its
    // own: no app is left with the column but not its count
    if (db.isTransaction) await up(db)
    else await db.transaction().execute(up)
  },
}

async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('apps').addColumn('last_release_version', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await sql`update apps set last_release_version = coalesce((select max(version) from releases where releases.app_id = apps.id), 0)`.execute(db)
}
