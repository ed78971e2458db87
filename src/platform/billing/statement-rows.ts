import type {Db} from '../store/database.js'
import type {Month} from './months.js'

// Whose bill: an account's (its invoice), an app's, or one add-on's.
export type BillScope = {accountId: string} | {appId: string} | {addonId: string}

export interface PeriodLine {
  addon_id: string
  addon_name: string
  app_id: string
  app_name: string
  service_name: string
  plan_id: string
  plan_name: string
  price_cents: number
  price_unit: string
  price_contract: number
  price_metered: number
  started_s: number
  ended_s: number | null
  // the add-on still exists (false once destroyed)
  live: boolean
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
 * names as they are now (those of their time once they are gone).
 */
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number): Promise<PeriodLine[]> {
  const limit = Math.min(month.endS, asOfS)
  const query = db.selectFrom('billing_periods')
    .leftJoin('addons', 'addons.id', 'billing_periods.addon_id')
    .leftJoin('apps', 'apps.id', 'billing_periods.app_id')
    .select([
      'billing_periods.addon_id', 'billing_periods.addon_name', 'billing_periods.app_id', 'billing_periods.app_name', 'billing_periods.service_name',
      'billing_periods.plan_id', 'billing_periods.plan_name', 'billing_periods.price_cents', 'billing_periods.price_unit', 'billing_periods.price_contract',
      'billing_periods.price_metered', 'billing_periods.started_s', 'billing_periods.ended_s',
      'addons.name as live_addon_name', 'apps.name as live_app_name',
    ])
    .where('billing_periods.started_s', '<', limit)
    .where((eb) => eb.or([eb('billing_periods.ended_s', 'is', null), eb('billing_periods.ended_s', '>', month.startS)]))
    .orderBy('billing_periods.started_s').orderBy('billing_periods.addon_id')
  const [column, value] = scopeColumn(scope)
  const rows = await query.where(`billing_periods.${column}` as const, '=', value).execute()
  return rows.map((row) => ({
    addon_id: row.addon_id, addon_name: row.live_addon_name ?? row.addon_name, app_id: row.app_id, app_name: row.live_app_name ?? row.app_name,
    service_name: row.service_name, plan_id: row.plan_id, plan_name: row.plan_name, price_cents: row.price_cents, price_unit: row.price_unit,
    price_contract: row.price_contract, price_metered: row.price_metered, started_s: Number(row.started_s), ended_s: row.ended_s === null ? null : Number(row.ended_s),
    live: row.live_addon_name !== null,
  }))
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
