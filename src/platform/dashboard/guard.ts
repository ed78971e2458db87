import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify'
import {errorPage} from './pages/errors.js'
import {hostAllowed, originAllowed, platformAddresses, type PlatformAddresses} from './origins.js'
import {readSessionCookie} from './session-cookie.js'
import type {DashboardSession, DashboardSessions} from './sessions.js'

declare module 'fastify' {
  interface FastifyRequest {
    // the dashboard's signed-in browser (set by the guard on /dashboard routes)
    dashboardSession?: DashboardSession
  }
  interface FastifyContextConfig {
    // 'public': a dashboard route open without a session (sign-in, assets); the others need one
    dashboard?: 'public'
  }
}

// Scripts only from this platform, no inline script or style, no framing, forms post only here.
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// Every /dashboard request: the Host must be the platform's own; a change must come from one of its
// pages (Origin) and carry the session's CSRF token; a page needs a session, else the browser is
// sent to sign in and brought back. The session's account becomes the request's actor, so the
// dashboard spends the same request budget as the account's API key.
export function registerGuard(scope: FastifyInstance, sessions: DashboardSessions, baseUrl: () => string): void {
  let cached: {base: string; addresses: PlatformAddresses} | undefined
  const addresses = () => {
    const base = baseUrl()
    if (cached?.base !== base) cached = {base, addresses: platformAddresses(base)}
    return cached.addresses
  }

  scope.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      // same-origin: a POST keeps its Origin (checked below), other sites learn no dashboard URL
      .header('referrer-policy', 'same-origin')
      .header('cross-origin-opener-policy', 'same-origin')
      .header('cross-origin-resource-policy', 'same-origin')
    if (!hostAllowed(addresses(), request.headers.host)) {
      return refuse(reply, 421, 'Wrong address', `The dashboard answers only at ${baseUrl()}.`)
    }
  })

  // the account's request budget is the API's (http/rate-limit.ts answers JSON): said as a page here
  scope.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode !== 429) return payload
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
    return errorPage('Too many requests', 'Your account has used up its request budget (the same as its API key’s): wait a few minutes, then reload.')
  })

  scope.addHook('preValidation', async (request, reply) => {
    const session = await sessions.find(readSessionCookie(request.headers.cookie))
    if (session) {
      request.dashboardSession = session
      request.actor = session.account
    }
    const changes = !SAFE_METHODS.has(request.method)
    if (changes && !originAllowed(addresses(), {origin: header(request, 'origin'), referer: header(request, 'referer')})) {
      return refuse(reply, 403, 'Request refused', 'This change did not come from a dashboard page, so it was not made.')
    }
    if (request.routeOptions.config?.dashboard === 'public') return
    if (!session) return toSignIn(request, reply)
    if (changes && !sessions.csrfMatches(session, csrfTokenOf(request))) {
      return refuse(reply, 403, 'Request refused', 'This form is out of date (its security token does not match your session): reload the page and try again.')
    }
  })
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' ? value : undefined
}

function csrfTokenOf(request: FastifyRequest): unknown {
  const body = request.body as Record<string, unknown> | undefined
  return header(request, 'x-csrf-token') ?? (typeof body === 'object' && body !== null ? body._csrf : undefined)
}

// Back to the page after signing in (for a GET; a change is not replayed).
function toSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = request.headers['hx-request'] ? currentPage(header(request, 'hx-current-url')) : request.method === 'GET' ? request.url : undefined
  const target = next ? `/dashboard/login?next=${encodeURIComponent(next)}` : '/dashboard/login'
  reply.header('cache-control', 'no-store')
  // htmx follows HX-Redirect with a full navigation instead of swapping the sign-in page into a row
  if (request.headers['hx-request']) return reply.code(401).header('hx-redirect', target).send('')
  return reply.redirect(target, 303)
}

// The page an htmx request came from (HX-Current-URL), when it is a dashboard page.
function currentPage(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.pathname.startsWith('/dashboard/') ? `${parsed.pathname}${parsed.search}` : undefined
  } catch {
    return undefined
  }
}

function refuse(reply: FastifyReply, status: number, title: string, reason: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(errorPage(title, reason))
}
