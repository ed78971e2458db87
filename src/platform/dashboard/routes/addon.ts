import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify'
import {PlatformError} from '../../services/errors.js'
import {addonDetails} from '../data/addon.js'
import {path} from '../html.js'
import {addonPage} from '../pages/addon.js'
import {destroyPage} from '../pages/destroy.js'
import {confirmOverwritePage} from '../pages/new-addon.js'
import {change, formOf, frameOf, readerOf, redirectWith, sendHtml, type DashboardKit} from '../respond.js'

type Params = {app: string; addon: string}
type Req = FastifyRequest<{Params: Params}>

// One add-on's page and what can be done to it: attach, detach, change plan, rename, destroy.
// Each change is the API's own service call with the signed-in account as the actor.
export function addonRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  const {s} = kit
  const pageOf = (p: Params) => path`/dashboard/apps/${p.app}/addons/${p.addon}`
  // the add-on, as visible from the app in the path (404 otherwise, before anything changes)
  const target = (request: Req) => s.addons.info(readerOf(kit, request).actor, request.params.app, request.params.addon)

  scope.get<{Params: Params}>('/dashboard/apps/:app/addons/:addon', async (request, reply) =>
    sendHtml(reply, addonPage(await frameOf(kit, request), await addonDetails(readerOf(kit, request), request.params.app, request.params.addon))))

  scope.post<{Params: Params}>('/dashboard/apps/:app/addons/:addon/attachments', async (request, reply) => {
    const {actor} = readerOf(kit, request)
    const addon = await target(request)
    const form = formOf(request)
    try {
      const attachment = await s.attachments.attach(actor, {addon: addon.id, app: form.app ?? '', name: form.as?.trim() || undefined, confirm: form.confirm || undefined})
      return redirectWith(kit, request, reply, pageOf(request.params), {kind: 'notice', text: `Attached ${addon.name} to ${form.app} as ${attachment.name}.`})
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error
      if (error.status !== 423) return redirectWith(kit, request, reply, pageOf(request.params), {kind: 'error', text: error.message})
      const {_csrf: _, confirm: __, ...fields} = form
      return sendHtml(reply, confirmOverwritePage(await frameOf(kit, request), {
        app: request.params.app, message: error.message, action: `${pageOf(request.params)}/attachments`, fields, confirm: form.app ?? '', back: pageOf(request.params),
        cli: [`addonkit addons:attach ${addon.name} --app ${form.app} --as ${form.as || 'ALIAS'} --confirm ${form.app}`],
      }), 409)
    }
  })

  scope.post<{Params: Params & {attachment: string}}>('/dashboard/apps/:app/addons/:addon/attachments/:attachment/detach', async (request, reply) =>
    change(kit, request, reply, pageOf(request.params), async () => {
      await target(request)
      const detached = await s.attachments.detach(readerOf(kit, request).actor, request.params.attachment)
      return {notice: `Detached ${detached.name}.`}
    }))

  scope.post<{Params: Params}>('/dashboard/apps/:app/addons/:addon/plan', async (request, reply) =>
    change(kit, request, reply, pageOf(request.params), async () => {
      const addon = await target(request)
      const {addon: changed, message} = await s.addons.update(readerOf(kit, request).actor, undefined, addon.id, {plan: formOf(request).plan ?? ''})
      const plan = s.catalog.plan(changed.plan_id).name
      return {notice: changed.plan_id === addon.plan_id ? `${addon.name} is on ${plan} already.` : `Changed ${addon.name} to ${plan}.${message ? ` ${message}` : ''}`}
    }))

  scope.post<{Params: Params}>('/dashboard/apps/:app/addons/:addon/rename', async (request, reply) =>
    change(kit, request, reply, pageOf(request.params), async () => {
      const addon = await target(request)
      const {addon: renamed} = await s.addons.update(readerOf(kit, request).actor, undefined, addon.id, {name: (formOf(request).name ?? '').trim()})
      return {notice: `Renamed ${addon.name} to ${renamed.name}.`}
    }))

  scope.get<{Params: Params}>('/dashboard/apps/:app/addons/:addon/destroy', async (request, reply) =>
    sendHtml(reply, destroyPage(await frameOf(kit, request), await addonDetails(readerOf(kit, request), request.params.app, request.params.addon))))

  scope.post<{Params: Params}>('/dashboard/apps/:app/addons/:addon/destroy', async (request, reply) => destroy(kit, request, reply))
}

// The typed name must be the add-on's app, as `addons:destroy --confirm APP`; everything listed on
// the page goes with it (force: its attachments on other apps too, which the page named).
async function destroy(kit: DashboardKit, request: Req, reply: FastifyReply): Promise<FastifyReply> {
  const reader = readerOf(kit, request)
  const data = await addonDetails(reader, request.params.app, request.params.addon)
  const typed = (formOf(request).confirm ?? '').trim()
  if (typed !== data.addon.app.name) {
    const error = typed === '' ? `Type ${data.addon.app.name} to confirm.` : `${typed} is not ${data.addon.app.name}: nothing was destroyed.`
    return sendHtml(reply, destroyPage(await frameOf(kit, request), data, error), 422)
  }
  return change(kit, request, reply, path`/dashboard/apps/${request.params.app}/addons/${request.params.addon}`, async () => {
    const gone = await kit.s.addons.destroy(reader.actor, undefined, data.addon.id, true)
    const how = gone.state === 'deprovisioning' ? 'is being destroyed' : 'was destroyed'
    return {to: path`/dashboard/apps/${request.params.app}/resources`, notice: `${data.addon.name} ${how}.`}
  })
}
