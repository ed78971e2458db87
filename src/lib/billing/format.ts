import {parseMicros, type AddonBill, type AppUsage, type BillingStatement} from '../../wire/billing.js'
import type {Addon, Plan} from '../api/types.js'
import {formatPrice} from '../output/price.js'
import {sortByText} from '../output/sort-by-text.js'
import {renderTable} from '../output/table.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// An exact decimal (value × 10^-decimals) as dollars: at least two decimals, more only when they
// are not zero, thousands grouped: $1,234.50, $0.00837.
function dollars(value: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals)
  const whole = (value / scale).toLocaleString('en-US')
  const fraction = (value % scale).toString().padStart(decimals, '0').replace(/0+$/, '').padEnd(2, '0')
  return `$${whole}.${fraction}`
}

// Millicents (what the platform counts in) as dollars, exactly: $1.50, $0.01234.
export const formatMillicents = (millicents: number) => dollars(BigInt(millicents), 5)

// A price per unit in cents ("0.001") as dollars per unit: $0.00001/request.
export function formatUnitPrice(centsPerUnit: string, unit: string): string {
  const micros = parseMicros(centsPerUnit)
  return `${micros === undefined ? `${centsPerUnit}¢` : dollars(micros, 8)}/${unit}`
}

// 1,209,600 seconds → "14d"; 277,506 → "3d 5h 5m 6s"; units that are zero are left out.
export function formatDuration(seconds: number): string {
  const parts: string[] = []
  let rest = seconds
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count > 0) parts.push(`${count}${unit}`)
  }
  return parts.length > 0 ? parts.join(' ') : '0s'
}

export const formatQuantity = (quantity: number) => quantity.toLocaleString('en-US', {maximumFractionDigits: 6})

function monthTitle(statement: BillingStatement): string {
  const [year, month] = statement.month.split('-').map(Number)
  const name = `${MONTHS[month - 1]} ${year}`
  return statement.state === 'closed' ? `${name} (closed)` : `${name} so far (to ${statement.as_of.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')})`
}

interface Row {
  addon: string
  plan: string
  used: string
  cost: string
}

function addonRows(bill: AddonBill): Row[] {
  const name = bill.active ? bill.addon.name : `${bill.addon.name} (destroyed)`
  return [
    ...bill.periods.map((p) => ({addon: name, plan: p.plan.name, used: formatDuration(p.seconds), cost: p.cost_millicents === null ? 'contract' : formatMillicents(p.cost_millicents)})),
    ...bill.meters.map((m) => ({
      addon: name,
      plan: `${m.plan.name} ${m.name}`,
      used: `${formatQuantity(m.quantity)} × ${formatUnitPrice(m.cents_per_unit, m.unit)}`,
      cost: formatMillicents(m.cost_millicents),
    })),
  ]
}

/**
 * `addonkit billing`: a heading for the month, then each app's add-ons, one line per plan period
 * (time on the plan, its cost; contract plans say so) and per meter (quantity × unit price), then
 * the total; for the whole account, the invoice's total in whole cents beside it.
 */
export function formatStatement(statement: BillingStatement, app: string | undefined): string[] {
  const lines = [`=== Add-on costs${app === undefined ? '' : ` of ${app}`}, ${monthTitle(statement)}`]
  if (statement.apps.length === 0) return [...lines, '', `No add-on costs in ${statement.month}.`]
  for (const appBill of statement.apps) {
    lines.push('', `=== ${appBill.app.name}: ${formatMillicents(appBill.cost_millicents)}`)
    lines.push(renderTable<Row>([
      {header: 'Add-on', get: (r) => r.addon},
      {header: 'Plan', get: (r) => r.plan},
      {header: 'Used', get: (r) => r.used},
      {header: 'Cost', get: (r) => r.cost},
    ], appBill.addons.flatMap(addonRows)))
  }
  const total = formatMillicents(statement.cost_millicents)
  const cents = Math.floor((statement.cost_millicents + 500) / 1000)
  lines.push('', app === undefined ? `Total: ${total} (invoice ${statement.invoice.number}: ${dollars(BigInt(cents), 2)})` : `Total: ${total}`)
  return lines
}

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
