import type {FastifyReply, FastifyRequest} from 'fastify'
import type {Services} from '../services/index.js'
import {PlatformError} from '../services/errors.js'
import type {Reader} from './data/reader.js'
import type {Html} from './html.js'
import type {Frame} from './pages/layout.js'
import type {DashboardSession, DashboardSessions, Flash} from './sessions.js'

// What the dashboard's routes share: who is asking, the frame of their page, sending pages, and
// turning a refused change into a message on the page the user comes back to.
export interface DashboardKit {
  s: Services
  sessions: DashboardSessions
}

export function sessionOf(request: FastifyRequest): DashboardSession {
  // the guard lets no request without a session reach a route that asks for one
  if (!request.dashboardSession) throw new PlatformError(401, 'unauthorized', 'Sign in first.')
  return request.dashboardSession
}

export function readerOf(kit: DashboardKit, request: FastifyRequest): Reader {
  return {s: kit.s, actor: sessionOf(request).account}
}

// The signed-in frame, with the message a previous change left (shown once).
export async function frameOf(kit: DashboardKit, request: FastifyRequest): Promise<Frame & {account: {email: string; csrfToken: string}}> {
  const session = sessionOf(request)
  return {title: '', account: {email: session.account.email, csrfToken: session.csrfToken}, flash: await kit.sessions.takeFlash(session)}
}

// Pages hold the account's data (and, once revealed, config var values): never kept by a cache.
export function sendHtml(reply: FastifyReply, body: string | Html, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(String(body))
}

// A form's fields as strings (a repeated field keeps its last value).
export function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body
  if (typeof body !== 'object' || body === null) return {}
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
}

// Post/redirect/get: the change is made, its outcome is kept for the next page, the browser goes there.
export async function redirectWith(kit: DashboardKit, request: FastifyRequest, reply: FastifyReply, to: string, flash?: Flash): Promise<FastifyReply> {
  if (flash) await kit.sessions.setFlash(sessionOf(request), flash)
  return reply.header('cache-control', 'no-store').redirect(to, 303)
}

// Runs a change; a refusal by the platform (a PlatformError: bad name, not allowed, provider said
// no) goes back to `back` with the platform's own message, as the CLI would print it.
export async function change(kit: DashboardKit, request: FastifyRequest, reply: FastifyReply, back: string, work: () => Promise<{to?: string; notice?: string}>): Promise<FastifyReply> {
  try {
    const {to, notice} = await work()
    return redirectWith(kit, request, reply, to ?? back, notice ? {kind: 'notice', text: notice} : undefined)
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error
    return redirectWith(kit, request, reply, back, {kind: 'error', text: error.message})
  }
}
