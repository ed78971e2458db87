import {sql, type Kysely, type Migration, type MigrationProvider} from 'kysely'

// The one set of migrations for SQLite and PostgreSQL: only portable column types (text, integer),
// so booleans are 0/1 and timestamps ISO text.
const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('api_key', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('regions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('private_capable', 'integer', (c) => c.notNull())
      .addColumn('provider_name', 'text', (c) => c.notNull())
      .addColumn('provider_region', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('spaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('shield', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('apps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('space_id', 'text', (c) => c.references('spaces.id'))
      .addColumn('maintenance', 'integer', (c) => c.notNull())
      .addColumn('released_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('apps_owner').on('apps').column('owner_id').execute()

    await db.schema.createTable('addon_services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('human_name', 'text', (c) => c.notNull())
      .addColumn('cli_plugin_name', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('supports_multiple_installations', 'integer', (c) => c.notNull())
      .addColumn('supports_sharing', 'integer', (c) => c.notNull())
      .addColumn('manifest', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('service_id', 'text', (c) => c.notNull().references('addon_services.id'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('human_name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('price_unit', 'text', (c) => c.notNull())
      .addColumn('price_contract', 'integer', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull())
      .addColumn('inside_private_network', 'integer', (c) => c.notNull())
      .addColumn('outside_private_network', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('addons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('service_id', 'text', (c) => c.notNull().references('addon_services.id'))
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text')
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('staged_config', 'text')
      .addColumn('provision_message', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('addons_app').on('addons').column('app_id').execute()
    await db.schema.createIndex('addons_state').on('addons').column('state').execute()

    await db.schema.createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('addon_id', 'text', (c) => c.notNull().references('addons.id'))
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('namespace', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('attachments_app_name', ['app_id', 'name'])
      .execute()
    await db.schema.createIndex('attachments_addon').on('attachments').column('addon_id').execute()

    await db.schema.createTable('config_vars')
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('config_vars_pk', ['app_id', 'name'])
      .execute()

    await db.schema.createTable('releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('addon_plan_names', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('releases_app_version', ['app_id', 'version'])
      .execute()

    await db.schema.createTable('oauth_grants')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('addon_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('partner_tokens')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('addon_id', 'text', (c) => c.notNull())
      .addColumn('refresh_token', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema.createTable('provider_deletions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .execute()
  },
}

// Lists of an app's add-ons page by id or name within the app: index both orders. Attachments
// carry their add-on's owning app so "foreign add-ons attached here" is one index range, not a
// join over every attachment of the app.
const listIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('addons_app_id_order').on('addons').columns(['app_id', 'id']).execute()
    await db.schema.createIndex('addons_app_name_order').on('addons').columns(['app_id', 'name']).execute()
    await db.schema.alterTable('attachments').addColumn('addon_app_id', 'text').execute()
    await sql`update attachments set addon_app_id = (select app_id from addons where addons.id = attachments.addon_id)`.execute(db)
    await db.schema.createIndex('attachments_app_owner').on('attachments').columns(['app_id', 'addon_app_id']).execute()
  },
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return {'0001_initial': initial, '0002_list_indexes': listIndexes}
  },
}
