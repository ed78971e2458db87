// The provider manifest: kensa's addon-manifest.json, extended with a human `name` and `plans`.

export interface ManifestPlan {
  name: string
  human_name?: string
  description?: string
  price: {cents: number; unit: string; contract?: boolean}
  default?: boolean
  // Private Spaces: plans are installable everywhere unless they say otherwise.
  installable_inside_private_network?: boolean
  installable_outside_private_network?: boolean
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
