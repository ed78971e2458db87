import {randomUUID} from 'node:crypto'
import type {Kysely, Migration} from 'kysely'

/**
 * Billing (platform/billing/): metered plans keep their meters with the plan; each add-on's plan
 * periods (opened at create and plan change, closed at plan change and destroy), kept after the
 * add-on is gone; providers' usage reports (by their id, for idempotency) and the month's sum per
 * meter, which is what a bill reads. Seconds and millionths are bigint.
 *
 * The invoice of a month reads an account's periods and usage totals by (account_id, month): both
 * are indexed that way (bench/billing.ts: 10,000 add-ons, 100,000 reports). Add-ons that exist when
 * this runs get a period from their creation, on their current plan.
 */
export const billingMigration: Migration = {
  async up(db: Kysely<any>) {
    // PostgreSQL runs each migration in a transaction; SQLite's run outside one, so this brings its
    // own: a store is never left with half of these tables
    if (db.isTransaction) await up(db)
    else await db.transaction().execute(up)
  },
}

async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('price_metered', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('plans').addColumn('meters', 'text').execute()

  await db.schema.createTable('billing_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_name', 'text', (c) => c.notNull())
    .addColumn('addon_id', 'text', (c) => c.notNull())
    .addColumn('addon_name', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('plan_name', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('price_unit', 'text', (c) => c.notNull())
    .addColumn('price_contract', 'integer', (c) => c.notNull())
    .addColumn('price_metered', 'integer', (c) => c.notNull())
    .addColumn('started_s', 'bigint', (c) => c.notNull())
    .addColumn('ended_s', 'bigint')
    .execute()
  await db.schema.createIndex('billing_periods_account').on('billing_periods').columns(['account_id', 'started_s']).execute()
  await db.schema.createIndex('billing_periods_app').on('billing_periods').columns(['app_id', 'started_s']).execute()
  await db.schema.createIndex('billing_periods_addon').on('billing_periods').columns(['addon_id', 'started_s']).execute()

  await db.schema.createTable('usage_reports')
    .addColumn('addon_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('meters', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_reports_pk', ['addon_id', 'id'])
    .execute()

  await db.schema.createTable('usage_totals')
    .addColumn('addon_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('meter', 'text', (c) => c.notNull())
    .addColumn('microcents_per_unit', 'bigint', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity_micros', 'bigint', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_totals_pk', ['addon_id', 'month', 'plan_id', 'meter', 'microcents_per_unit'])
    .execute()
  await db.schema.createIndex('usage_totals_account').on('usage_totals').columns(['account_id', 'month']).execute()
  await db.schema.createIndex('usage_totals_app').on('usage_totals').columns(['app_id', 'month']).execute()

  const existing = await db.selectFrom('addons')
    .innerJoin('apps', 'apps.id', 'addons.app_id')
    .innerJoin('addon_services', 'addon_services.id', 'addons.service_id')
    .innerJoin('plans', 'plans.id', 'addons.plan_id')
    .select(['addons.id as addon_id', 'addons.name as addon_name', 'addons.created_at', 'apps.id as app_id', 'apps.name as app_name', 'apps.owner_id',
      'addon_services.name as service_name', 'plans.id as plan_id', 'plans.name as plan_name', 'plans.price_cents', 'plans.price_unit', 'plans.price_contract'])
    .where('addons.state', '!=', 'pending')
    .execute()
  for (const row of existing as Array<Record<string, any>>) {
    await db.insertInto('billing_periods').values({
      id: randomUUID(), account_id: row.owner_id, app_id: row.app_id, app_name: row.app_name, addon_id: row.addon_id, addon_name: row.addon_name,
      service_name: row.service_name, plan_id: row.plan_id, plan_name: row.plan_name, price_cents: row.price_cents, price_unit: row.price_unit,
      price_contract: row.price_contract, price_metered: 0, started_s: Math.floor(Date.parse(row.created_at) / 1000), ended_s: null,
    }).execute()
  }
}
