import type {ManifestEnvironment, ProviderManifest} from '../../providers/kit/manifest-types.js'
import {AddonkitError} from '../errors.js'

export interface ProviderEndpoints {
  // where POST/PUT/DELETE go, without a trailing slash
  resourcesUrl: string
  sso?: {method: 'get'; url: string} | {method: 'post'; url: string}
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/**
 * The URLs of one environment (`api.test` unless production is asked for). A bare URL is the
 * legacy GET style: resources under <url>/heroku/resources, SSO by GET <url>/heroku/resources/<id>.
 * An object gives base_url and, for POST style SSO, sso_url.
 */
export function providerEndpoints(manifest: ProviderManifest, production: boolean): ProviderEndpoints {
  const key = production ? 'production' : 'test'
  const environment: ManifestEnvironment | string | undefined = manifest.api[key]
  if (environment === undefined) throw new AddonkitError(`the manifest has no api.${key} URLs`)
  if (typeof environment === 'string') {
    const resourcesUrl = `${trimSlash(environment)}/heroku/resources`
    return {resourcesUrl, sso: {method: 'get', url: resourcesUrl}}
  }
  return {
    resourcesUrl: trimSlash(environment.base_url),
    sso: environment.sso_url ? {method: 'post', url: environment.sso_url} : undefined,
  }
}

// The path shown in group titles ("Testing POST /heroku/resources").
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}
