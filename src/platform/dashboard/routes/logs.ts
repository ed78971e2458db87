import type {FastifyInstance} from 'fastify'
import {logHistory, LOG_HISTORY} from '../data/logs.js'
import {logsPage} from '../pages/logs.js'
import {frameOf, readerOf, sendHtml, type DashboardKit} from '../respond.js'

// Logs: the page, and the tail session its script asks for (POST, with the CSRF header), the same
// session `POST /apps/{app}/log-sessions` makes; its stream is served at /log-stream/{id}.
export function logRoutes(scope: FastifyInstance, kit: DashboardKit): void {
  scope.get<{Params: {app: string}}>('/dashboard/apps/:app/logs', async (request, reply) =>
    sendHtml(reply, logsPage(await frameOf(kit, request), await logHistory(readerOf(kit, request), request.params.app))))

  scope.post<{Params: {app: string}}>('/dashboard/apps/:app/log-session', async (request, reply) => {
    const {actor} = readerOf(kit, request)
    const session = await kit.s.logs.sessions.create(actor, request.params.app, {lines: LOG_HISTORY, tail: true})
    return reply.code(201).header('cache-control', 'no-store').send({url: `/log-stream/${session.id}`})
  })
}
