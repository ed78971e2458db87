import type {ApiClient} from '../api/client.js'
import type {Addon} from '../api/types.js'
import {ApiError, isApiError} from '../errors.js'
import {listPlans, planSlug, qualifyPlanName} from './list.js'

// The headers the heroku CLI sends on a plan change: the expanded plan (for its price) and the provider's message.
const HEADERS = {'accept-expansion': 'plan', 'x-heroku-legacy-provider-messages': 'true'}

// Moves an add-on to another plan of its service. `plan` may be `mini` or `heroku-redis:mini`.
export async function changePlan(api: ApiClient, addon: Addon, plan: string): Promise<Addon> {
  const service = addon.addon_service.name
  const to = targetPlanName(addon, plan)
  const path = `/apps/${encodeURIComponent(addon.app.name)}/addons/${encodeURIComponent(addon.id)}`
  try {
    return await api.patch<Addon>(path, {plan: {name: to}}, {headers: HEADERS})
  } catch (error) {
    throw await withValidPlans(api, error, service, to)
  }
}

// The plan name the change asks for, for the progress line shown before the request.
export function targetPlanName(addon: Addon, plan: string): string {
  return qualifyPlanName(addon.addon_service.name, plan)
}

// A refused plan that the service does not have: say which plans it does have, on the same line.
// Any other refusal (a provider's 422 or 503) passes through unchanged.
export async function withValidPlans(api: ApiClient, error: unknown, service: string, requested: string): Promise<unknown> {
  if (!isApiError(error) || !mayBeUnknownPlan(error)) return error
  let names: string[]
  try {
    names = (await listPlans(api, service)).map((p) => p.name)
  } catch {
    return error
  }
  if (names.includes(requested) || names.length === 0) return error
  const message = `${error.message.replace(/\s+$/, '')} Valid plans: ${names.map(planSlug).join(', ')}.`
  return new ApiError(error.status, error.id, message, error.body)
}

function mayBeUnknownPlan(error: ApiError): boolean {
  if (error.status === 422) return true
  return error.status === 404 && error.resource !== 'app' && error.resource !== 'add_on'
}
