import {SDK_ACCEPT} from '../../wire/billing.js'
import type {ApiClient} from '../api/client.js'
import type {Plan} from '../api/types.js'

// The service's plans, cheapest first and by name among equals (contract and metered plans last).
export async function listPlans(api: ApiClient, service: string): Promise<Plan[]> {
  // 3.sdk: metered plans say so, with their meters' prices
  const plans = await api.list<Plan>(`/addon-services/${encodeURIComponent(service)}/plans`, {headers: {accept: SDK_ACCEPT}})
  return sortPlans(plans)
}

export function sortPlans(plans: Plan[]): Plan[] {
  const rank = (plan: Plan) => (plan.price.contract || plan.price.metered ? Number.POSITIVE_INFINITY : plan.price.cents)
  return [...plans].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

// `mini` from `heroku-redis:mini`: what users type after the service is known.
export function planSlug(planName: string): string {
  const at = planName.indexOf(':')
  return at === -1 ? planName : planName.slice(at + 1)
}

// `svc:plan` from `plan` or `svc:plan`, the form the API expects in a plan body.
export function qualifyPlanName(service: string, plan: string): string {
  return plan.includes(':') ? plan : `${service}:${plan}`
}
