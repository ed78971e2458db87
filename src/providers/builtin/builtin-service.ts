import type {FastifyInstance} from 'fastify'
import type {ManifestPlan, ProviderManifest} from '../kit/manifest-types.js'
import type {ManifestSecrets} from './manifest-secrets.js'

// What every built-in service is handed when it is created.
export interface ServiceContext {
  // ${dataDir}/providers/<id> (or provider:serve --data): the service's own files.
  dir: string
  secrets: ManifestSecrets
  // Where this service's own routes are reached (kv's KV_URL points there): the platform's URL when
  // mounted in it, the service's own under provider:serve. Known only once it listens, hence a function.
  publicUrl(): string
  // The platform this service reports to, for calls outside a provision's callback_url (which the kit
  // uses for asynchronous provisions): the platform itself when mounted in it, provider:serve's
  // --platform-url otherwise (undefined when not given). No built-in needs it today.
  platformUrl(): string | undefined
  postgresAdminUrl?: string
  // How often redis and postgresql write their metrics line to the apps they are attached to
  // (default: ADDONKIT_METRICS_INTERVAL_MS, else once a minute; 0 turns it off).
  metricsIntervalMs?: number
  // Warnings for the platform's own log (a redis-server that died and was restarted, ...).
  log: {warn(message: string): void}
}

// A built-in add-on service: served from the platform's own process under /providers/<id>, or on its
// own by provider:serve.
export interface BuiltinService {
  manifest: ProviderManifest
  // Registers the provider API under `prefix` (and any data routes) before the server listens.
  register(app: FastifyInstance, prefix: string): Promise<void>
  // After listen: bring back whatever must run for existing resources (e.g. redis-server processes).
  start(): Promise<void>
  // Stop processes; data stays for the next start.
  close(): Promise<void>
}

export function builtinManifest(fields: {
  id: string
  name: string
  prefix: string
  plans: ManifestPlan[]
  secrets: ManifestSecrets
}): ProviderManifest {
  const placeholder = {base_url: `http://127.0.0.1/providers/${fields.id}/heroku/resources`}
  return {
    id: fields.id,
    name: fields.name,
    api: {
      config_vars_prefix: fields.prefix,
      config_vars: [`${fields.prefix}_URL`],
      password: fields.secrets.password,
      sso_salt: fields.secrets.sso_salt,
      regions: ['*'],
      requires: [],
      version: '3',
      production: placeholder,
      test: placeholder,
    },
    plans: fields.plans,
  }
}

// The manifest with real URLs, once the address the provider API is mounted at (`root`, e.g.
// http://127.0.0.1:5000/providers/kv) is known.
export function withUrls(manifest: ProviderManifest, root: string): ProviderManifest {
  const urls = providerUrls(root)
  return {...manifest, api: {...manifest.api, production: {...urls}, test: {...urls}}}
}

export function providerUrls(root: string): {base_url: string; sso_url: string} {
  const base = root.replace(/\/+$/, '')
  return {base_url: `${base}/heroku/resources`, sso_url: `${base}/sso/login`}
}

export function monthly(cents: number): ManifestPlan['price'] {
  return {cents, unit: 'month'}
}
