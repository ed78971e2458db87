import type {FastifyInstance} from 'fastify'
import {errorPage} from '../pages/errors.js'
import {signInPage} from '../pages/sign-in.js'
import {formOf, sendHtml, type DashboardKit} from '../respond.js'
import {clearedSessionCookie, readSessionCookie, sessionCookie} from '../session-cookie.js'
import {dashboardLanding} from '../landing.js'

const HOME = '/dashboard/apps'

// Signing in (API key, or a one-time link from `addonkit dashboard`) and out.
export function signInRoutes(scope: FastifyInstance, kit: DashboardKit, secure: () => boolean): void {
  const {sessions} = kit
  const open = {config: {dashboard: 'public' as const}}

  scope.get('/dashboard', async (_request, reply) => reply.redirect(HOME, 303))

  // Already signed in (in another tab, or with the one-time link): straight on.
  scope.get<{Querystring: {next?: string; signed_out?: string}}>('/dashboard/login', open, async (request, reply) => {
    const next = dashboardLanding(request.query.next)
    if (request.dashboardSession) return reply.header('cache-control', 'no-store').redirect(next ?? HOME, 303)
    return sendHtml(reply, signInPage({next, signedOut: request.query.signed_out === '1'}))
  })

  scope.post('/dashboard/login', open, async (request, reply) => {
    const form = formOf(request)
    const next = dashboardLanding(form.next)
    const cookie = await sessions.signInWithKey(form.api_key ?? '')
    if (!cookie) return sendHtml(reply, signInPage({next, error: 'That is not the API key of an account on this platform.'}), 401)
    return reply.header('set-cookie', sessionCookie(cookie, sessions.lifetimeMs, secure())).header('cache-control', 'no-store').redirect(next ?? HOME, 303)
  })

  // The one-time link: its token is in the query, so the request log redacts it (request-context.ts).
  scope.get<{Querystring: {token?: string}}>('/dashboard/sign-in', open, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    const signedIn = typeof request.query.token === 'string' ? await sessions.redeemLink(request.query.token) : undefined
    if (!signedIn) {
      return sendHtml(reply, errorPage('Sign-in link not valid', 'This sign-in link was used already, has expired (links last a minute) or is not one this platform made: run addonkit dashboard again.'), 403)
    }
    return reply.header('set-cookie', sessionCookie(signedIn.cookieValue, sessions.lifetimeMs, secure())).redirect(dashboardLanding(signedIn.landing) ?? HOME, 303)
  })

  scope.post('/dashboard/logout', async (request, reply) => {
    await sessions.end(readSessionCookie(request.headers.cookie))
    return reply.header('set-cookie', clearedSessionCookie(secure())).header('cache-control', 'no-store').redirect('/dashboard/login?signed_out=1', 303)
  })
}
