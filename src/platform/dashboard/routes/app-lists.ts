import type {FastifyInstance} from 'fastify'
import {domainList, webhookList} from '../data/app-lists.js'
import {domainsPage, webhooksPage} from '../pages/app-lists.js'
import {frameOf, readerOf, sendHtml, type DashboardKit} from '../respond.js'

// The Domains and Webhooks tabs (lists; changes are the CLI's, shown on each page).
export function appListRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Params: {app: string}}>('/dashboard/apps/:app/domains', async (request, reply) =>
    sendHtml(reply, domainsPage(await frameOf(kit, request), await domainList(readerOf(kit, request), request.params.app))))
  scope.get<{Params: {app: string}}>('/dashboard/apps/:app/webhooks', async (request, reply) =>
    sendHtml(reply, webhooksPage(await frameOf(kit, request), await webhookList(readerOf(kit, request), request.params.app))))
}
