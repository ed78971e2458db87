import {sql} from 'kysely'
import type {Db} from '../store/database.js'
import {meterCost} from './money.js'
import {type Month, monthSeconds} from './months.js'

const bigint = (value: number) => sql`cast(${value} as bigint)`

/**
 * An account's charges for a month up to `asOfS`, in millicents, read as sums rather than line by
 * line: the invoice of an account with 10,000 add-ons is one aggregate over its periods (index
 * account_id, started_s) and one read of its usage totals (account_id, month), one row per meter.
 *
 * The fixed-price lines are the same arithmetic as money.ts `prorate`, in SQL integers: price in
 * millicents × seconds in the month (clipped to the period), plus half the month's seconds (even: a
 * whole number of days), divided by the month's seconds: rounded half up, per line, then summed.
 * Contract plans are not summed. A price of 2^31 cents over 31 days stays within a 64-bit integer.
 */
export async function chargesMillicents(db: Db, accountId: string, month: Month, asOfS: number): Promise<number> {
  const start = month.startS
  const end = Math.min(month.endS, asOfS)
  const seconds = monthSeconds(month)
  const until = sql`(case when coalesce(ended_s, ${bigint(end)}) < ${bigint(end)} then coalesce(ended_s, ${bigint(end)}) else ${bigint(end)} end)`
  const since = sql`(case when started_s > ${bigint(start)} then started_s else ${bigint(start)} end)`
  const fixed = await sql<{millicents: number | string | null}>`
    select sum((cast(price_cents as bigint) * 1000 * (${until} - ${since}) + ${bigint(seconds / 2)}) / ${bigint(seconds)}) as millicents
    from billing_periods
    where account_id = ${accountId} and started_s < ${bigint(end)} and (ended_s is null or (ended_s > ${bigint(start)} and ended_s > started_s))
      and price_contract = 0 and price_cents > 0`.execute(db)
  const metered = await db.selectFrom('usage_totals').select(['quantity_micros', 'microcents_per_unit'])
    .where('account_id', '=', accountId).where('month', '=', month.key).execute()
  let total = Number(fixed.rows[0]?.millicents ?? 0)
  for (const line of metered) total += meterCost(BigInt(line.quantity_micros), BigInt(line.microcents_per_unit))
  return total
}

// The second of an account's first plan period: its invoices begin that month. Undefined: none yet.
export async function firstActivityS(db: Db, accountId: string): Promise<number | undefined> {
  const row = await db.selectFrom('billing_periods').select((eb) => eb.fn.min<number | string | null>('started_s').as('first')).where('account_id', '=', accountId).executeTakeFirst()
  return row?.first === null || row?.first === undefined ? undefined : Number(row.first)
}
