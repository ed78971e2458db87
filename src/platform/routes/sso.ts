import type {FastifyInstance} from 'fastify'
import {actorOf} from '../http/auth.js'
import {ssoFormPage, ssoRefusedPage} from '../pages/sso-login.js'
import type {SsoService} from '../services/sso.js'

// Single sign-on: the API call that signs a login link, and the page a browser opens with it.
export function ssoRoutes(app: FastifyInstance, sso: SsoService): void {
  app.get<{Params: {app: string; addon: string}}>('/apps/:app/addons/:addon/sso', async (request) =>
    sso.login(actorOf(request), request.params.app, request.params.addon))

  // No bearer token: the signed query is the credential. Nothing here may be cached or leak
  // through a Referer header, since it carries a live token.
  app.get<{Params: {addon: string}; Querystring: Record<string, unknown>}>('/addons/:addon/sso-login', {config: {auth: 'none'}}, async (request, reply) => {
    const page = await sso.loginPage(request.params.addon, request.query ?? {})
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    if (page.kind === 'redirect') return reply.redirect(page.url, 303)
    reply.type('text/html; charset=utf-8')
    if (page.kind === 'refused') return reply.code(page.status).send(ssoRefusedPage(page.reason))
    return reply.send(ssoFormPage(page.addonName, page.action, page.fields))
  })
}
