import type {ManifestPlan} from '../kit/manifest-types.js'
import {monthly} from '../builtin/builtin-service.js'

const MB = 1024 * 1024

// Bytes of keys + values each plan may hold.
export const kvPlanLimits: Record<string, number> = {free: 1 * MB, mini: 10 * MB, standard: 100 * MB, payg: 100 * MB}

// The pay-as-you-go plan: nothing a month, $1 per 100,000 requests (0.001 cents each), reported as
// the `requests` meter.
export const PAYG_PLAN = 'payg'
export const REQUESTS_METER = 'requests'

export const kvPlans: ManifestPlan[] = [
  {name: 'free', human_name: 'Free', description: '1 MB of keys and values', price: monthly(0), default: true},
  {name: 'mini', human_name: 'Mini', description: '10 MB of keys and values', price: monthly(300)},
  {name: 'standard', human_name: 'Standard', description: '100 MB of keys and values', price: monthly(1500)},
  {
    name: PAYG_PLAN, human_name: 'Pay as you go', description: '100 MB of keys and values; $1 per 100,000 requests',
    price: {cents: 0, unit: 'month', metered: true}, meters: [{name: REQUESTS_METER, unit: 'request', cents_per_unit: '0.001'}],
  },
]

export const largestKvLimit = Math.max(...Object.values(kvPlanLimits))

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`
  return `${bytes} B`
}
