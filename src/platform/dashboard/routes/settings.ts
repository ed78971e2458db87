import type {FastifyInstance} from 'fastify'
import {notFound} from '../../services/errors.js'
import {configValue, configVars} from '../data/config.js'
import {path} from '../html.js'
import {hiddenValue, settingsPage, shownValue} from '../pages/settings.js'
import {change, formOf, frameOf, readerOf, sendHtml, type DashboardKit} from '../respond.js'

type Params = {app: string}

// Settings → Config Vars: `config`, `config:get` (a reveal), `config:set`, `config:unset`.
export function settingsRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  const {s} = kit
  const settings = (app: string) => path`/dashboard/apps/${app}/settings`

  scope.get<{Params: Params; Querystring: {reveal?: string; edit?: string}}>('/dashboard/apps/:app/settings', async (request, reply) => {
    const reader = readerOf(kit, request)
    const {reveal, edit} = request.query
    const wanted = reveal === 'all' ? 'all' : new Set([reveal, edit].filter((n): n is string => typeof n === 'string'))
    const data = await configVars(reader, request.params.app, wanted)
    const editing = data.vars.find((v) => v.name === edit && !v.owner && v.value !== undefined)
    return sendHtml(reply, settingsPage(await frameOf(kit, request), data, {editing: editing && {name: editing.name, value: editing.value!}}))
  })

  // One value, on request: the htmx swap of the Reveal link (or back to hidden). A browser without
  // scripts never comes here: its Reveal link reloads the page with the value.
  scope.get<{Params: Params & {name: string}; Querystring: {hide?: string}}>('/dashboard/apps/:app/config-vars/:name', async (request, reply) => {
    const {app, name} = request.params
    if (!request.headers['hx-request']) return reply.redirect(`${settings(app)}?reveal=${encodeURIComponent(name)}#var-${encodeURIComponent(name)}`, 303)
    const value = await configValue(readerOf(kit, request), app, name)
    if (value === undefined) throw notFound('config_var', `${app} has no config var ${name}.`)
    return sendHtml(reply, request.query.hide ? hiddenValue(app, name, true) : shownValue(app, name, value, true))
  })

  scope.post<{Params: Params}>('/dashboard/apps/:app/config-vars', async (request, reply) =>
    change(kit, request, reply, settings(request.params.app), async () => {
      const {actor} = readerOf(kit, request)
      const form = formOf(request)
      const name = (form.name ?? '').trim()
      await s.configVars.update(actor, await s.apps.find(actor, request.params.app), {[name]: form.value ?? ''})
      return {notice: `Set ${name}.`}
    }))

  scope.post<{Params: Params & {name: string}}>('/dashboard/apps/:app/config-vars/:name/delete', async (request, reply) =>
    change(kit, request, reply, settings(request.params.app), async () => {
      const {actor} = readerOf(kit, request)
      await s.configVars.update(actor, await s.apps.find(actor, request.params.app), {[request.params.name]: null})
      return {notice: `Removed ${request.params.name}.`}
    }))
}
