import {formatMicros, type AddonBill, type AppBill, type BillingStatement, type MeterBill, type PlanPeriodBill} from '../../wire/billing.js'
import {meterCost, microsToNumber, prorate} from './money.js'
import {invoiceNumber, isoAt, type Month, monthSeconds} from './months.js'
import type {PeriodLine, UsageLine} from './statement-rows.js'

// A plan's name from its id, for meter lines (plans are never removed from the catalog).
export type PlanName = (planId: string) => string

/**
 * What each add-on cost in `month`, counted up to `asOfS` (the month's end once it is over): each
 * plan period prorated to the second (contract plans shown, not summed), each meter's quantity at its
 * price; lines rounded once to a millicent (money.ts), totals summed from lines. Apps by name, their
 * add-ons by name, periods oldest first, meters by plan then name.
 */
export function buildStatement(month: Month, asOfS: number, periods: PeriodLine[], usage: UsageLine[], planName: PlanName): BillingStatement {
  const endS = Math.min(month.endS, asOfS)
  const addons = new Map<string, {app: {id: string; name: string}; bill: AddonBill}>()
  const addonOf = (addonId: string, appId: string, from?: PeriodLine) => {
    let entry = addons.get(addonId)
    if (!entry) {
      entry = {
        app: {id: appId, name: from?.app_name ?? appId},
        bill: {addon: {id: addonId, name: from?.addon_name ?? addonId}, addon_service: {name: from?.service_name ?? ''}, active: from?.live ?? false, seconds: 0, periods: [], meters: [], contract: false, cost_millicents: 0},
      }
      addons.set(addonId, entry)
    }
    return entry.bill
  }

  // periods arrive oldest first (statement-rows.ts), so each add-on's stay in that order
  const iso = memoIso()
  for (const period of periods) {
    const bill = addonOf(period.addon_id, period.app_id, period)
    bill.periods.push(periodBill(period, month, endS, iso))
  }
  for (const line of usage) {
    const bill = addonOf(line.addon_id, line.app_id)
    bill.meters.push(meterBill(line, planName))
  }

  const apps = new Map<string, AppBill>()
  for (const {app, bill} of addons.values()) {
    bill.meters.sort((a, b) => compare(a.plan.name, b.plan.name) || compare(a.name, b.name) || Number(a.cents_per_unit) - Number(b.cents_per_unit))
    bill.seconds = bill.periods.reduce((sum, p) => sum + p.seconds, 0)
    bill.contract = bill.periods.some((p) => p.price.contract)
    bill.cost_millicents = bill.periods.reduce((sum, p) => sum + (p.cost_millicents ?? 0), 0) + bill.meters.reduce((sum, m) => sum + m.cost_millicents, 0)
    const appBill = apps.get(app.id) ?? {app, addons: [], cost_millicents: 0}
    appBill.addons.push(bill)
    appBill.cost_millicents += bill.cost_millicents
    apps.set(app.id, appBill)
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

// The ISO form of a second, made once per distinct second (most periods start with the month).
function memoIso(): (seconds: number) => string {
  const made = new Map<number, string>()
  return (seconds) => {
    let text = made.get(seconds)
    if (text === undefined) made.set(seconds, (text = isoAt(seconds)))
    return text
  }
}

// One period's share of the month: its seconds within [month start, endS), at its monthly price.
function periodBill(period: PeriodLine, month: Month, endS: number, iso: (seconds: number) => string): PlanPeriodBill {
  const from = Math.max(period.started_s, month.startS)
  const to = Math.min(period.ended_s ?? endS, endS)
  const seconds = Math.max(0, to - from)
  const contract = period.price_contract === 1
  return {
    plan: {id: period.plan_id, name: period.plan_name},
    price: {cents: period.price_cents, contract, unit: period.price_unit, metered: period.price_metered === 1},
    started_at: iso(from),
    // left within the month; null while still on it (or on it when the month ended)
    ended_at: period.ended_s !== null && period.ended_s <= month.endS ? iso(period.ended_s) : null,
    seconds,
    cost_millicents: contract ? null : prorate(period.price_cents, seconds, monthSeconds(month)),
  }
}

function meterBill(line: UsageLine, planName: PlanName): MeterBill {
  return {
    plan: {id: line.plan_id, name: planName(line.plan_id)},
    name: line.meter,
    unit: line.unit,
    quantity: microsToNumber(line.quantity_micros),
    cents_per_unit: formatMicros(line.microcents_per_unit),
    cost_millicents: meterCost(line.quantity_micros, line.microcents_per_unit),
  }
}

// An add-on's bill with nothing in it (no period this month): what it has cost so far is nothing.
export function emptyAddonBill(addon: {id: string; name: string}, serviceName: string): AddonBill {
  return {addon, addon_service: {name: serviceName}, active: true, seconds: 0, periods: [], meters: [], contract: false, cost_millicents: 0}
}
