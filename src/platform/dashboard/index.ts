import type {FastifyError, FastifyInstance} from 'fastify'
import {PlatformError} from '../services/errors.js'
import type {Services} from '../services/index.js'
import {assetRoutes} from './assets.js'
import {registerGuard} from './guard.js'
import {errorPage} from './pages/errors.js'
import {platformAddresses} from './origins.js'
import type {DashboardKit} from './respond.js'
import {addonOpenRoutes} from './routes/addon-open.js'
import {activityRoutes} from './routes/activity.js'
import {addonRoutes} from './routes/addon.js'
import {appListRoutes} from './routes/app-lists.js'
import {appRoutes} from './routes/apps.js'
import {logRoutes} from './routes/logs.js'
import {newAddonRoutes} from './routes/new-addon.js'
import {resourceRoutes} from './routes/resources.js'
import {settingsRoutes} from './routes/settings.js'
import {signInLinkRoutes} from './routes/sign-in-links.js'
import {signInRoutes} from './routes/sign-in.js'
import {DashboardSessions} from './sessions.js'

/**
 * The dashboard at /dashboard: server-rendered pages over the same services the API routes call,
 * with the signed-in account's own rights. This folder owns it all:
 * - sessions.ts: sessions and one-time sign-in links (rows in the store); session-cookie.ts the cookie;
 * - guard.ts: Host and Origin checks, the session, CSRF, the security headers (origins.ts: whose addresses);
 * - html.ts: the escaping template every page is written with; pages/: one function per page or piece;
 * - data/: what a page shows, gathered from the services; routes/: thin, one page or change each;
 * - assets.ts: the stylesheet, the small script and htmx (from its npm package).
 * The one API route here is POST /account/dashboard-links (`addonkit dashboard`).
 */
export function dashboardRoutes(app: FastifyInstance, s: Services): void {
  const kit: DashboardKit = {s, sessions: new DashboardSessions(s.ctx.store.db, s.accounts)}
  const secure = () => platformAddresses(s.ctx.baseUrl()).secure
  signInLinkRoutes(app, kit)

  app.register(async (scope) => {
    // These routes bring their own credential (the session cookie): the platform's bearer-token
    // hook leaves them alone, and the guard below checks every one.
    scope.addHook('onRoute', (route) => {
      route.config = {...(route.config as object), auth: 'none'} as typeof route.config
    })
    registerGuard(scope, kit.sessions, () => s.ctx.baseUrl())
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error instanceof PlatformError ? error.status : error.statusCode && error.statusCode < 500 ? error.statusCode : 500
      if (status >= 500 && !(error instanceof PlatformError)) s.ctx.log(`error on ${request.method} ${request.url.split('?')[0]}: ${error.stack ?? error.message}`)
      const reason = status >= 500 && !(error instanceof PlatformError) ? 'Something went wrong on the platform; the platform log says what.' : error.message
      return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(errorPage(status === 404 ? 'Not found' : 'That did not work', reason))
    })
    // any other /dashboard address: a page saying so (the platform's own 404 answers JSON)
    scope.get('/dashboard/*', async (request, reply) =>
      reply.code(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(errorPage('Not found', `There is no dashboard page at ${request.url.split('?')[0]}.`)))

    assetRoutes(scope)
    signInRoutes(scope, kit, secure)
    addonOpenRoutes(scope, kit)
    appRoutes(scope, kit)
    resourceRoutes(scope, kit)
    newAddonRoutes(scope, kit)
    addonRoutes(scope, kit)
    settingsRoutes(scope, kit)
    activityRoutes(scope, kit)
    logRoutes(scope, kit)
    appListRoutes(scope, kit)
  })
}
