// The Platform API v3 wire shapes: what the local platform answers and what addonkit's CLI reads.
// Each resource carries every property Heroku's published schema lists for it, typed as the schema
// says, so clients written against Heroku (the heroku CLI, heroku-go) read our answers unchanged.
// test/platform/contract checks the platform's answers against that schema.

import type {PlanMeter} from './billing.js'

export interface Ref {
  id: string
  name: string
}

export interface Price {
  cents: number
  contract: boolean
  unit: string
  // only under Accept: …version=3.sdk (SDK_ACCEPT in billing.ts), as Heroku serves it
  metered?: boolean
}

// The platform generation an app runs on ("cedar", "fir").
export type Generation = Ref

export interface Account {
  id: string
  email: string
  name: string | null
  allow_tracking: boolean
  beta: boolean
  verified: boolean
  federated: boolean
  two_factor_authentication: boolean
  last_login: string | null
  sms_number: string | null
  suspended_at: string | null
  delinquent_at: string | null
  country_of_residence: string | null
  default_team: Ref | null
  default_organization: Ref | null
  identity_provider: (Ref & {team: {name: string}; organization: {name: string}; owner: {id: string; name?: string; type: 'team' | 'enterprise-account'}}) | null
  created_at: string
  updated_at: string
}

export interface RateLimit {
  remaining: number
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
  // the owner of the space (on Heroku always a team)
  team: Ref
  organization: {name: string}
  cidr: string
  data_cidr: string
  generation: Generation
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
  generation: Generation
  // the schema allows null; every app here has one (and the CLI prints it after apps:create)
  web_url: string
  git_url: string
  maintenance: boolean
  acm: boolean
  archived_at: string | null
  buildpack_provided_description: string | null
  internal_routing: boolean | null
  repo_size: number | null
  slug_size: number | null
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
  supported_generations: Generation[]
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
  // metered plans under version=3.sdk (an addonkit extension): what each meter costs
  meters?: PlanMeter[]
  default: boolean
  space_default: boolean
  state: string
  visible: boolean
  installable_inside_private_network: boolean
  installable_outside_private_network: boolean
  compliance: Array<'HIPAA' | 'PCI'> | null
  created_at: string
  updated_at: string
}

export interface RegionCapability {
  id: string
  supports_private_networking: boolean
  addon_service: AddonService
  region: Region
}

// The schema lists three states; `deprovisioning` is what Heroku (and we) answer while a provider
// finishes an asynchronous deprovision.
export type AddonState = 'provisioning' | 'provisioned' | 'deprovisioning' | 'deprovisioned'

export interface AddonAction {
  id: string
  label: string
  action: string
  url: string
  requires_owner: boolean
}

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
  // the provider's own id for the resource; empty until the provider has answered the provision
  provider_id: string
  web_url: string | null
  actions: AddonAction[]
  // the provider's message for the client that asked with X-Heroku-Legacy-Provider-Messages: true;
  // empty otherwise
  provision_message: string
  created_at: string
  updated_at: string
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

export interface ReleaseArtifact {
  type: string
  id: string
}

export interface Release {
  id: string
  version: number
  description: string
  status: 'failed' | 'pending' | 'succeeded' | 'expired'
  current: boolean
  eligible_for_rollback: boolean
  app: Ref
  user: {id: string; email: string}
  slug: {id: string} | null
  artifacts: ReleaseArtifact[]
  addon_plan_names: string[]
  output_stream_url: string | null
  created_at: string
  updated_at: string
}

// A hostname routed to an app: its default one (`heroku`) or one its owner added (`custom`).
export interface Domain {
  id: string
  hostname: string
  kind: 'heroku' | 'custom'
  // the DNS target a custom domain's CNAME (or ALIAS) record points at; null for the default domain
  cname: string | null
  // "pending" while the DNS target is set up, then "succeeded" (or "failed"); "none" for the default domain
  status: string
  acm_status: string | null
  acm_status_reason: string | null
  sni_endpoint: Ref | null
  app: Ref
  created_at: string
  updated_at: string
}

// A process of an app. The local platform runs no dynos: `addonkit run` starts a command on the
// user's machine and names it as Heroku names a one-off dyno (`run.N`), so its output has a place
// in the app's log.
export interface Dyno {
  id: string
  name: string
  command: string
  type: string
  size: string
  state: string
  attach_url: string | null
  app: Ref
  // the app's current release (null while the app has had none)
  release: {id: string; version: number} | null
  created_at: string
  updated_at: string
}

// Where an app's log lines are delivered: a URL its owner added (`addon` null), or the one an add-on
// answered its provision with (`log_drain_url`), which goes only with the add-on. `token` is the
// Logplex-Drain-Token every delivery carries (for an add-on's drain, the log_drain_token it was sent).
export interface LogDrain {
  id: string
  url: string
  token: string
  addon: {id: string; name: string; app: Ref} | null
  app: Ref | null
  created_at: string
  updated_at: string
}

export type ConfigVars = Record<string, string>

export interface AddonConfigItem {
  name: string
  value: string | null
}

export interface OAuthToken {
  id: string
  access_token: {id: string; token: string; expires_in: number | null}
  refresh_token: {id: string; token: string; expires_in: number | null}
  authorization: {id: string}
  client: {secret: string} | null
  grant: {code: string; type: string}
  session: {id: string}
  user: {id: string}
  created_at: string
  updated_at: string
}

// GET /apps/{app}/addons/{addon}/sso (not in the public schema; what the heroku CLI's addons:open reads)
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
