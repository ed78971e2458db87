import type {ManifestEnvironment, ProviderManifest} from '../../providers/kit/manifest-types.js'

// The environment the platform talks to: `api.test` when the manifest has one (local providers),
// else `api.production`.
function environment(manifest: ProviderManifest): ManifestEnvironment | string {
  return manifest.api.test ?? manifest.api.production
}

// Legacy string-form URLs imply the kensa base path `/heroku/resources`.
export function providerBaseUrl(manifest: ProviderManifest): string {
  const env = environment(manifest)
  if (typeof env === 'string') return `${env.replace(/\/+$/, '')}/heroku/resources`
  return env.base_url.replace(/\/+$/, '')
}

// SSO target: a hash-form environment names it; the string form uses GET on the resource URL.
export function providerSsoTarget(manifest: ProviderManifest, providerId: string): {method: 'get' | 'post'; action: string} {
  const env = environment(manifest)
  if (typeof env === 'string') return {method: 'get', action: `${providerBaseUrl(manifest)}/${encodeURIComponent(providerId)}`}
  if (env.sso_url) return {method: 'post', action: env.sso_url}
  return {method: 'get', action: `${env.base_url.replace(/\/+$/, '')}/${encodeURIComponent(providerId)}`}
}
