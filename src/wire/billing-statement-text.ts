import {hasPeriods, toCents, type AddonSummary, type BillingStatement} from './billing.js'
import {formatCents, formatDuration, formatMillicents, formatQuantity, formatUnitPrice} from './billing-figures.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const HEADERS = ['Add-on', 'Plan', 'Used', 'Cost'] as const

function monthTitle(statement: BillingStatement): string {
  const [year, month] = statement.month.split('-').map(Number)
  const name = `${MONTHS[month - 1]} ${year}`
  return statement.state === 'closed' ? `${name} (closed)` : `${name} so far (to ${statement.as_of.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')})`
}

/**
 * A statement as text, as `addonkit billing` prints it: the platform answers it to `Accept: text/plain`
 * (STATEMENT_TEXT_ACCEPT), so the CLI prints ten thousand add-ons without parsing and formatting them
 * in a fresh process, and the CLI formats a JSON statement the same way when a platform has no text.
 *
 * A heading for the month, then each app's add-ons, then the total; for the whole
 * account, the invoice's total in whole cents beside it. An add-on with its plan periods (an app's
 * statement) has a line per period (time on the plan, its cost; contract plans say so); one in sums
 * (the account's) has one line for its plans, its time on them and what they cost. Each meter has a
 * line (quantity × unit price), so an app's lines add up to its total either way.
 *
 * One string, ending in a newline, written at once: the account's statement may hold ten thousand
 * add-ons. `app` is the app as the user named it (`-a APP`, `?app=`).
 */
export function formatStatement(statement: BillingStatement, app: string | undefined): string {
  let text = `=== Add-on costs${app === undefined ? '' : ` of ${app}`}, ${monthTitle(statement)}\n`
  if (statement.apps.length === 0) return `${text}\nNo add-on costs in ${statement.month}.\n`
  // most add-ons were on their plan all month: their time and cost are the same few figures
  const figures: Figures = {duration: remembered(formatDuration), money: remembered(formatMillicents)}
  for (const appBill of statement.apps) {
    const table = new Columns()
    for (const bill of appBill.addons) addonLines(bill, table, figures)
    text += `\n=== ${appBill.app.name}: ${formatMillicents(appBill.cost_millicents)}\n${table.text()}\n`
  }
  const total = formatMillicents(statement.cost_millicents)
  return `${text}\n${app === undefined ? `Total: ${total} (invoice ${statement.invoice.number}: ${formatCents(toCents(statement.cost_millicents))})` : `Total: ${total}`}\n`
}

interface Figures {
  duration(seconds: number): string
  money(millicents: number): string
}

function remembered(format: (value: number) => string): (value: number) => string {
  const made = new Map<number, string>()
  return (value) => {
    let text = made.get(value)
    if (text === undefined) made.set(value, (text = format(value)))
    return text
  }
}

function addonLines(bill: AddonSummary, table: Columns, {duration, money}: Figures): void {
  const name = bill.active ? bill.addon.name : `${bill.addon.name} (destroyed)`
  const meters = bill.meters
  if (hasPeriods(bill)) {
    for (const p of bill.periods) table.add(name, p.plan.name, duration(p.seconds), p.cost_millicents === null ? 'contract' : money(p.cost_millicents))
  } else if (bill.plans.length > 0) {
    let plans = bill.cost_millicents
    for (const m of meters) plans -= m.cost_millicents
    // contract time is billed elsewhere
    const cost = !bill.contract ? money(plans) : plans === 0 ? 'contract' : `${money(plans)} + contract`
    table.add(name, bill.plans.length === 1 ? bill.plans[0] : bill.plans.join(', '), duration(bill.seconds), cost)
  }
  for (const m of meters) {
    table.add(name, `${m.plan.name} ${m.name}`, `${formatQuantity(m.quantity)} × ${formatUnitPrice(m.cents_per_unit, m.unit)}`, money(m.cost_millicents))
  }
}

/**
 * The four columns of a statement, as the other tables print (src/lib/output/table.ts): headers, a
 * dashed rule, columns two spaces apart, the last rule two wider than its column, nothing trailing.
 * Built with plain strings: cli-table3 measures and pads each of tens of thousands of cells. Widths
 * are counted in UTF-16 units, which for names (slugs), prices and durations are their columns.
 */
class Columns {
  // four to a row, in one array: ten thousand rows make no ten thousand arrays
  private readonly cells: string[] = []
  private readonly widths = HEADERS.map((header) => header.length)

  add(addon: string, plan: string, used: string, cost: string): void {
    const widths = this.widths
    if (addon.length > widths[0]) widths[0] = addon.length
    if (plan.length > widths[1]) widths[1] = plan.length
    if (used.length > widths[2]) widths[2] = used.length
    if (cost.length > widths[3]) widths[3] = cost.length
    this.cells.push(addon, plan, used, cost)
  }

  text(): string {
    const [addon, plan, used, cost] = this.widths.map((width) => width + 2)
    const spaces = ' '.repeat(Math.max(addon, plan, used))
    const pad = (text: string, width: number) => text + spaces.slice(0, width - text.length)
    const line = (a: string, b: string, c: string, d: string) => (d === '' ? `${pad(a, addon)}${pad(b, plan)}${pad(c, used)}`.trimEnd() : `${pad(a, addon)}${pad(b, plan)}${pad(c, used)}${d}`)
    const rule = (width: number) => '-'.repeat(width - 2)
    const cells = this.cells
    const lines = [line(...HEADERS), line(rule(addon), rule(plan), rule(used), '-'.repeat(cost))]
    for (let i = 0; i < cells.length; i += 4) lines.push(line(cells[i], cells[i + 1], cells[i + 2], cells[i + 3]))
    return lines.join('\n')
  }
}
