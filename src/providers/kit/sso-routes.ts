import {createHmac} from 'node:crypto'
import type {FastifyInstance, FastifyReply} from 'fastify'
import {htmlPage, htmlTable} from './html.js'
import type {ProviderKitOptions} from './kit-options.js'
import type {ResourceStore} from './resource-store.js'
import {readCookie, readSession, sessionLifetimeSeconds, signSession} from './session-cookie.js'
import {verifySsoToken} from './sso-token.js'

type SsoParams = Record<string, string | undefined>

// Which token to check. Current platforms send `user_scoped_resource_token`, which also covers
// user_id and email (so the email shown is the signed-in user's); v3 platforms without it send
// resource_id/resource_token; kensa and older platforms id/token.
function signedFields(params: SsoParams): Parameters<typeof verifySsoToken>[0] | undefined {
  const {timestamp} = params
  if (!timestamp) return undefined
  if (params.user_scoped_resource_token !== undefined) {
    const {resource_id: resourceId, user_id: id, email} = params
    if (!resourceId || !id || !email) return undefined
    return {resourceId, token: params.user_scoped_resource_token, timestamp, user: {id, email}}
  }
  const resourceId = params.resource_id ?? params.id
  const token = params.resource_token ?? params.token
  return resourceId && token ? {resourceId, token, timestamp} : undefined
}

// POST (form) or GET /sso/login, then GET /dashboard behind a signed session cookie.
export async function ssoRoutes<Data>(app: FastifyInstance, kit: ProviderKitOptions<Data> & {store: ResourceStore<Data>}) {
  const {manifest, store} = kit
  const salt = manifest.api.sso_salt!
  const title = manifest.name ?? manifest.id
  // Derived from the salt so sessions survive a restart and change when the salt is rotated.
  const sessionKey = createHmac('sha256', salt).update('addonkit dashboard session').digest('hex')
  const cookieName = `addonkit-sso-${manifest.id}`
  const cookiePath = `${app.prefix}/` // only this provider's pages ever see the cookie

  // The host app may parse forms its own way already; inside this scope ours wins.
  if (app.hasContentTypeParser('application/x-www-form-urlencoded')) app.removeContentTypeParser('application/x-www-form-urlencoded')
  app.addContentTypeParser('application/x-www-form-urlencoded', {parseAs: 'string'}, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  function refuse(reply: FastifyReply, status: number, reason: string) {
    return reply.code(status).type('text/html; charset=utf-8').send(htmlPage(`${title}: access refused`, `<p>${reason}</p>`))
  }

  async function login(params: SsoParams, reply: FastifyReply) {
    const signed = signedFields(params)
    if (!signed) return refuse(reply, 403, 'Single sign-on parameters are missing.')
    const {resourceId} = signed
    const verdict = verifySsoToken(signed, salt)
    if (verdict === 'bad-token') return refuse(reply, 403, 'The single sign-on token is not valid.')
    if (verdict === 'stale') return refuse(reply, 403, 'The single sign-on link has expired: open the add-on again.')
    const resource = await store.get(resourceId)
    if (!resource) return refuse(reply, 404, 'This add-on does not exist (any more).')
    const session = signSession(
      {resourceId, email: params.email, expiresAt: Math.floor(Date.now() / 1000) + sessionLifetimeSeconds},
      sessionKey,
    )
    const cookies = [`${cookieName}=${session}; Path=${cookiePath}; HttpOnly; SameSite=Lax; Max-Age=${sessionLifetimeSeconds}`]
    if (params['nav-data']) cookies.push(`heroku-nav-data=${encodeURIComponent(params['nav-data'])}; Path=${cookiePath}; SameSite=Lax`)
    return reply.header('set-cookie', cookies).redirect(`${app.prefix}/dashboard`, 303)
  }

  app.post<{Body: SsoParams}>('/sso/login', async (request, reply) => login(request.body ?? {}, reply))
  app.get<{Querystring: SsoParams}>('/sso/login', async (request, reply) => login(request.query, reply))

  app.get<{Querystring: Record<string, string | string[] | undefined>}>('/dashboard', async (request, reply) => {
    const session = readSession(readCookie(request.headers.cookie, cookieName), sessionKey)
    const resource = session && (await store.get(session.resourceId))
    if (!resource) return refuse(reply, 403, 'Open this dashboard from the platform (addons:open): you have no valid session.')
    if (kit.dashboardPage) {
      const page = await kit.dashboardPage(resource, {query: firstValues(request.query), email: session.email})
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(htmlPage(title, page.body, page.head))
    }
    const rows: [string, string][] = [
      ['Resource', resource.name ?? resource.id],
      ['Plan', resource.plan],
      ...Object.entries((await kit.dashboard?.(resource)) ?? {}),
    ]
    if (session.email) rows.push(['Signed in as', session.email])
    return reply.type('text/html; charset=utf-8').send(htmlPage(title, htmlTable(rows)))
  })
}

// `?q=a&q=b` counts as `?q=a`: a form sends each field once.
function firstValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(query ?? {})) {
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string') values[name] = first
  }
  return values
}
