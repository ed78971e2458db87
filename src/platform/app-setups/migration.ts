import type {Kysely, Migration} from 'kysely'

// App setups (platform/app-setups/): one row per POST /app-setups, kept after it ends so its outcome
// can be read back. The row also holds where the background job is: the app.json it read (manifest),
// the next add-on to create, whether that add-on's creation had begun (a job that finds it begun was
// interrupted: the setup fails and is rolled back), and whether a failure is being rolled back.
export const appSetupsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('app_setups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('app_name', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('source_checksum', 'text')
      .addColumn('overrides_env', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('failure_message', 'text')
      .addColumn('manifest_errors', 'text', (c) => c.notNull())
      .addColumn('manifest', 'text')
      .addColumn('next_addon', 'integer', (c) => c.notNull())
      .addColumn('step_started', 'integer', (c) => c.notNull())
      .addColumn('rolling_back', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
  },
}
