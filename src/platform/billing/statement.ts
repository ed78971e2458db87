import {formatMicros, type AddonBill, type AddonSummary, type AppBill, type BillingStatement, type MeterBill, type PlanPeriodBill} from '../../wire/billing.js'
import {meterCost, microsToNumber, prorate} from './money.js'
import {invoiceNumber, isoAt, type Month, monthSeconds} from './months.js'
import type {PeriodDetailLine, PeriodLine, UsageLine} from './statement-rows.js'

// A plan's name from its id, for meter lines (plans are never removed from the catalog).
export type PlanName = (planId: string) => string

/**
 * What each add-on cost in `month`, counted up to `asOfS` (the month's end once it is over): each
 * plan period prorated to the second (contract plans shown, not summed), each meter's quantity at its
 * price; lines rounded once to a millicent (money.ts), totals summed from lines. Apps by name, their
 * add-ons by name, meters by plan then name. Each add-on in sums (its plans, time, cost), and with
 * `detail` each of its periods too, oldest first: the account's statement is the one with ten
 * thousand add-ons, and a line per period is for an app's or an add-on's.
 */
export function buildStatement(month: Month, asOfS: number, periods: PeriodDetailLine[], usage: UsageLine[], planName: PlanName, detail: true): BillingStatement<AddonBill>
export function buildStatement(month: Month, asOfS: number, periods: PeriodLine[], usage: UsageLine[], planName: PlanName, detail: false): BillingStatement<AddonSummary>
export function buildStatement(month: Month, asOfS: number, periods: PeriodLine[], usage: UsageLine[], planName: PlanName, detail: boolean): BillingStatement<AddonSummary> {
  const endS = Math.min(month.endS, asOfS)
  const secondsInMonth = monthSeconds(month)
  const addons = new Map<string, {app: {id: string; name: string}; bill: AddonSummary & Partial<AddonBill>}>()
  const addonOf = (addonId: string, appId: string, from?: PeriodLine) => {
    let entry = addons.get(addonId)
    if (!entry) {
      const addon = {id: addonId, name: from?.addon_name ?? addonId}
      const service = {name: from?.service_name ?? ''}
      const active = from?.live === 1
      const bill = detail
        ? {addon, addon_service: service, active, seconds: 0, plans: [], periods: [], meters: [], contract: false, cost_millicents: 0}
        : {addon, addon_service: service, active, seconds: 0, plans: [], meters: [], contract: false, cost_millicents: 0}
      entry = {app: {id: appId, name: from?.app_name ?? appId}, bill}
      addons.set(addonId, entry)
    }
    return entry.bill
  }

  // periods arrive oldest first (statement-rows.ts), so each add-on's plans and periods keep that order
  const iso = memo(isoAt)
  for (const period of periods) {
    const bill = addonOf(period.addon_id, period.app_id, period)
    const from = Math.max(period.started_s, month.startS)
    const seconds = Math.max(0, Math.min(period.ended_s ?? endS, endS) - from)
    const contract = period.price_contract === 1
    const cost = contract ? null : prorate(period.price_cents, seconds, secondsInMonth)
    bill.seconds += seconds
    if (cost === null) bill.contract = true
    else bill.cost_millicents += cost
    if (!bill.plans.includes(period.plan_name)) bill.plans.push(period.plan_name)
    if (bill.periods) bill.periods.push(periodBill(period as PeriodDetailLine, month, from, seconds, cost, iso))
  }
  // a few plans and prices among thousands of meter lines: each worked out once
  const names = {plan: memo(planName), price: memo(formatMicros)}
  for (const line of usage) {
    const bill = addonOf(line.addon_id, line.app_id)
    const meter = meterBill(line, names)
    bill.meters.push(meter)
    bill.cost_millicents += meter.cost_millicents
  }

  const apps = new Map<string, AppBill<AddonSummary>>()
  for (const {app, bill} of addons.values()) {
    if (bill.meters.length > 1) bill.meters.sort((a, b) => compare(a.plan.name, b.plan.name) || compare(a.name, b.name) || Number(a.cents_per_unit) - Number(b.cents_per_unit))
    let appBill = apps.get(app.id)
    if (!appBill) apps.set(app.id, (appBill = {app, addons: [], cost_millicents: 0}))
    appBill.addons.push(bill)
    appBill.cost_millicents += bill.cost_millicents
  }
  const sortedApps = [...apps.values()].sort((a, b) => compare(a.app.name, b.app.name) || compare(a.app.id, b.app.id))
  for (const app of sortedApps) app.addons.sort((a, b) => compare(a.addon.name, b.addon.name) || compare(a.addon.id, b.addon.id))

  return {
    month: month.key,
    period_start: isoAt(month.startS),
    period_end: isoAt(month.endS),
    as_of: isoAt(endS),
    state: asOfS >= month.endS ? 'closed' : 'pending',
    invoice: {number: invoiceNumber(month)},
    apps: sortedApps,
    cost_millicents: sortedApps.reduce((sum, app) => sum + app.cost_millicents, 0),
  }
}

// Names compare as JavaScript compares strings (UTF-16 code units), as the CLI sorts them: cheaper
// than localeCompare over ten thousand add-ons, and the same on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// A function of few distinct arguments (a second most periods start at, a plan, a price), called for
// thousands of lines: each answer made once.
function memo<Key, Value>(make: (key: Key) => Value): (key: Key) => Value {
  const made = new Map<Key, Value>()
  return (key) => {
    let value = made.get(key)
    if (value === undefined) made.set(key, (value = make(key)))
    return value
  }
}

// One period's line: its share of the month, [from, from + seconds), at its monthly price.
function periodBill(period: PeriodDetailLine, month: Month, from: number, seconds: number, cost: number | null, iso: (seconds: number) => string): PlanPeriodBill {
  return {
    plan: {id: period.plan_id, name: period.plan_name},
    price: {cents: period.price_cents, contract: cost === null, unit: period.price_unit, metered: period.price_metered === 1},
    started_at: iso(from),
    // left within the month; null while still on it (or on it when the month ended)
    ended_at: period.ended_s !== null && period.ended_s <= month.endS ? iso(period.ended_s) : null,
    seconds,
    cost_millicents: cost,
  }
}

function meterBill(line: UsageLine, names: {plan: PlanName; price: (microcents: bigint) => string}): MeterBill {
  return {
    plan: {id: line.plan_id, name: names.plan(line.plan_id)},
    name: line.meter,
    unit: line.unit,
    quantity: microsToNumber(line.quantity_micros),
    cents_per_unit: names.price(line.microcents_per_unit),
    cost_millicents: meterCost(line.quantity_micros, line.microcents_per_unit),
  }
}

// An add-on's bill with nothing in it (no period this month): what it has cost so far is nothing.
export function emptyAddonBill(addon: {id: string; name: string}, serviceName: string): AddonBill {
  return {addon, addon_service: {name: serviceName}, active: true, seconds: 0, plans: [], periods: [], meters: [], contract: false, cost_millicents: 0}
}
