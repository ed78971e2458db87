import type {FastifyInstance} from 'fastify'
import {resourceRow, resources} from '../data/resources.js'
import {goneRow, addonRow, resourcesPage} from '../pages/resources.js'
import {frameOf, readerOf, sendHtml, type DashboardKit} from '../respond.js'

type Params = {app: string; addon: string}

// An app's Resources, and one add-on's row (what a settling row asks for until it settles).
export function resourceRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Params: {app: string}; Querystring: {after?: string; attachments_after?: string}}>('/dashboard/apps/:app/resources', async (request, reply) => {
    const reader = readerOf(kit, request)
    const data = await resources(reader, request.params.app, {addons: request.query.after, attachments: request.query.attachments_after})
    return sendHtml(reply, resourcesPage(await frameOf(kit, request), data))
  })

  scope.get<{Params: Params}>('/dashboard/apps/:app/addons/:addon/row', async (request, reply) => {
    const reader = readerOf(kit, request)
    const found = await resourceRow(reader, request.params.app, request.params.addon)
    if (!found) return sendHtml(reply, goneRow())
    return sendHtml(reply, addonRow(request.params.app, found.addon, found.cost, true))
  })
}
