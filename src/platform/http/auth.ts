import type {FastifyInstance, FastifyRequest} from 'fastify'
import type {AccountsService} from '../services/accounts.js'
import {PlatformError} from '../services/errors.js'
import type {PartnerAuth} from '../services/partner-auth.js'
import {partnerRefusal, partnerRouteProblem, type AppReader} from '../services/partner-scope.js'
import {decodeBasic} from './basic-credentials.js'

const unauthorized = () => new PlatformError(401, 'unauthorized', 'Invalid credentials provided.')

// A route and who may call it, as registered (see routeAuthModes).
export interface RouteAuth {
  method: string
  url: string
  auth: 'none' | 'user' | 'partner' | 'partner-app'
}

type AddedRoute = {method: string | string[]; url: string; config?: {auth?: RouteAuth['auth']}}
const routeTables = new WeakMap<FastifyInstance, AddedRoute[]>()
const authOf = (route: AddedRoute): RouteAuth['auth'] => route.config?.auth ?? 'user'

// Bearer tokens (or Basic with the token as password) identify a customer account or a provider's
// per-add-on token. Provider tokens reach only routes marked `partner` (for their own add-on) or
// `partner-app` (reads of the apps their add-on is attached to); services/partner-scope.ts has the rules.
export function registerAuth(app: FastifyInstance, accounts: AccountsService, partnerAuth: PartnerAuth): void {
  const table: AddedRoute[] = []
  routeTables.set(app, table)
  // every route, plugins' included, as it is added: a misplaced partner mark stops the start
  app.addHook('onRoute', (route) => {
    const problem = partnerRouteProblem(authOf(route), route.method, route.url)
    if (problem) throw new Error(problem)
    // kept as given: a plugin's own onRoute hook (the built-ins' `none`) runs after this one
    table.push(route)
  })

  // before the body is validated: a caller without access learns nothing about what a route takes
  app.addHook('preValidation', async (request) => {
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
    const refusal = partnerRefusal(mode, request.params, addonId)
    if (refusal) throw refusal
    request.partnerAddonId = addonId
  })
}

// Every route of the server and its auth mode, in the order they were added: what a partner token
// can reach is read from here (test/platform/partner-reads.test.ts holds each route to its rule, so
// none is forgotten).
export function routeAuthModes(app: FastifyInstance): RouteAuth[] {
  return (routeTables.get(app) ?? []).flatMap((route) => [route.method].flat().map((method) => ({method: method.toUpperCase(), url: route.url, auth: authOf(route)})))
}

function credentials(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const [scheme, value] = header.split(/\s+/, 2)
  if (!value) return undefined
  if (scheme.toLowerCase() === 'bearer') return value
  if (scheme.toLowerCase() === 'basic') {
    // the password is the key, whatever the user name; without a colon, the whole text is
    const {user, password} = decodeBasic(value)
    return password ?? user
  }
  return undefined
}

// The customer behind a request; routes marked 'partner' call this only when no provider token was used.
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw unauthorized()
  return request.actor
}

// Who reads an app on a 'partner-app' route: the provider's token, or the customer.
export function appReaderOf(request: FastifyRequest): AppReader {
  return request.partnerAddonId ? {partnerAddonId: request.partnerAddonId} : actorOf(request)
}
