import type {ColumnType} from 'kysely'

// Row shapes of the platform database. Booleans are 0/1 integers and timestamps ISO strings so the
// same SQL runs on SQLite and PostgreSQL; JSON columns are text parsed by the services.

export interface AccountRow {
  id: string
  email: string
  name: string | null
  // SHA-256 of the API key (see secret-hash.ts): the key itself is never stored
  api_key_hash: string
  created_at: string
  updated_at: string
}

export interface RegionRow {
  id: string
  name: string
  description: string
  country: string
  locale: string
  private_capable: number
  provider_name: string
  provider_region: string
  created_at: string
  updated_at: string
}

export interface SpaceRow {
  id: string
  name: string
  owner_id: string
  region_id: string
  shield: number
  created_at: string
  updated_at: string
}

export interface AppRow {
  id: string
  name: string
  owner_id: string
  region_id: string
  space_id: string | null
  maintenance: number
  released_at: string | null
  // how many `addonkit run` processes the app has had (they are named run.1, run.2…)
  run_count: number
  created_at: string
  updated_at: string
}

export interface AddonServiceRow {
  id: string
  name: string
  human_name: string
  cli_plugin_name: string | null
  state: string
  supports_multiple_installations: number
  supports_sharing: number
  // the provider manifest, JSON
  manifest: string
  created_at: string
  updated_at: string
}

export interface PlanRow {
  id: string
  service_id: string
  // full "service:plan" name; slug is the part after the colon
  name: string
  slug: string
  human_name: string
  description: string
  price_cents: number
  price_unit: string
  price_contract: number
  // 1 for a metered plan (billing/): `meters` holds its meters, JSON [{name, unit, cents_per_unit}]
  // with each price a decimal string, kept exactly
  price_metered: number
  meters: string | null
  is_default: number
  inside_private_network: number
  outside_private_network: number
  created_at: string
  updated_at: string
}

// 'pending' = reserved while the provider has not answered yet; hidden from every API read.
// 'deprovisioned' is never stored (the row is deleted); it is what a destroy returns.
export type AddonRowState = 'pending' | 'provisioning' | 'provisioned' | 'deprovisioning' | 'deprovisioned'

export interface AddonRow {
  id: string
  name: string
  service_id: string
  plan_id: string
  app_id: string
  state: AddonRowState
  provider_id: string | null
  // provider-side config vars, JSON object {NAME: value}
  config: string
  // how many vars `config` holds, and their bytes apart from the alias each attachment puts in
  // front (see services/config-size.ts): the 32 KB check sums these instead of parsing JSON
  config_var_count: number
  config_bytes: number
  // config staged by the provider while provisioning, applied on actions/provision
  staged_config: string | null
  provision_message: string | null
  // while 'pending': the instance waiting on the provider (recovery leaves live instances' work alone)
  instance_id: string | null
  created_at: string
  updated_at: string
}

export interface AttachmentRow {
  id: string
  addon_id: string
  app_id: string
  // the add-on's owning app (denormalised: it never changes), for fast "attached here" lists
  addon_app_id: string
  name: string
  namespace: string | null
  // the password of this attachment's log_input_url (services whose manifest requires log_input)
  log_input_token: string | null
  created_at: string
  updated_at: string
}

export interface ConfigVarRow {
  app_id: string
  name: string
  value: string
}

export interface ReleaseRow {
  id: string
  app_id: string
  version: number
  description: string
  user_id: string
  addon_plan_names: string
  // the app's user-set config vars after this release, JSON (null for releases made before it was kept)
  config: string | null
  created_at: string
}

// Codes and tokens are stored as their SHA-256 (see secret-hash.ts).
export interface OauthGrantRow {
  code_hash: string
  addon_id: string
  expires_at: string
}

export interface PartnerTokenRow {
  token_hash: string
  addon_id: string
  refresh_token_hash: string
  expires_at: string
}

// A running platform instance; its heartbeat says it is alive (see jobs/instances.ts).
export interface InstanceRow {
  id: string
  hostname: string
  pid: number
  started_at: string
  heartbeat_at: string
}

// Background work, claimed by one instance at a time (see jobs/queue.ts). `payload` is JSON.
export interface JobRow {
  id: string
  kind: string
  key: string | null
  payload: string
  attempts: number
  run_at: string
  claimed_by: string | null
  claimed_until: string | null
  // 1 when a keyed job was asked for again while it ran: it runs once more instead of ending
  rerun: number
  created_at: string
}

// One token bucket per caller, shared by every instance (see http/rate-limit.ts).
export interface RateLimitRow {
  key: string
  tokens: number
  at_ms: number
  allowed: number
}

// Each app's line counter (see logs/log-stream.ts): locked by every writer of the app's stream.
export interface LogStreamRow {
  app_id: string
  last_seq: number
}

// One append to an app's stream (see logs/log-batches.ts): lines first_seq to last_seq, their time,
// source, process and message as one JSON text.
export interface LogBatchRow {
  app_id: string
  first_seq: number
  last_seq: number
  lines: string
}

// A `heroku logs` session: its id is the secret of its logplex_url.
export interface LogSessionRow {
  id: string
  app_id: string
  lines: number
  source: string | null
  dyno: string | null
  tail: number
  expires_at: string
  created_at: string
}

// Where an app's lines go; addon_id is set for a drain an add-on asked for (removed with it).
export interface LogDrainRow {
  id: string
  app_id: string
  addon_id: string | null
  url: string
  token: string
  // the last line delivered (or dropped), and its time (the "since" of an L10 report)
  delivered_seq: number
  delivered_at: string | null
  // a batch being retried ends here (so a retry sends the same lines with the same frame id)
  batch_end_seq: number | null
  batch_attempts: number
  created_at: string
  updated_at: string
}

// A custom domain of an app; hostnames are unique across the platform.
export interface DomainRow {
  id: string
  app_id: string
  hostname: string
  kind: string
  cname: string | null
  status: string
  acm_status: string | null
  acm_status_reason: string | null
  created_at: string
  updated_at: string
}

// A webhook subscription (see platform/webhooks/): of an app (app_id) or of an add-on (addon_id).
// The secret is kept as given: every delivery is signed with it (HMAC), so it cannot be a hash; the
// store is private to its owner (store/private-files.ts).
export interface WebhookRow {
  id: string
  app_id: string | null
  addon_id: string | null
  // JSON array of includes (api:release…)
  include: string
  level: string
  url: string
  secret: string
  // sent verbatim as the Authorization header of each delivery
  authorization_header: string | null
  created_at: string
  updated_at: string
}

// Something that happened to an app, written in the transaction of the change (the outbox).
export interface WebhookEventRow {
  id: string
  app_id: string
  include: string
  resource: string
  action: string
  actor_id: string
  actor_email: string
  // JSON: the resource's Platform API representation, and the old values of the fields an update changed
  data: string
  previous_data: string
  // list order: created_at, then id
  seq: string
  created_at: string
  updated_at: string
}

// One event on its way to one subscription; last_attempt_* is null before the first attempt.
export interface WebhookDeliveryRow {
  id: string
  event_id: string
  webhook_id: string
  status: string
  num_attempts: number
  next_attempt_at: string | null
  last_attempt_id: string | null
  last_attempt_code: number | null
  last_attempt_error_class: string | null
  last_attempt_status: string | null
  last_attempt_created_at: string | null
  last_attempt_updated_at: string | null
  seq: string
  created_at: string
  updated_at: string
}

// A browser signed in to the dashboard (platform/dashboard/sessions.ts): the cookie value is kept
// only as its SHA-256, and the session holds only while the account's key is the one it was opened with.
export interface DashboardSessionRow {
  id_hash: string
  account_id: string
  api_key_hash: string
  // JSON {kind, text}: the message the next page shows, once
  flash: string | null
  expires_at: string
  created_at: string
}

// A one-time sign-in link (`addonkit dashboard`): the token's SHA-256, the page it lands on.
export interface DashboardSignInLinkRow {
  token_hash: string
  account_id: string
  api_key_hash: string
  landing: string
  expires_at: string
  created_at: string
}

// A bigint column (seconds, millionths): PostgreSQL's driver answers int8 as a string, SQLite a number.
export type BigIntColumn = ColumnType<number | string, number, number>

// One add-on on one plan for a stretch of time (platform/billing/): opened when the add-on is created
// or changes plan, closed when it changes plan again or is destroyed. Kept once the add-on is gone,
// with the names and price of its time, so a past month bills what happened then.
export interface BillingPeriodRow {
  id: string
  // the owner of the app at the time: whose invoice it is on
  account_id: string
  app_id: string
  app_name: string
  addon_id: string
  addon_name: string
  service_name: string
  plan_id: string
  plan_name: string
  price_cents: number
  price_unit: string
  price_contract: number
  price_metered: number
  // seconds since the epoch; ended_s is null while the add-on is on the plan
  started_s: BigIntColumn
  ended_s: ColumnType<number | string | null, number | null, number | null>
}

// A provider's usage report (POST /addons/{id}/usage), kept by its id so a repeat records nothing.
export interface UsageReportRow {
  addon_id: string
  id: string
  // "2024-02": the month it counts in (when it was received)
  month: string
  // JSON {meter: millionths of a unit, as a string}
  meters: string
  created_at: string
}

// A month's quantity of one meter of one add-on at one price, summed as reports arrive (so a bill
// reads one row per meter, not every report). Prices are kept as they were when reported.
export interface UsageTotalRow {
  addon_id: string
  month: string
  plan_id: string
  meter: string
  microcents_per_unit: BigIntColumn
  unit: string
  quantity_micros: BigIntColumn
  account_id: string
  app_id: string
}

// One POST /app-setups (platform/app-setups/): its outcome, and where its background job is.
export interface AppSetupRow {
  id: string
  owner_id: string
  // the app it created (kept, with its name, after a failed setup removed the app)
  app_id: string
  app_name: string
  source_url: string
  // "SHA256:hex" the tarball must match, when the request gave one
  source_checksum: string | null
  // JSON {NAME: value} from overrides.env; null once the setup has ended, so the values live only in the app's config
  overrides_env: string | null
  status: 'pending' | 'succeeded' | 'failed'
  failure_message: string | null
  // JSON array of strings
  manifest_errors: string
  // JSON AppJsonManifest (wire/app-json.ts) once app.json has been read
  manifest: string | null
  // index of the next app.json add-on to create
  next_addon: number
  // 1 while that add-on is being created: a job that finds it so was interrupted
  step_started: number
  // 1 once the setup has failed and what it created is being removed
  rolling_back: number
  created_at: string
  updated_at: string
}

export interface Database {
  accounts: AccountRow
  regions: RegionRow
  spaces: SpaceRow
  // the release counter is the store's: services read it only by bumping it (services/releases.ts)
  apps: AppRow & {last_release_version: ColumnType<number, number | undefined, number>}
  addon_services: AddonServiceRow
  plans: PlanRow
  addons: AddonRow
  attachments: AttachmentRow
  config_vars: ConfigVarRow
  releases: ReleaseRow
  oauth_grants: OauthGrantRow
  partner_tokens: PartnerTokenRow
  instances: InstanceRow
  jobs: JobRow
  rate_limits: RateLimitRow
  log_streams: LogStreamRow
  log_batches: LogBatchRow
  log_sessions: LogSessionRow
  log_drains: LogDrainRow
  domains: DomainRow
  webhooks: WebhookRow
  webhook_events: WebhookEventRow
  webhook_deliveries: WebhookDeliveryRow
  dashboard_sessions: DashboardSessionRow
  dashboard_sign_in_links: DashboardSignInLinkRow
  billing_periods: BillingPeriodRow
  usage_reports: UsageReportRow
  usage_totals: UsageTotalRow
  app_setups: AppSetupRow
}
