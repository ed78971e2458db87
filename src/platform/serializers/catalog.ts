import type {AddonService, Plan, RegionCapability} from '../../wire/platform-api.js'
import type {Catalog, CatalogService} from '../services/catalog.js'
import type {PlanRow, RegionRow} from '../store/schema.js'
import {isMetered, planMeters} from '../billing/plan-meters.js'
import {GENERATION, region} from './core.js'

export function addonService(service: CatalogService): AddonService {
  const row = service.row
  return {
    id: row.id, name: row.name, human_name: row.human_name, cli_plugin_name: row.cli_plugin_name,
    state: row.state as AddonService['state'], supports_multiple_installations: row.supports_multiple_installations === 1,
    supports_sharing: row.supports_sharing === 1, supported_generations: [GENERATION], created_at: row.created_at, updated_at: row.updated_at,
  }
}

// `sdk`: the request asked for version=3.sdk, the one variant under which Heroku shows whether a plan
// is metered; metered plans then also carry their meters (an addonkit extension).
export function plan(row: PlanRow, catalog: Catalog, variant: {sdk?: boolean} = {}): Plan {
  const service = catalog.service(row.service_id)
  const price: Plan['price'] = {cents: row.price_cents, contract: row.price_contract === 1, unit: row.price_unit}
  if (variant.sdk) price.metered = isMetered(row)
  return {
    id: row.id, name: row.name, human_name: row.human_name, description: row.description,
    addon_service: {id: service.row.id, name: service.row.name},
    price,
    ...(variant.sdk && isMetered(row) ? {meters: planMeters(row).map(({name, unit, cents_per_unit}) => ({name, unit, cents_per_unit}))} : {}),
    default: row.is_default === 1, space_default: false, state: 'public', visible: true,
    installable_inside_private_network: row.inside_private_network === 1,
    installable_outside_private_network: row.outside_private_network === 1,
    compliance: null, created_at: row.created_at, updated_at: row.updated_at,
  }
}

// One capability per (service, region) the manifest allows; private networking where the service
// has a plan installable inside a space.
export function regionCapabilities(catalog: Catalog, services: CatalogService[], regions: RegionRow[]): RegionCapability[] {
  const out: RegionCapability[] = []
  for (const service of services) {
    for (const r of regions) {
      if (!catalog.supportsRegion(service, r)) continue
      out.push({
        id: uuidFrom(service.row.id, r.id),
        supports_private_networking: r.private_capable === 1 && service.plans.some((p) => p.inside_private_network === 1),
        addon_service: addonService(service),
        region: region(r),
      })
    }
  }
  return out
}

// A stable id for a derived row: the service id with its last 12 digits taken from the region id.
function uuidFrom(serviceId: string, regionId: string): string {
  return serviceId.slice(0, 24) + regionId.slice(24)
}
