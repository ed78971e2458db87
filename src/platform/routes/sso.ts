import type {FastifyInstance, FastifyReply} from 'fastify'
import {actorOf} from '../http/auth.js'
import {ssoFormPage, ssoRefusedPage} from '../pages/sso-login.js'
import type {SsoLoginPage, SsoService} from '../services/sso.js'

// Single sign-on: the API call that signs a login link, the page a browser opens with it, and the
// address of an add-on's web_url in earlier versions (web_url is now a dashboard page).
export function ssoRoutes(app: FastifyInstance, sso: SsoService): void {
  app.get<{Params: {app: string; addon: string}}>('/apps/:app/addons/:addon/sso', async (request) =>
    sso.login(actorOf(request), request.params.app, request.params.addon))

  // No bearer token on these two: the signed query is the credential; the old web_url takes none.
  app.get<{Params: {addon: string}; Querystring: Record<string, unknown>}>('/addons/:addon/sso-login', {config: {auth: 'none'}}, async (request, reply) =>
    send(reply, await sso.loginPage(request.params.addon, request.query ?? {})))
  // web_url as earlier versions made it (with a `key`, now ignored): the add-on's dashboard page,
  // which asks whoever is not signed in to sign in first
  app.get<{Params: {addon: string}}>('/addons/:addon/dashboard', {config: {auth: 'none'}}, async (request, reply) =>
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(`/dashboard/addons/${encodeURIComponent(request.params.addon)}/open`, 303))
}

// Nothing here may be cached or leak through a Referer header: it carries a live credential.
function send(reply: FastifyReply, page: SsoLoginPage): FastifyReply {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
  if (page.kind === 'redirect') return reply.redirect(page.url, 303)
  reply.type('text/html; charset=utf-8')
  if (page.kind === 'refused') return reply.code(page.status).send(ssoRefusedPage(page.reason))
  return reply.send(ssoFormPage(page.addonName, page.action, page.fields))
}
