import type {FastifyInstance} from 'fastify'
import {PlatformError} from '../../services/errors.js'
import {searchCatalog, serviceChoice} from '../data/catalog.js'
import {path} from '../html.js'
import {confirmOverwritePage, newAddonPage} from '../pages/new-addon.js'
import {parseOptionLines} from '../provider-options.js'
import {formOf, frameOf, readerOf, redirectWith, sendHtml, type DashboardKit} from '../respond.js'

type Params = {app: string}

// Adding an add-on (`addons:create`): the catalog and plan picker, then the create itself.
export function newAddonRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  const {s} = kit

  scope.get<{Params: Params; Querystring: {q?: string; service?: string}}>('/dashboard/apps/:app/addons/new', async (request, reply) => {
    const {actor} = readerOf(kit, request)
    const app = await s.apps.find(actor, request.params.app)
    const query = request.query.q ?? ''
    const chosen = request.query.service ? await serviceChoice(s, request.query.service) : undefined
    return sendHtml(reply, newAddonPage(await frameOf(kit, request), {app: app.name, query, services: searchCatalog(s, query), chosen}))
  })

  scope.post<{Params: Params}>('/dashboard/apps/:app/addons', async (request, reply) => {
    const {actor} = readerOf(kit, request)
    const app = await s.apps.find(actor, request.params.app)
    const form = formOf(request)
    const service = form.plan?.split(':')[0] ?? ''
    try {
      const created = await s.addons.create(actor, app.name, {
        plan: form.plan ?? '', name: form.name?.trim() || undefined, attachmentName: form.as?.trim() || undefined,
        config: parseOptionLines(form.options), confirm: form.confirm || undefined,
      })
      const [attachment] = await s.attachments.list(actor, {addon: created.id, app: app.id})
      const note = created.provision_message ? ` ${created.provision_message}` : ''
      const state = created.state === 'provisioning' ? ' It is being created.' : ''
      return redirectWith(kit, request, reply, path`/dashboard/apps/${app.name}/resources`, {kind: 'notice', text: `Added ${created.name}${attachment ? ` as ${attachment.name}` : ''}.${state}${note}`})
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error
      const frame = await frameOf(kit, request)
      if (error.status === 423) {
        const {_csrf: _, confirm: __, ...fields} = form
        return sendHtml(reply, confirmOverwritePage(frame, {
          app: app.name, message: error.message, action: path`/dashboard/apps/${app.name}/addons`, fields, confirm: app.name,
          back: `${path`/dashboard/apps/${app.name}/addons/new`}?service=${encodeURIComponent(service)}`,
          cli: [`addonkit addons:create ${form.plan} --app ${app.name} --as ${form.as ?? 'ALIAS'} --confirm ${app.name}`],
        }), 409)
      }
      const chosen = await serviceChoice(s, service)
      return sendHtml(reply, newAddonPage({...frame, flash: {kind: 'error', text: error.message}}, {app: app.name, query: '', services: searchCatalog(s, ''), chosen, values: form}), error.status)
    }
  })
}
