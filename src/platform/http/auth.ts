import type {FastifyInstance, FastifyRequest} from 'fastify'
import type {AccountsService} from '../services/accounts.js'
import {PlatformError} from '../services/errors.js'
import type {PartnerAuth} from '../services/partner-auth.js'

const unauthorized = () => new PlatformError(401, 'unauthorized', 'Invalid credentials provided.')

// Bearer tokens (or Basic with the token as password) identify a customer account or a provider's
// per-add-on token. Provider tokens reach only routes marked `auth: 'partner'` for their own add-on.
export function registerAuth(app: FastifyInstance, accounts: AccountsService, partnerAuth: PartnerAuth): void {
  app.addHook('preHandler', async (request) => {
    const mode = request.routeOptions.config?.auth ?? 'user'
    if (mode === 'none') return
    const token = credentials(request)
    if (!token) throw unauthorized()
    const account = await accounts.byApiKey(token)
    if (account) {
      request.actor = account
      return
    }
    const addonId = await partnerAuth.addonForToken(token)
    if (!addonId) throw unauthorized()
    const params = request.params as {addon?: string; app?: string}
    if (mode !== 'partner' || params.addon !== addonId) {
      throw new PlatformError(403, 'forbidden', 'This token only gives access to its own add-on.')
    }
    request.partnerAddonId = addonId
  })
}

function credentials(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const [scheme, value] = header.split(/\s+/, 2)
  if (!value) return undefined
  if (scheme.toLowerCase() === 'bearer') return value
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon >= 0 ? decoded.slice(colon + 1) : decoded
  }
  return undefined
}

// The customer behind a request; routes marked 'partner' call this only when no provider token was used.
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw unauthorized()
  return request.actor
}
