// Billing on the wire: Heroku's invoice, the usage read behind `heroku usage:addons`, and addonkit's
// own extensions (a provider's usage report, a month's cost breakdown). The platform answers these,
// the CLI reads them and the provider kit sends usage reports.

// Heroku serves `price.metered` and `GET /apps/{app}/usage` only under this variant of version 3
// (the heroku CLI sends it for addons, addons:info, addons:plans and usage:addons).
export const SDK_ACCEPT = 'application/vnd.heroku+json; version=3.sdk'

// addonkit's extension: `GET /account/billing/{month}` answers this with the statement as text, as
// `addonkit billing` prints it (billing-statement-text.ts).
export const STATEMENT_TEXT_ACCEPT = 'text/plain'

export function acceptsStatementText(accept: string | undefined): boolean {
  return /(^|,)\s*text\/plain\s*(;|,|$)/.test(accept ?? '')
}

// Whether an Accept header asks for the 3.sdk variant.
export function acceptsSdk(accept: string | undefined): boolean {
  return /version=3\.sdk(?![\w.])/.test(accept ?? '')
}

// One meter of a metered plan, as a manifest declares it and the API shows it under 3.sdk.
// `cents_per_unit` is a decimal string (fractions of a cent allowed, up to millionths), kept exactly.
export interface PlanMeter {
  name: string
  unit: string
  cents_per_unit: string
}

// Heroku's invoice (schema: invoice). `*_total` are whole cents; `period_*` are MM/DD/YYYY.
export interface Invoice {
  id: string
  number: number
  period_start: string
  period_end: string
  charges_total: number
  credits_total: number
  total: number
  // 0 pending (the month is not over), 1 closed (the schema's "successful": nothing is charged here)
  state: number
  created_at: string
  updated_at: string
}

export const INVOICE_PENDING = 0
export const INVOICE_CLOSED = 1

// addonkit's extension: what a provider sends to `POST /addons/{id}/usage` with its partner token.
// `id` is chosen by the provider and makes the report idempotent (a repeat records nothing more).
export interface UsageReportBody {
  id: string
  meters: Record<string, number>
}

export interface UsageReport {
  id: string
  addon: {id: string}
  meters: Record<string, number>
  created_at: string
}

// `GET /apps/{app}/usage` (3.sdk): the month's quantity of each meter of each add-on billed to the app.
export interface AppUsage {
  addons: Array<{id: string; meters: Record<string, {quantity: number}>}>
}

// addonkit's extension, `GET /account/billing/{YYYY-MM}` and `GET /addons/{addon}/billing`: what each
// add-on cost in a month. Money is in millicents (1/1000 of a cent): every line is rounded once,
// half up, to a millicent, and totals are sums of lines.
export interface PlanPeriodBill {
  plan: {id: string; name: string}
  price: {cents: number; contract: boolean; unit: string; metered: boolean}
  // within the month: when the add-on went on the plan (or the month began) and left it (null: still on it)
  started_at: string
  ended_at: string | null
  seconds: number
  // null for a contract plan: billed by contract, not here
  cost_millicents: number | null
}

export interface MeterBill {
  plan: {id: string; name: string}
  name: string
  unit: string
  quantity: number
  cents_per_unit: string
  cost_millicents: number
}

// An add-on's month in sums: what the account's statement holds for each add-on, one entry however
// often it changed plan (an account may hold ten thousand).
export interface AddonSummary {
  addon: {id: string; name: string}
  addon_service: {name: string}
  // false once destroyed: it counts until then
  active: boolean
  // time on any plan within the month
  seconds: number
  // the plans it was on in the month, each once, in the order it first went on them
  plans: string[]
  meters: MeterBill[]
  // some of its time was on a contract plan (not in cost_millicents)
  contract: boolean
  cost_millicents: number
}

// The same with each plan period, oldest first: an app's statement (`?app=`) and an add-on's bill.
export interface AddonBill extends AddonSummary {
  periods: PlanPeriodBill[]
}

export interface AppBill<Addon extends AddonSummary = AddonBill> {
  app: {id: string; name: string}
  addons: Addon[]
  cost_millicents: number
}

export interface BillingStatement<Addon extends AddonSummary = AddonSummary> {
  month: string
  // the month's first second and the first second after it (ISO)
  period_start: string
  period_end: string
  // costs are counted up to here: now for the current month, the month's end for a past one
  as_of: string
  state: 'pending' | 'closed'
  invoice: {number: number}
  apps: Array<AppBill<Addon>>
  cost_millicents: number
}

// An invoice's whole cents from a month's millicents, rounded half up: the invoice
// (`charges_total`) and the statement's "invoice N: $X" beside its total both say it this way.
export function toCents(millicents: number): number {
  return Number((BigInt(millicents) + 500n) / 1000n)
}

// Whether an add-on's entry in a statement has its plan periods (an app's statement) or only its sums.
export const hasPeriods = (bill: AddonSummary): bill is AddonBill => Array.isArray((bill as Partial<AddonBill>).periods)

// The largest number of millionths a decimal may hold here (a meter's price, a usage quantity).
const MICRO_DIGITS = 6

/**
 * A non-negative decimal (a string such as "0.001", or a number) as whole millionths, exactly; undefined
 * when it is negative, not a plain decimal, or finer than a millionth. Numbers go through their shortest
 * decimal form, so 0.1 is 100000, never 100000.00000000001.
 */
export function parseMicros(value: unknown): bigint | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined
  if (text === undefined) return undefined
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) return undefined
  const fraction = (match[2] ?? '').replace(/0+$/, '')
  if (fraction.length > MICRO_DIGITS) return undefined
  return BigInt(match[1]) * 10n ** BigInt(MICRO_DIGITS) + BigInt(fraction.padEnd(MICRO_DIGITS, '0') || '0')
}

// Whole millionths back to the shortest decimal string: 1000n → "0.001", 2500000n → "2.5".
export function formatMicros(micros: bigint): string {
  const scale = 10n ** BigInt(MICRO_DIGITS)
  const whole = micros / scale
  const fraction = (micros % scale).toString().padStart(MICRO_DIGITS, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}
