import type {FastifyInstance} from 'fastify'
import {readerOf, type DashboardKit} from '../respond.js'

// An add-on's web_url (what `heroku addons:open` opens): for the signed-in account, a fresh single
// sign-on to the add-on's dashboard, signed for that account (the same login the API gives it);
// anyone else is sent to sign in first by the guard, and comes back here.
export function addonOpenRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Params: {addon: string}}>('/dashboard/addons/:addon/open', async (request, reply) => {
    const {s, actor} = readerOf(kit, request)
    const addon = await s.addons.info(actor, undefined, request.params.addon)
    const login = await s.sso.login(actor, addon.app_id, addon.id)
    // the link carries live tokens: neither cached nor passed on in a Referer
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      .redirect(`${login.action}?${new URLSearchParams(login.params)}`, 303)
  })
}
