import type {FastifyInstance} from 'fastify'
import {actorOf} from '../../http/auth.js'
import {invalid} from '../../services/errors.js'
import {dashboardLanding} from '../landing.js'
import type {DashboardKit} from '../respond.js'

const bodySchema = {type: ['object', 'null'], additionalProperties: false, properties: {path: {type: 'string'}}}

// `addonkit dashboard`: the account (its API key, never a provider's token) asks for a link that
// opens the dashboard signed in, valid a minute and for one use, landing on `path`.
export function signInLinkRoutes(app: FastifyInstance, kit: DashboardKit): void {
  app.post<{Body: {path?: string} | null}>('/account/dashboard-links', {schema: {body: bodySchema}}, async (request, reply) => {
    const actor = actorOf(request)
    const wanted = request.body?.path
    const landing = wanted === undefined ? '/dashboard/apps' : dashboardLanding(wanted)
    if (landing === undefined) throw invalid(`path must be a page of the dashboard (/dashboard/…), not ${wanted}.`)
    const {token, expiresAt} = await kit.sessions.createLink(actor, landing)
    return reply.code(201).header('cache-control', 'no-store')
      .send({url: `${kit.s.ctx.baseUrl()}/dashboard/sign-in?token=${token}`, expires_at: expiresAt})
  })
}
