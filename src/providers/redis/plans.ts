import type {ManifestPlan} from '../kit/manifest-types.js'
import {monthly} from '../builtin/builtin-service.js'

const MB = 1024 * 1024

// redis `maxmemory` per plan.
export const redisPlanMemory: Record<string, number> = {mini: 25 * MB, premium: 100 * MB, 'premium-2': 250 * MB}

export const redisPlans: ManifestPlan[] = [
  {name: 'mini', human_name: 'Mini', description: '25 MB of memory', price: monthly(300), default: true},
  {name: 'premium', human_name: 'Premium', description: '100 MB of memory', price: monthly(1500)},
  {name: 'premium-2', human_name: 'Premium 2', description: '250 MB of memory', price: monthly(3000)},
]
