import type {FastifyInstance} from 'fastify'
import type {ManifestPlan, ProviderManifest} from '../kit/manifest-types.js'
import type {ManifestSecrets} from './manifest-secrets.js'

// What every built-in service is handed when it is created.
export interface ServiceContext {
  // ${dataDir}/providers/<id>: the service's own files.
  dir: string
  secrets: ManifestSecrets
  // The platform's URL; known only once it listens, hence a function.
  platformUrl(): string
  postgresAdminUrl?: string
  // Warnings for the platform's own log (a redis-server that died and was restarted, ...).
  log: {warn(message: string): void}
}

// A built-in add-on service, served from the platform's own process under /providers/<id>.
export interface BuiltinService {
  manifest: ProviderManifest
  // Registers the provider API (and any data routes) on the platform before it listens.
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

// The manifest with real URLs, once the platform's address is known.
export function withUrls(manifest: ProviderManifest, platformUrl: string): ProviderManifest {
  const root = `${platformUrl.replace(/\/$/, '')}/providers/${manifest.id}`
  const urls = {base_url: `${root}/heroku/resources`, sso_url: `${root}/sso/login`}
  return {...manifest, api: {...manifest.api, production: {...urls}, test: {...urls}}}
}

export function monthly(cents: number): ManifestPlan['price'] {
  return {cents, unit: 'month'}
}
