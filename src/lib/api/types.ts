// The Platform API v3 wire shapes that addonkit reads and the local platform writes.
// Only fields the real API returns are listed, so the CLI works unchanged against Heroku itself.

export interface Ref {
  id: string
  name: string
}

export interface Price {
  cents: number
  contract: boolean
  unit: string
  metered?: boolean
}

export interface Account {
  id: string
  email: string
  name: string | null
  created_at: string
  updated_at: string
}

export interface Region {
  id: string
  name: string
  description: string
  country: string
  locale: string
  private_capable: boolean
  provider: {name: string; region: string}
  created_at: string
  updated_at: string
}

export interface Space {
  id: string
  name: string
  region: Ref
  shield: boolean
  state: 'allocating' | 'allocated' | 'deleting'
  team: Ref | null
  created_at: string
  updated_at: string
}

export interface App {
  id: string
  name: string
  owner: {id: string; email: string}
  region: Ref
  space: (Ref & {shield: boolean}) | null
  team: Ref | null
  organization: Ref | null
  stack: Ref
  build_stack: Ref
  web_url: string
  git_url: string
  maintenance: boolean
  released_at: string | null
  created_at: string
  updated_at: string
}

export interface AddonService {
  id: string
  name: string
  human_name: string
  cli_plugin_name: string | null
  state: 'alpha' | 'beta' | 'ga' | 'shutdown'
  supports_multiple_installations: boolean
  supports_sharing: boolean
  created_at: string
  updated_at: string
}

export interface Plan {
  id: string
  name: string
  human_name: string
  description: string
  addon_service: Ref
  price: Price
  default: boolean
  space_default: boolean
  state: string
  visible: boolean
  installable_inside_private_network: boolean
  installable_outside_private_network: boolean
  compliance: string[] | null
  created_at: string
  updated_at: string
}

export interface RegionCapability {
  id: string
  supports_private_networking: boolean
  addon_service: AddonService
  region: Region
}

export type AddonState = 'provisioning' | 'provisioned' | 'deprovisioning' | 'deprovisioned'

export interface Addon {
  id: string
  name: string
  // {id, name} stubs unless the request carried Accept-Expansion
  addon_service: Ref | AddonService
  plan: Ref | Plan
  app: Ref
  billing_entity: Ref & {type: 'app' | 'team'}
  billed_price: Price | null
  config_vars: string[]
  state: AddonState
  provider_id: string | null
  web_url: string | null
  actions: unknown[]
  created_at: string
  updated_at: string
  // only with X-Heroku-Legacy-Provider-Messages: true
  provision_message?: string | null
}

export interface Attachment {
  id: string
  name: string
  addon: Ref & {app: Ref; plan?: Ref}
  app: Ref
  namespace: string | null
  web_url: string | null
  log_input_url: string | null
  created_at: string
  updated_at: string
  // only with Accept-Inclusion: config_vars
  config_vars?: string[]
}

export interface Release {
  id: string
  version: number
  description: string
  status: 'failed' | 'pending' | 'succeeded'
  current: boolean
  app: Ref
  user: {id: string; email: string}
  slug: null
  addon_plan_names: string[]
  output_stream_url: string | null
  created_at: string
  updated_at: string
}

export type ConfigVars = Record<string, string>

export interface AddonConfigItem {
  name: string
  value: string | null
}

export interface SsoLogin {
  method: 'get' | 'post'
  action: string
  params: Record<string, string>
}

export interface ApiErrorBody {
  id: string
  message: string
  url?: string
  resource?: string
}
