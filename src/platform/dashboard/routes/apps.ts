import type {FastifyInstance} from 'fastify'
import {PlatformError} from '../../services/errors.js'
import {appsList} from '../data/apps.js'
import {path} from '../html.js'
import {appsPage} from '../pages/apps.js'
import {formOf, frameOf, readerOf, redirectWith, sendHtml, type DashboardKit} from '../respond.js'

// The apps list and creating an app (`apps:create`).
export function appRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Querystring: {after?: string}}>('/dashboard/apps', async (request, reply) =>
    sendHtml(reply, appsPage(await frameOf(kit, request), await appsList(readerOf(kit, request), request.query.after))))

  scope.post('/dashboard/apps', async (request, reply) => {
    const {s, actor} = readerOf(kit, request)
    const form = formOf(request)
    const [kind, where] = (form.where ?? 'region:us').split(':', 2)
    try {
      const app = await s.apps.create(actor, {name: form.name?.trim() || undefined, ...(kind === 'space' ? {space: where} : {region: where})})
      return redirectWith(kit, request, reply, path`/dashboard/apps/${app.name}/resources`, {kind: 'notice', text: `Created ${app.name}.`})
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error
      const frame = {...(await frameOf(kit, request)), flash: {kind: 'error' as const, text: error.message}}
      return sendHtml(reply, appsPage(frame, await appsList(readerOf(kit, request)), form), error.status)
    }
  })

  scope.get<{Params: {app: string}}>('/dashboard/apps/:app', async (request, reply) => reply.redirect(path`/dashboard/apps/${request.params.app}/resources`, 303))
}
