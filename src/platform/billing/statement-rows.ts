import {sql} from 'kysely'
import type {Db} from '../store/database.js'
import type {Month} from './months.js'

// Whose bill: an account's (its invoice), an app's, or one add-on's.
export type BillScope = {accountId: string} | {appId: string} | {addonId: string}

// One plan period of an add-on: what an add-on's sums for the month need.
export interface PeriodLine {
  addon_id: string
  addon_name: string
  app_id: string
  app_name: string
  service_name: string
  plan_name: string
  price_cents: number
  price_contract: number
  started_s: number
  ended_s: number | null
  // 1 while the add-on exists, 0 once destroyed
  live: number
}

// ... and what a line of its own shows (an app's or an add-on's statement lists each period).
export interface PeriodDetailLine extends PeriodLine {
  plan_id: string
  price_unit: string
  price_metered: number
}

export interface UsageLine {
  addon_id: string
  app_id: string
  plan_id: string
  meter: string
  unit: string
  microcents_per_unit: bigint
  quantity_micros: bigint
}

// The column a scope filters on (both tables have all three).
function scopeColumn(scope: BillScope): ['account_id' | 'app_id' | 'addon_id', string] {
  if ('accountId' in scope) return ['account_id', scope.accountId]
  if ('appId' in scope) return ['app_id', scope.appId]
  return ['addon_id', scope.addonId]
}

/**
 * The plan periods that overlap the month up to `asOfS`, oldest first, with the add-on's and app's
 * names as they are now (those of their time once they are gone); `detail` adds the columns only a
 * period's own line shows. An account may have ten thousand add-ons, and reading a row costs by its
 * columns more than by anything else, so the names are settled in SQL and only what is used is read.
 */
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail: true): Promise<PeriodDetailLine[]>
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail?: false): Promise<PeriodLine[]>
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail = false): Promise<PeriodLine[]> {
  const limit = Math.min(month.endS, asOfS)
  const [column, value] = scopeColumn(scope)
  const rows = await db.selectFrom('billing_periods')
    .leftJoin('addons', 'addons.id', 'billing_periods.addon_id')
    .leftJoin('apps', 'apps.id', 'billing_periods.app_id')
    .select([
      'billing_periods.addon_id', 'billing_periods.app_id', 'billing_periods.service_name', 'billing_periods.plan_name',
      'billing_periods.price_cents', 'billing_periods.price_contract', 'billing_periods.started_s', 'billing_periods.ended_s',
      sql<string>`coalesce(addons.name, billing_periods.addon_name)`.as('addon_name'),
      sql<string>`coalesce(apps.name, billing_periods.app_name)`.as('app_name'),
      sql<number>`case when addons.id is null then 0 else 1 end`.as('live'),
    ])
    .$if(detail, (query) => query.select(['billing_periods.plan_id', 'billing_periods.price_unit', 'billing_periods.price_metered']))
    .where(`billing_periods.${column}` as const, '=', value)
    .where('billing_periods.started_s', '<', limit)
    .where((eb) => eb.or([eb('billing_periods.ended_s', 'is', null), eb('billing_periods.ended_s', '>', month.startS)]))
    .orderBy('billing_periods.started_s').orderBy('billing_periods.addon_id')
    .execute()
  // PostgreSQL's bigints arrive as text; the rows are this function's own, so fixed in place
  for (const row of rows) {
    row.started_s = Number(row.started_s)
    if (row.ended_s !== null) row.ended_s = Number(row.ended_s)
    row.live = Number(row.live)
  }
  return rows as PeriodLine[]
}

// The month's usage totals: one row per add-on, plan, meter and price.
export async function usageIn(db: Db, scope: BillScope, month: Month): Promise<UsageLine[]> {
  const [column, value] = scopeColumn(scope)
  const rows = await db.selectFrom('usage_totals')
    .select(['addon_id', 'app_id', 'plan_id', 'meter', 'unit', 'microcents_per_unit', 'quantity_micros'])
    .where(column, '=', value).where('month', '=', month.key)
    .execute()
  return rows.map((row) => ({...row, microcents_per_unit: BigInt(row.microcents_per_unit), quantity_micros: BigInt(row.quantity_micros)}))
}
