import {type RawBuilder, sql} from 'kysely'
import type {Db} from '../store/database.js'
import {isPostgres} from '../store/dialect.js'
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
 * The plan periods that overlap the month up to `asOfS` (one begun this very second included: an
 * add-on just created is on the statement, for 0s), oldest first, with the add-on's and app's
 * names as they are now (those of their time once they are gone); `detail` adds the columns only a
 * period's own line shows.
 *
 * An account may have ten thousand add-ons. Read as rows, each column of each row is made a property
 * by the driver, which took ~33 ms for the bench's 11,000 periods; the database writes them instead
 * as one JSON array of arrays, which JSON.parse reads in a fraction of that (~18 ms in all).
 */
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail: true): Promise<PeriodDetailLine[]>
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail?: false): Promise<PeriodLine[]>
export async function periodsIn(db: Db, scope: BillScope, month: Month, asOfS: number, detail = false): Promise<PeriodLine[]> {
  const [column, value] = scopeColumn(scope)
  const values = sql.join([
    sql`p.addon_id`, sql`p.app_id`, sql`p.service_name`, sql`p.plan_name`, sql`p.price_cents`, sql`p.price_contract`, sql`p.started_s`, sql`p.ended_s`,
    sql`coalesce(addons.name, p.addon_name)`, sql`coalesce(apps.name, p.app_name)`, sql`case when addons.id is null then 0 else 1 end`,
    ...(detail ? [sql`p.plan_id`, sql`p.price_unit`, sql`p.price_metered`] : []),
  ])
  const {rows} = await sql<{periods: string | PeriodTuple[] | null}>`
    select ${jsonArrays(db, values)} as periods from billing_periods p
    left join addons on addons.id = p.addon_id left join apps on apps.id = p.app_id
    where ${sql.ref(`p.${column}`)} = ${value} and p.started_s < ${month.endS} and p.started_s <= ${asOfS}
      and (p.ended_s is null or p.ended_s > ${month.startS})`.execute(db)
  // oldest first, sorted here: the database sorting the arrays it wrote took longer; a period that
  // ended the second it began comes before the one that began then
  const tuples = readJsonArrays(rows[0]?.periods).sort((a, b) => a[6] - b[6] || (a[7] ?? Infinity) - (b[7] ?? Infinity))
  return tuples.map(detail ? periodDetailLine : periodLine)
}

// The rows as one JSON array of arrays of `values`, in no particular order.
function jsonArrays(db: Db, values: RawBuilder<unknown>): RawBuilder<unknown> {
  return isPostgres(db) ? sql`json_agg(json_build_array(${values}))` : sql`json_group_array(json_array(${values}))`
}

// What jsonArrays wrote: text from SQLite; from PostgreSQL, parsed by its driver already (null when no row matched).
function readJsonArrays<Tuple>(read: string | Tuple[] | null | undefined): Tuple[] {
  return typeof read === 'string' ? (JSON.parse(read) as Tuple[]) : (read ?? [])
}

// A period as periodsIn's query writes it: PeriodLine's columns in order, then PeriodDetailLine's.
type PeriodTuple = [string, string, string, string, number, number, number, number | null, string, string, number, string?, string?, number?]

function periodLine(t: PeriodTuple): PeriodLine {
  return {addon_id: t[0], app_id: t[1], service_name: t[2], plan_name: t[3], price_cents: t[4], price_contract: t[5], started_s: t[6], ended_s: t[7], addon_name: t[8], app_name: t[9], live: t[10]}
}

function periodDetailLine(t: PeriodTuple): PeriodDetailLine {
  return {...periodLine(t), plan_id: t[11]!, price_unit: t[12]!, price_metered: t[13]!}
}

// The month's usage totals: one row per add-on, plan, meter and price (read as periodsIn reads, the
// quantities and prices as text: they may pass 2^53, which a JSON number cannot hold).
export async function usageIn(db: Db, scope: BillScope, month: Month): Promise<UsageLine[]> {
  const [column, value] = scopeColumn(scope)
  const values = sql.join([sql`addon_id`, sql`app_id`, sql`plan_id`, sql`meter`, sql`unit`, sql`cast(microcents_per_unit as text)`, sql`cast(quantity_micros as text)`])
  const {rows} = await sql<{usage: string | UsageTuple[] | null}>`
    select ${jsonArrays(db, values)} as usage from usage_totals where ${sql.ref(column)} = ${value} and month = ${month.key}`.execute(db)
  return readJsonArrays(rows[0]?.usage).map((t) => ({addon_id: t[0], app_id: t[1], plan_id: t[2], meter: t[3], unit: t[4], microcents_per_unit: BigInt(t[5]), quantity_micros: BigInt(t[6])}))
}

type UsageTuple = [string, string, string, string, string, string, string]
