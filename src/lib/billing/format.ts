import type {AddonBill, AppUsage} from '../../wire/billing.js'
import type {Addon, Plan} from '../api/types.js'
import {formatPrice} from '../output/price.js'
import {sortByText} from '../output/sort-by-text.js'
import {renderTable} from '../output/table.js'
import {formatMillicents, formatQuantity, formatUnitPrice} from '../../wire/billing-figures.js'

// Billing's lines in other commands' output (`addons:info`, `usage`, `addons:plans`); `addonkit
// billing`'s own is src/wire/billing-statement-text.ts, and the figures' forms are
// src/wire/billing-figures.ts.

// `addons:info`'s "Cost this month": the cost so far, and whether part of it is by contract.
export function formatAddonCost(bill: AddonBill): string {
  const cost = formatMillicents(bill.cost_millicents)
  if (!bill.contract) return cost
  return bill.periods.every((p) => p.price.contract) && bill.meters.length === 0 ? 'contract' : `${cost} + contract`
}

// `addonkit usage`: the table `heroku usage:addons` prints, add-ons by name.
export function formatUsage(app: string, usage: AppUsage, addons: Addon[]): string[] {
  const names = new Map(addons.map((a) => [a.id, a.name]))
  const rows = usage.addons.flatMap((addon) =>
    Object.entries(addon.meters).map(([meter, {quantity}]) => ({addon: names.get(addon.id) ?? addon.id, meter, quantity})))
  if (rows.length === 0) return [`No usage found for app ${app}`]
  return [
    `=== Usage for ${app}`,
    renderTable(
      [
        {header: 'Add-on', get: (r: (typeof rows)[number]) => r.addon},
        {header: 'Meter', get: (r) => r.meter},
        {header: 'Quantity', get: (r) => formatQuantity(r.quantity)},
      ],
      sortByText(rows, (r) => [r.addon, r.meter]),
    ),
  ]
}

// `addons:plans`: the meters of metered plans, each plan's base price beside its meters' unit prices.
export function formatMeterPrices(plans: Plan[]): string[] {
  const rows = plans.filter((p) => p.price.metered).flatMap((p) => (p.meters ?? []).map((meter) => ({plan: p, meter})))
  if (rows.length === 0) return []
  return [
    '',
    '=== Metered prices',
    renderTable(
      [
        {header: 'Plan', get: (r: (typeof rows)[number]) => r.plan.name},
        {header: 'Base', get: (r) => formatPrice({...r.plan.price, metered: false})},
        {header: 'Meter', get: (r) => r.meter.name},
        {header: 'Price', get: (r) => formatUnitPrice(r.meter.cents_per_unit, r.meter.unit)},
      ],
      rows,
    ),
  ]
}
