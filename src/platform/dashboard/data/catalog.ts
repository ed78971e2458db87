import type {Plan} from '../../../wire/platform-api.js'
import {plan as planView} from '../../serializers/catalog.js'
import type {Services} from '../../services/index.js'

export interface ServiceSummary {
  name: string
  humanName: string
  plans: number
}

export interface ServiceChoice extends ServiceSummary {
  // the manifest's config var names, with the alias they will carry
  configVars: string[]
  // plans as the API serves them under version=3.sdk: prices, whether metered, and the meters
  planList: Plan[]
  defaultPlan: string
}

// The catalog as `addons:services` lists it, narrowed by what the user typed (name or human name).
export function searchCatalog(s: Services, query: string): ServiceSummary[] {
  const q = query.trim().toLowerCase()
  return s.catalog.listServices()
    .filter(({row}) => q === '' || row.name.toLowerCase().includes(q) || row.human_name.toLowerCase().includes(q))
    .map(({row, plans}) => ({name: row.name, humanName: row.human_name, plans: plans.length}))
    .sort((a, b) => a.name.localeCompare(b.name))
}

// One service with its plans (cheapest first, as `addons:plans` lists them), for the create form.
export async function serviceChoice(s: Services, name: string): Promise<ServiceChoice | undefined> {
  const service = await s.catalog.fresh(() => s.catalog.serviceByName(name) ?? s.catalog.findService(name)).catch(() => undefined)
  if (!service) return undefined
  const rank = (p: Plan) => (p.price.contract || p.price.metered ? Number.POSITIVE_INFINITY : p.price.cents)
  const planList = service.plans.map((p) => planView(p, s.catalog, {sdk: true})).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
  return {
    name: service.row.name,
    humanName: service.row.human_name,
    plans: planList.length,
    configVars: service.manifest.api.config_vars,
    planList,
    defaultPlan: s.catalog.defaultPlan(service).name,
  }
}
