import type {ManifestPlan} from '../kit/manifest-types.js'
import {monthly} from '../builtin/builtin-service.js'

// The role's CONNECTION LIMIT per plan.
export const postgresPlanConnections: Record<string, number> = {mini: 5, basic: 20, standard: 120}

export const postgresPlans: ManifestPlan[] = [
  {name: 'mini', human_name: 'Mini', description: '5 connections', price: monthly(500), default: true},
  {name: 'basic', human_name: 'Basic', description: '20 connections', price: monthly(900)},
  {name: 'standard', human_name: 'Standard', description: '120 connections', price: monthly(5000)},
]
