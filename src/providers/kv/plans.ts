import type {ManifestPlan} from '../kit/manifest-types.js'
import {monthly} from '../builtin/builtin-service.js'

const MB = 1024 * 1024

// Bytes of keys + values each plan may hold.
export const kvPlanLimits: Record<string, number> = {free: 1 * MB, mini: 10 * MB, standard: 100 * MB}

export const kvPlans: ManifestPlan[] = [
  {name: 'free', human_name: 'Free', description: '1 MB of keys and values', price: monthly(0), default: true},
  {name: 'mini', human_name: 'Mini', description: '10 MB of keys and values', price: monthly(300)},
  {name: 'standard', human_name: 'Standard', description: '100 MB of keys and values', price: monthly(1500)},
]

export const largestKvLimit = Math.max(...Object.values(kvPlanLimits))

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`
  return `${bytes} B`
}
