import {sql, type Kysely, type Migration, type MigrationProvider} from 'kysely'
import {appSetupsMigration} from '../app-setups/migration.js'
import {billingMigration} from '../billing/migration.js'
import {logBatchesMigration} from '../logs/batches-migration.js'
import {configColumns} from './config-columns.js'
import {isPostgres} from './dialect.js'
import {releaseCountersMigration} from './release-counters-migration.js'
import {hashSecret} from './secret-hash.js'

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

// Several instances on one database: each keeps a heartbeat row; a pending add-on names the
// instance provisioning it, so recovery takes only the work of instances that are gone; background
// work is one table of jobs claimed with an expiry; the rate limit's buckets are shared rows.
const instancesAndJobs: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hostname', 'text', (c) => c.notNull())
      .addColumn('pid', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.alterTable('addons').addColumn('instance_id', 'text').execute()

    await db.schema.createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      // set for recurring jobs (one row per key, rescheduled after each run)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('jobs_due').on('jobs').columns(['run_at']).execute()
    await sql`insert into jobs (id, kind, key, payload, attempts, run_at, claimed_by, claimed_until, created_at)
      select id, 'provider-deletion', null, '{"service_id":"' || service_id || '","provider_id":"' || provider_id || '"}', attempts, next_attempt_at, null, null, next_attempt_at
      from provider_deletions`.execute(db)
    await db.schema.dropTable('provider_deletions').execute()

    // PostgreSQL: unlogged (no WAL, no fsync per request); a bucket lost in a crash only refills early.
    const unlogged = isPostgres(db)
    await sql`create ${sql.raw(unlogged ? 'unlogged table' : 'table')} rate_limits (
      key text primary key,
      tokens double precision not null,
      at_ms double precision not null,
      allowed integer not null
    )`.execute(db)
  },
}

// Credentials are kept only as SHA-256 hashes (see secret-hash.ts); keys, tokens and codes given
// out before are hashed in place, so they keep working. Columns are renamed so that no code can
// keep comparing a plain key with the column by mistake. Needs only 0001.
const hashedCredentials: Migration = {
  async up(db: Kysely<any>) {
    // PostgreSQL runs each migration in a transaction; SQLite's migrations run outside one, so
    // this one brings its own: a store is never left half renamed, half hashed.
    const work = async (tx: Kysely<any>) => {
      await tx.schema.alterTable('accounts').renameColumn('api_key', 'api_key_hash').execute()
      await tx.schema.alterTable('partner_tokens').renameColumn('token', 'token_hash').execute()
      await tx.schema.alterTable('partner_tokens').renameColumn('refresh_token', 'refresh_token_hash').execute()
      await tx.schema.alterTable('oauth_grants').renameColumn('code', 'code_hash').execute()
      for (const {id, api_key_hash: key} of await tx.selectFrom('accounts').select(['id', 'api_key_hash']).execute()) {
        await tx.updateTable('accounts').set({api_key_hash: hashSecret(key)}).where('id', '=', id).execute()
      }
      for (const {token_hash: token, refresh_token_hash: refresh} of await tx.selectFrom('partner_tokens').select(['token_hash', 'refresh_token_hash']).execute()) {
        await tx.updateTable('partner_tokens').set({token_hash: hashSecret(token), refresh_token_hash: hashSecret(refresh)}).where('token_hash', '=', token).execute()
      }
      for (const {code_hash: code} of await tx.selectFrom('oauth_grants').select('code_hash').execute()) {
        await tx.updateTable('oauth_grants').set({code_hash: hashSecret(code)}).where('code_hash', '=', code).execute()
      }
    }
    if (db.isTransaction) await work(db)
    else await db.transaction().execute(work)
  },
}

// Each add-on row carries its config's size (see services/config-size.ts), computed here once for
// the add-ons that exist.
const configSizes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('addons').addColumn('config_var_count', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    await db.schema.alterTable('addons').addColumn('config_bytes', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    const services = await db.selectFrom('addon_services').select(['id', 'manifest']).execute()
    const manifests = new Map(services.map((s: {id: string; manifest: string}) => [s.id, JSON.parse(s.manifest)]))
    const addons = await db.selectFrom('addons').select(['id', 'service_id', 'config']).where('config', '!=', '{}').execute()
    for (const addon of addons as {id: string; service_id: string; config: string}[]) {
      const manifest = manifests.get(addon.service_id)
      if (!manifest) continue
      const {config_var_count, config_bytes} = configColumns(manifest, JSON.parse(addon.config))
      await db.updateTable('addons').set({config_var_count, config_bytes}).where('id', '=', addon.id).execute()
    }
  },
}

// The app's log stream (platform/logs/): each app's lines are numbered by a counter row that every
// writer of the app's stream locks, so line numbers grow in commit order and a reader that has seen
// line N never misses a line below N. Attachments of log_input services carry the token of their
// log_input_url; drains remember how far they have delivered. Jobs gain `rerun`: asking again for a
// keyed job that is running makes it run once more instead of being lost.
const logs: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('log_streams')
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createTable('log_lines')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('process', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_lines_pk', ['app_id', 'seq'])
      .execute()
    await db.schema.createTable('log_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('dyno', 'text')
      .addColumn('tail', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createTable('log_drains')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('addon_id', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('delivered_seq', 'integer', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('batch_end_seq', 'integer')
      .addColumn('batch_attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('log_drains_app_url', ['app_id', 'url'])
      .execute()
    await db.schema.createIndex('log_drains_addon').on('log_drains').column('addon_id').execute()
    await db.schema.alterTable('attachments').addColumn('log_input_token', 'text').execute()
    await db.schema.createIndex('attachments_log_input_token').on('attachments').column('log_input_token').unique().execute()
    await db.schema.alterTable('apps').addColumn('run_count', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    await db.schema.alterTable('jobs').addColumn('rerun', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  },
}

// Domains of apps (a hostname belongs to one app on the whole platform), and each release's
// user-set config vars, so a rollback can bring back those of an earlier version (releases made
// before this migration have none and cannot be rolled back to).
const domainsAndReleaseConfig: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('domains')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('hostname', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('cname', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('acm_status', 'text')
      .addColumn('acm_status_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('domains_app').on('domains').column('app_id').execute()
    await db.schema.alterTable('releases').addColumn('config', 'text').execute()
  },
}

// Webhooks (platform/webhooks/): subscriptions of an app (its owner's) or of an add-on (its
// provider's); events written in the transaction of the change they describe, with one delivery per
// subscription that hears them (the outbox a 'webhook-delivery' job empties). `seq` orders lists:
// the creation time, then the id, so rows made in the same millisecond still page in a fixed order.
const webhooks: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text')
      .addColumn('addon_id', 'text')
      .addColumn('include', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('authorization_header', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('webhooks_app').on('webhooks').column('app_id').execute()
    await db.schema.createIndex('webhooks_addon').on('webhooks').column('addon_id').execute()
    await db.schema.createTable('webhook_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('include', 'text', (c) => c.notNull())
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_email', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('previous_data', 'text', (c) => c.notNull())
      .addColumn('seq', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('num_attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text')
      .addColumn('last_attempt_id', 'text')
      .addColumn('last_attempt_code', 'integer')
      .addColumn('last_attempt_error_class', 'text')
      .addColumn('last_attempt_status', 'text')
      .addColumn('last_attempt_created_at', 'text')
      .addColumn('last_attempt_updated_at', 'text')
      .addColumn('seq', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'seq']).execute()
    await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').column('event_id').execute()
    await db.schema.createIndex('webhook_deliveries_updated').on('webhook_deliveries').column('updated_at').execute()
  },
}

// Dashboard sessions and one-time sign-in links (platform/dashboard/sessions.ts), kept in the store
// so a browser signed in through one instance is signed in on all of them.
const dashboardSessions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('dashboard_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('api_key_hash', 'text', (c) => c.notNull())
      .addColumn('flash', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('dashboard_sessions_expires').on('dashboard_sessions').column('expires_at').execute()
    await db.schema.createTable('dashboard_sign_in_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('api_key_hash', 'text', (c) => c.notNull())
      .addColumn('landing', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
  },
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return {'0001_initial': initial, '0002_list_indexes': listIndexes, '0003_instances_and_jobs': instancesAndJobs, '0004_hashed_credentials': hashedCredentials, '0005_config_sizes': configSizes, '0006_logs': logs, '0007_domains_and_release_config': domainsAndReleaseConfig, '0008_webhooks': webhooks, '0009_dashboard_sessions': dashboardSessions, '0010_billing': billingMigration, '0011_app_setups': appSetupsMigration, '0012_log_batches': logBatchesMigration, '0013_release_counters': releaseCountersMigration}
  },
}
