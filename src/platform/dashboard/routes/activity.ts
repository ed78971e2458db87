import type {FastifyInstance} from 'fastify'
import {activity, releaseInfo} from '../data/activity.js'
import {path} from '../html.js'
import {activityPage, rollbackPage} from '../pages/activity.js'
import {change, frameOf, readerOf, sendHtml, type DashboardKit} from '../respond.js'

type Params = {app: string; version: string}

// Activity (`releases`) and rolling back (`releases:rollback`).
export function activityRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Params: {app: string}; Querystring: {before?: string}}>('/dashboard/apps/:app/activity', async (request, reply) =>
    sendHtml(reply, activityPage(await frameOf(kit, request), await activity(readerOf(kit, request), request.params.app, request.query.before))))

  scope.get<{Params: Params}>('/dashboard/apps/:app/releases/:version/rollback', async (request, reply) => {
    const {app, release} = await releaseInfo(readerOf(kit, request), request.params.app, request.params.version)
    return sendHtml(reply, rollbackPage(await frameOf(kit, request), app, release))
  })

  scope.post<{Params: Params}>('/dashboard/apps/:app/releases/:version/rollback', async (request, reply) =>
    change(kit, request, reply, path`/dashboard/apps/${request.params.app}/activity`, async () => {
      const {actor} = readerOf(kit, request)
      const app = await kit.s.apps.find(actor, request.params.app)
      const made = await kit.s.releases.rollback(actor, app, request.params.version)
      return {notice: `Rolled back to v${request.params.version}: release v${made.version}.`}
    }))
}
