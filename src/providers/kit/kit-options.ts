import type {ProviderManifest} from './manifest-types.js'
import type {PartnerTokenStore} from './partner-tokens.js'
import type {PlatformClient} from './platform-client.js'
import type {ProviderResource, ResourceStore} from './resource-store.js'

// The provision request as the platform sends it (Heroku v3 partner API). Unknown fields are kept.
export interface ProvisionRequest {
  uuid: string
  name?: string
  // The plan slug, already checked against the manifest and stripped of any `service:` prefix.
  plan: string
  region?: string
  callback_url?: string
  options?: Record<string, string>
  // when the manifest requires log_input: where the resource writes to the app's log stream (resourceLogger)
  log_input_url?: string | null
  // when the manifest requires syslog_drain: the token the app's drain deliveries carry (drainReceiver)
  log_drain_token?: string | null
  [field: string]: unknown
}

export interface ProvisionResult<Data> {
  config: Record<string, string>
  message?: string
  data?: Data
  // When the manifest requires syslog_drain: where the platform should deliver the app's log lines
  // (answered top-level, as Heroku's provider API has it; see drainReceiver).
  log_drain_url?: string
}

// For a resource that takes a while: the kit answers 202 with `message` at once, then runs `later`
// and hands its config to the platform through the partner API (or tells it the provision failed,
// when `later` throws). Without an oauth_grant and callback_url to do that with, the kit waits for
// `later` and answers as for a quick resource.
export interface AsyncProvisionResult<Data> {
  later(): Promise<Omit<ProvisionResult<Data>, 'log_drain_url'>>
  message?: string
  data?: Data
  // answered with the 202: the platform creates the drain from the first answer
  log_drain_url?: string
}

// The dashboard's body when a provider draws its own (logbook's lines): HTML with every value
// escaped, and anything for <head> (a refresh, styles).
export interface DashboardPage {
  body: string
  head?: string
}

export interface DashboardView {
  // the dashboard URL's query string, one value per name: a GET form's filters
  query: Record<string, string>
  // the signed-in user's email, when the platform vouched for it
  email?: string
}

export interface PlanChangeResult<Data> {
  config?: Record<string, string>
  message?: string
  data?: Data
}

// Everything a provider author writes. Handlers refuse with `throw new ProviderError(status, message)`.
export interface ProviderKitOptions<Data = Record<string, unknown>> {
  manifest: ProviderManifest
  // Defaults to memory: resources are forgotten when the process ends.
  store?: ResourceStore<Data>
  // Create the resource. Called once per uuid, however often the platform repeats the request.
  provision(request: ProvisionRequest): Promise<ProvisionResult<Data> | AsyncProvisionResult<Data>>
  // Move the resource to `plan` (checked against the manifest). Refuse with a 422 to keep the old plan.
  planChange(resource: ProviderResource<Data>, plan: string): Promise<PlanChangeResult<Data>>
  // Destroy the resource and its data. The kit forgets it only when this resolves.
  deprovision(resource: ProviderResource<Data>): Promise<void>
  // Extra rows (label → value) for the SSO dashboard, typically usage.
  dashboard?(resource: ProviderResource<Data>): Promise<Record<string, string>>
  // A whole dashboard of the provider's own instead of the table of rows.
  dashboardPage?(resource: ProviderResource<Data>, view: DashboardView): Promise<DashboardPage>
  // Runs once the platform has recorded a new add-on (after a synchronous answer, or once an
  // asynchronous one is marked provisioned), with the resource's client for the platform: read the
  // app and its owner, subscribe to its events. Its failure is reported through `warn`; the
  // provision stands.
  provisioned?(resource: ProviderResource<Data>, platform: PlatformClient): Promise<void>
  // Where each resource's partner token is kept. Given this (or `provisioned`), the kit spends every
  // provision's grant at once and `kit.platform(resourceId)` gives a client later; without either,
  // it spends grants only to finish asynchronous provisions. Defaults to memory (gone on restart).
  tokens?: PartnerTokenStore
  // Where the kit reports what goes wrong after an answer was sent (a grant exchange, `provisioned`);
  // the fastify logger by default.
  warn?(message: string): void
}
