import type {Db} from '../store/database.js'

export interface AppUsageRow {
  addon_id: string
  meter: string
  quantity_micros: bigint
}

// The month's quantity of each meter of each add-on billed to an app (a plan change or a new price
// splits a meter's total: summed here), by add-on then meter.
export async function appUsageRows(db: Db, appId: string, month: string): Promise<AppUsageRow[]> {
  const rows = await db.selectFrom('usage_totals')
    .select(['addon_id', 'meter', (eb) => eb.fn.sum<number | string>('quantity_micros').as('quantity_micros')])
    .where('app_id', '=', appId).where('month', '=', month)
    .groupBy(['addon_id', 'meter']).orderBy('addon_id').orderBy('meter')
    .execute()
  return rows.map((row) => ({addon_id: row.addon_id, meter: row.meter, quantity_micros: BigInt(row.quantity_micros)}))
}
