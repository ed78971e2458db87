import {ProviderFailed, ProviderRefused} from '../provider-client/errors.js'
import {PlatformError} from './errors.js'

// A provider's refusal reaches the user unchanged as 422; any other provider failure is a 503.
export function fromProviderError(error: unknown): unknown {
  if (error instanceof ProviderRefused) return new PlatformError(422, 'invalid_params', error.message)
  if (error instanceof ProviderFailed) return new PlatformError(503, 'service_unavailable', error.message)
  return error
}
