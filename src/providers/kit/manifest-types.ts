// The provider manifest: kensa's addon-manifest.json, extended with a human `name` and `plans`.

export interface ManifestPlan {
  name: string
  human_name?: string
  description?: string
  // metered: a base price (cents a month, 0 for none) plus the usage of each meter, which the
  // provider reports (POST /addons/{id}/usage, an addonkit extension)
  price: {cents: number; unit: string; contract?: boolean; metered?: boolean}
  meters?: ManifestMeter[]
  default?: boolean
  // Private Spaces: plans are installable everywhere unless they say otherwise.
  installable_inside_private_network?: boolean
  installable_outside_private_network?: boolean
}

// One meter of a metered plan: what the provider counts (`name`, the label usage is reported and
// shown under), its unit, and the price of one unit in cents: fractions of a cent allowed down to a
// millionth, as a decimal string ("0.001") or a number, kept exactly.
export interface ManifestMeter {
  name: string
  unit: string
  cents_per_unit: string | number
}

export interface ManifestEnvironment {
  base_url: string
  sso_url?: string
}

export interface ProviderManifest {
  id: string
  name?: string
  cli_plugin_name?: string | null
  // Extensions of ours; both default to true.
  supports_multiple_installations?: boolean
  supports_sharing?: boolean
  docs_url?: string
  api: {
    config_vars_prefix?: string
    config_vars: string[]
    password: string
    sso_salt?: string
    regions: string[]
    requires?: string[]
    version?: string
    production: ManifestEnvironment | string
    test?: ManifestEnvironment | string
  }
  plans?: ManifestPlan[]
}

// The prefix every config var of the service carries: config_vars_prefix, else the id upper-cased.
export function configVarPrefix(manifest: ProviderManifest): string {
  return manifest.api.config_vars_prefix ?? manifest.id.toUpperCase().replace(/-/g, '_')
}
