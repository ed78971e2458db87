import etag from '@fastify/etag'
import Fastify, {type FastifyInstance} from 'fastify'
import {dashboardRoutes} from './dashboard/index.js'
import {billingRoutes} from './billing/routes.js'
import {registerAuth} from './http/auth.js'
import {registerErrorHandling} from './http/errors.js'
import {registerInFlight} from './http/in-flight.js'
import {registerLastModified} from './http/last-modified.js'
import {BODY_LIMIT_BYTES, registerParsers} from './http/parsers.js'
import {registerPreconditions} from './http/preconditions.js'
import {registerRateLimit} from './http/rate-limit.js'
import {registerRequestContext} from './http/request-context.js'
import './http/types.js'
import {logRoutes} from './logs/routes.js'
import {accountRoutes} from './routes/account.js'
import {addonRoutes} from './routes/addons.js'
import {appRoutes} from './routes/apps.js'
import {attachmentRoutes} from './routes/attachments.js'
import {catalogRoutes} from './routes/catalog.js'
import {configAndReleaseRoutes} from './routes/config-releases.js'
import {domainRoutes} from './routes/domains.js'
import {partnerRoutes} from './routes/partner.js'
import {regionAndSpaceRoutes} from './routes/regions-spaces.js'
import {ssoRoutes} from './routes/sso.js'
import type {Services} from './services/index.js'
import {type RateLimit, RateLimits} from './services/rate-limits.js'
import {webhookRoutes} from './webhooks/routes.js'
import {appSetupRoutes} from './app-setups/routes.js'

// The Fastify app: plumbing first, then one route module per resource.
export function buildServer(services: Services, log: (line: string) => void, rateLimit: RateLimit | false): FastifyInstance {
  const app = Fastify({
    logger: false,
    // bodies are validated, never coerced or silently trimmed
    ajv: {customOptions: {coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, allowUnionTypes: true}},
    bodyLimit: BODY_LIMIT_BYTES,
  })
  // first, so a request counts as in flight from its first hook: background work waits for it
  registerInFlight(app, services.foreground)
  registerParsers(app)
  registerRequestContext(app, log)
  registerErrorHandling(app, log)
  registerAuth(app, services.accounts, services.partnerAuth)
  registerRateLimit(app, rateLimit === false ? undefined : new RateLimits(services.ctx.store, rateLimit))
  registerPreconditions(app)
  // ETag on every answer, and 304 with no body when If-None-Match still matches, as the Platform API does
  app.register(etag)
  registerLastModified(app)

  accountRoutes(app, services)
  appRoutes(app, services)
  regionAndSpaceRoutes(app, services)
  catalogRoutes(app, services)
  addonRoutes(app, services)
  attachmentRoutes(app, services)
  configAndReleaseRoutes(app, services)
  domainRoutes(app, services)
  partnerRoutes(app, services)
  ssoRoutes(app, services.sso)
  logRoutes(app, services)
  webhookRoutes(app, services)
  appSetupRoutes(app, services)
  billingRoutes(app, services)
  dashboardRoutes(app, services)
  return app
}
