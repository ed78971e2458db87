import type {ManifestPlan} from '../kit/manifest-types.js'
import {monthly} from '../builtin/builtin-service.js'

// How many of the app's newest lines each plan keeps; older ones make room as new ones arrive.
export const logbookPlanLimits: Record<string, number> = {free: 1_500, mini: 10_000, standard: 100_000}

export const logbookPlans: ManifestPlan[] = [
  {name: 'free', human_name: 'Free', description: 'the newest 1,500 lines', price: monthly(0), default: true},
  {name: 'mini', human_name: 'Mini', description: 'the newest 10,000 lines', price: monthly(500)},
  {name: 'standard', human_name: 'Standard', description: 'the newest 100,000 lines', price: monthly(2500)},
]

export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}
