import type {Catalog, CatalogService} from './catalog.js'
import {formatPrice} from '../../lib/output/price.js'
import {configVarPrefix} from '../../providers/kit/manifest-types.js'

export type ServiceDocs = {kind: 'redirect'; url: string} | {kind: 'page'; service: ServiceDocsPage}

export interface ServiceDocsPage {
  name: string
  humanName: string
  defaultAlias: string
  configVars: string[]
  plans: {name: string; humanName: string; price: string; isDefault: boolean}[]
  regions: string[]
}

// What `addons:docs SERVICE` opens on a local platform: the provider's own docs when its manifest
// names them (`docs_url`), else a page built from the manifest, so every service has one.
export function serviceDocs(catalog: Catalog, idOrName: string): ServiceDocs {
  const service: CatalogService = catalog.findService(idOrName)
  const {manifest} = service
  if (manifest.docs_url) return {kind: 'redirect', url: manifest.docs_url}
  return {
    kind: 'page',
    service: {
      name: service.row.name,
      humanName: service.row.human_name,
      defaultAlias: configVarPrefix(manifest),
      configVars: manifest.api.config_vars,
      plans: service.plans.map((plan) => ({
        name: plan.name,
        humanName: plan.human_name,
        price: formatPrice({cents: plan.price_cents, unit: plan.price_unit, contract: Boolean(plan.price_contract)}),
        isDefault: Boolean(plan.is_default),
      })),
      regions: manifest.api.regions,
    },
  }
}
