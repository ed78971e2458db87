import type {ProviderManifest} from '../../providers/kit/manifest-types.js'
import {AddonkitError} from '../errors.js'
import {providerEndpoints} from './endpoints.js'
import {nowSeconds, signSso, ssoRequest, type SsoRequest} from './sso-signing.js'

// A signed sign-on request for one resource, as the platform would make it right now.
export function signedSsoRequest(manifest: ProviderManifest, id: string, production: boolean, now: () => number = Date.now): SsoRequest {
  const {sso} = providerEndpoints(manifest, production)
  if (!sso) throw new AddonkitError(`the manifest's api.${production ? 'production' : 'test'} has no sso_url: single sign-on is not configured`)
  return ssoRequest(sso, signSso(manifest, id, nowSeconds(now)))
}
