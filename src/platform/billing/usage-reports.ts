import {formatMicros, type AppUsage, type UsageReport} from '../../wire/billing.js'
import type {Actor, ServiceContext} from '../services/context.js'
import {addonNotFound, invalid, PlatformError} from '../services/errors.js'
import {addonById, findApp} from '../services/lookup.js'
import type {Tx} from '../store/database.js'
import {microsToNumber} from './money.js'
import {monthAt} from './months.js'
import {nowSeconds} from './plan-periods.js'
import {planMeters} from './plan-meters.js'
import {appUsageRows} from './usage-rows.js'

// Quantities are kept in millionths of a unit, as integers that JavaScript numbers hold exactly: a
// meter's month may reach this many millionths (about 9 billion units) and no more.
const MAX_MONTH_MICROS = BigInt(Number.MAX_SAFE_INTEGER)
const MAX_ID_LENGTH = 200

const conflict = (message: string) => new PlatformError(409, 'conflict', message)

/**
 * Usage of metered plans (an addonkit extension: Heroku has no public API for it). A provider reports
 * with its add-on's partner token, `{id, meters: {NAME: quantity}}`: the meters must be its current
 * plan's, the quantities numbers of 0 or more (kept to a millionth of a unit). The report counts in
 * the month the platform receives it. `id` is the provider's and makes the report idempotent: sent
 * again with the same meters it records nothing more (and answers the report as recorded), with other
 * meters it is a 409. A refused report records nothing.
 */
export class UsageReports {
  constructor(private readonly ctx: ServiceContext) {}

  async report(addonId: string, body: {id?: unknown; meters?: unknown}): Promise<{created: boolean; report: UsageReport}> {
    const id = body.id
    if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) {
      throw invalid(`id must be a non-empty string of at most ${MAX_ID_LENGTH} characters, chosen by the provider: it makes the report idempotent.`)
    }
    const addon = await addonById(this.ctx.store.db, addonId)
    if (!addon) throw addonNotFound()
    const plan = this.ctx.catalog.plan(addon.plan_id)
    const meters = planMeters(plan)
    const quantities = this.quantities(body.meters, plan.name, meters.map((m) => m.name))
    const atS = nowSeconds(this.ctx)
    const month = monthAt(atS).key
    const createdAt = new Date(atS * 1000).toISOString()
    const stored = JSON.stringify(Object.fromEntries([...quantities].map(([name, micros]) => [name, String(micros)])))

    return this.ctx.store.transaction(async (tx) => {
      const inserted = await tx.insertInto('usage_reports').values({addon_id: addon.id, id, month, meters: stored, created_at: createdAt})
        .onConflict((oc) => oc.columns(['addon_id', 'id']).doNothing()).returning('id').executeTakeFirst()
      if (!inserted) return {created: false, report: await this.repeated(tx, addon.id, id, stored)}
      const app = await tx.selectFrom('apps').select('owner_id').where('id', '=', addon.app_id).executeTakeFirstOrThrow()
      for (const meter of meters) {
        const micros = quantities.get(meter.name)
        if (micros === undefined) continue
        const total = await tx.insertInto('usage_totals').values({
          addon_id: addon.id, month, plan_id: plan.id, meter: meter.name, microcents_per_unit: Number(meter.microcents), unit: meter.unit,
          quantity_micros: Number(micros), account_id: app.owner_id, app_id: addon.app_id,
        }).onConflict((oc) => oc.columns(['addon_id', 'month', 'plan_id', 'meter', 'microcents_per_unit'])
          .doUpdateSet((eb) => ({quantity_micros: eb('usage_totals.quantity_micros', '+', eb.ref('excluded.quantity_micros'))})))
          .returning('quantity_micros').executeTakeFirstOrThrow()
        if (BigInt(total.quantity_micros) > MAX_MONTH_MICROS) {
          throw invalid(`A meter counts at most ${formatMicros(MAX_MONTH_MICROS)} in a month, and this report would take ${meter.name} past it; nothing was recorded.`)
        }
      }
      return {created: true, report: view(addon.id, id, stored, createdAt)}
    })
  }

  // `GET /apps/{app}/usage`: this month's quantity of each meter of each add-on billed to the app.
  async appUsage(actor: Actor, appRef: string): Promise<AppUsage> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    const rows = await appUsageRows(this.ctx.store.db, app.id, monthAt(nowSeconds(this.ctx)).key)
    const byAddon = new Map<string, Record<string, {quantity: number}>>()
    for (const row of rows) {
      const meters = byAddon.get(row.addon_id) ?? {}
      meters[row.meter] = {quantity: microsToNumber(row.quantity_micros)}
      byAddon.set(row.addon_id, meters)
    }
    return {addons: [...byAddon].map(([id, meters]) => ({id, meters}))}
  }

  // A report's meters as millionths, each named by the plan; every refusal says what would be right.
  private quantities(meters: unknown, planName: string, known: string[]): Map<string, bigint> {
    if (typeof meters !== 'object' || meters === null || Array.isArray(meters) || Object.keys(meters).length === 0) {
      throw invalid('meters must be an object of meter names and quantities, e.g. {"requests": 1200}.')
    }
    const quantities = new Map<string, bigint>()
    for (const [name, quantity] of Object.entries(meters)) {
      if (!known.includes(name)) {
        throw invalid(known.length === 0
          ? `${planName} is not a metered plan: it has no meter ${name}.`
          : `${planName} has no meter ${name}: its meters are ${known.join(', ')}.`)
      }
      if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0) throw invalid(`The quantity of ${name} must be a number, 0 or more.`)
      const micros = Math.round(quantity * 1_000_000)
      if (!Number.isSafeInteger(micros)) throw invalid(`The quantity of ${name} is more than a meter counts in a month (${formatMicros(MAX_MONTH_MICROS)}).`)
      quantities.set(name, BigInt(micros))
    }
    return quantities
  }

  private async repeated(tx: Tx, addonId: string, id: string, meters: string): Promise<UsageReport> {
    const first = await tx.selectFrom('usage_reports').selectAll().where('addon_id', '=', addonId).where('id', '=', id).executeTakeFirstOrThrow()
    if (!sameMeters(first.meters, meters)) throw conflict(`Usage report ${id} was recorded with other quantities; a report id is used once.`)
    return view(addonId, id, first.meters, first.created_at)
  }
}

function sameMeters(a: string, b: string): boolean {
  const left = JSON.parse(a) as Record<string, string>
  const right = JSON.parse(b) as Record<string, string>
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key])
}

function view(addonId: string, id: string, meters: string, createdAt: string): UsageReport {
  const quantities = Object.fromEntries(Object.entries(JSON.parse(meters) as Record<string, string>).map(([name, micros]) => [name, microsToNumber(BigInt(micros))]))
  return {id, addon: {id: addonId}, meters: quantities, created_at: createdAt}
}
