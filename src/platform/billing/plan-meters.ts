import type {ManifestPlan} from '../../providers/kit/manifest-types.js'
import {formatMicros, parseMicros, type PlanMeter} from '../../wire/billing.js'
import type {PlanRow} from '../store/schema.js'

export interface Meter extends PlanMeter {
  // cents_per_unit in millionths of a cent: what costs are computed with
  microcents: bigint
}

// The plan columns a manifest plan's price and meters become (catalog registration). Prices are
// stored as decimal strings in their shortest exact form, whatever form the manifest gave.
export function meterColumns(plan: ManifestPlan): {price_metered: number; meters: string | null} {
  if (!plan.price.metered) return {price_metered: 0, meters: null}
  const meters = (plan.meters ?? []).map((m) => ({name: m.name, unit: m.unit, cents_per_unit: formatMicros(parseMicros(m.cents_per_unit)!)}))
  return {price_metered: 1, meters: JSON.stringify(meters)}
}

// Plan rows are the catalog's, held for as long as it lives: their meters are parsed once.
const parsed = new WeakMap<PlanRow, Meter[]>()

export function planMeters(plan: PlanRow): Meter[] {
  let meters = parsed.get(plan)
  if (!meters) {
    meters = plan.meters ? (JSON.parse(plan.meters) as PlanMeter[]).map((m) => ({...m, microcents: parseMicros(m.cents_per_unit) ?? 0n})) : []
    parsed.set(plan, meters)
  }
  return meters
}

export const isMetered = (plan: PlanRow) => plan.price_metered === 1
