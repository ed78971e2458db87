import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {FastifyInstance} from 'fastify'
import got from 'got'
import {routeAuthModes, type RouteAuth} from '../../src/platform/http/auth.js'
import {buildServer} from '../../src/platform/server.js'
import {PASSWORD, startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {client, OWNER, startTestPlatform, type TestPlatform} from './helpers.js'

// What a provider's partner token reaches: its add-on, its attachments, config, drains and webhooks;
// the apps the add-on is attached to (owner email included) and their domains; nothing else. Every
// route of the server is tried with the token, so a route added later cannot be forgotten: it is in
// the table of allowed routes, or in the public list, or it answers 403.

// Routes a partner token runs for its own add-on and the apps it is attached to, with the answer
// they give in this test (404s are lookups of ids that do not exist, past the auth).
const ALLOWED: Record<string, {status: number; body?: unknown}> = {
  'GET /addons/:addon': {status: 200},
  'GET /addons/:addon/addon-attachments': {status: 200},
  'GET /addons/:addon/config': {status: 200},
  'PATCH /addons/:addon/config': {status: 200, body: {config: []}},
  'POST /addons/:addon/actions/:action': {status: 201},
  'GET /addons/:addon/log-drains': {status: 200},
  'PUT /addons/:addon/log-drains/:drain': {status: 404, body: {url: 'https://logs.example.com/drain'}},
  'GET /addons/:addon/webhooks': {status: 200},
  'POST /addons/:addon/webhooks': {status: 201, body: {include: ['api:release'], level: 'notify', url: 'https://hooks.example.com/in'}},
  'GET /addons/:addon/webhooks/:id': {status: 404},
  'PATCH /addons/:addon/webhooks/:id': {status: 404, body: {level: 'sync'}},
  'DELETE /addons/:addon/webhooks/:id': {status: 404},
  'GET /addons/:addon/webhook-deliveries': {status: 200},
  'GET /addons/:addon/webhook-deliveries/:id': {status: 404},
  'GET /addons/:addon/webhook-events': {status: 200},
  'GET /addons/:addon/webhook-events/:id': {status: 404},
  // past the auth: this add-on's plan has no meters
  'POST /addons/:addon/usage': {status: 422, body: {id: 'report-1', meters: {requests: 1}}},
  'GET /apps/:app': {status: 200},
  'GET /apps/:app/domains': {status: 200},
  'GET /apps/:app/domains/:domain': {status: 200},
}

// Routes that take no platform credentials at all (the catalog, OAuth, SSO, log input): a token
// changes nothing there.
const PUBLIC = new Set([
  'GET /regions', 'GET /regions/:region', 'GET /addon-services', 'GET /addon-services/:service', 'GET /addon-services/:service/plans',
  'GET /addon-services/:service/plans/:plan', 'GET /addon-services/:service/docs', 'GET /plans/:plan', 'GET /addon-region-capabilities',
  'GET /addon-services/:service/region-capabilities', 'GET /regions/:region/addon-region-capabilities', 'POST /oauth/token', 'POST /oauth/tokens',
  'GET /addons/:addon/sso-login', 'GET /addons/:addon/dashboard', 'GET /log-stream/:id', 'POST /logs',
])

// The dashboard's pages take no bearer token: their credential is the session cookie (a partner
// token never opens one; see test/platform/dashboard/routes.test.ts).
const isDashboardPage = (route: RouteAuth) => route.url === '/dashboard' || route.url.startsWith('/dashboard/')

describe('what a partner token may read', () => {
  let provider: TestProvider
  let p: TestPlatform
  let server: FastifyInstance
  let routes: RouteAuth[]
  let token: string
  let addonId: string
  let otherAddonId: string

  const exchange = async (code: string) =>
    (await got.post(`${p.url}/oauth/token`, {form: {grant_type: 'authorization_code', code, client_secret: PASSWORD}}).json<{access_token: string}>()).access_token

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    for (const name of ['home-app', 'shared-app', 'lonely-app']) await p.api.post('apps', {json: {name}})
    await p.stranger.post('apps', {json: {name: 'their-app'}})
    const created = await p.api.post<any>('apps/home-app/addons', {json: {plan: 'heroku-redis:mini'}})
    addonId = created.body.id
    token = await exchange(provider.provisions.at(-1)!.oauth_grant.code)
    assert.equal((await p.api.post('addon-attachments', {json: {addon: addonId, app: 'shared-app', name: 'SHARED'}})).statusCode, 201)
    assert.equal((await p.api.post('apps/shared-app/domains', {json: {hostname: 'www.shared.example.com'}})).statusCode, 201)
    otherAddonId = (await p.stranger.post<any>('apps/their-app/addons', {json: {plan: 'heroku-redis:mini'}})).body.id
    // a second server on the same services: its routes are enumerated and answered in-process
    server = buildServer(p.platform.services, () => {}, false)
    await server.ready()
    routes = routeAuthModes(server).filter((route) => route.method !== 'HEAD')
  })
  after(async () => {
    await server?.close()
    await p?.close()
    await provider?.close()
  })

  const key = (route: RouteAuth) => `${route.method} ${route.url}`
  const fill = (url: string, values: Record<string, string>) => url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'no-such-thing')).replace('*', 'x')
  const ask = async (route: RouteAuth, values: Record<string, string>, body?: unknown) => {
    const answer = await server.inject({
      method: route.method as 'GET',
      url: fill(route.url, values),
      headers: {authorization: `Bearer ${token}`, accept: 'application/vnd.heroku+json; version=3'},
      ...(body === undefined ? {} : {payload: body as object}),
    })
    return {status: answer.statusCode, body: answer.body === '' ? undefined : (JSON.parse(answer.body) as {id?: string})}
  }
  // filled in when the tests run, once the add-on exists
  const mine = () => ({addon: addonId, app: 'shared-app', domain: 'www.shared.example.com', action: 'provision'})

  test('the tables name only routes the server has', () => {
    const served = new Set(routes.map(key))
    for (const name of [...Object.keys(ALLOWED), ...PUBLIC]) assert.ok(served.has(name), `${name} is not a route of the server`)
    for (const route of routes.filter((r) => r.auth === 'none' && !isDashboardPage(r))) assert.ok(PUBLIC.has(key(route)), `${key(route)} takes no credentials but is not in the public list`)
  })

  test('every other route answers the token 403 forbidden', async () => {
    const values = {...mine(), app: 'home-app'}
    const others = routes.filter((route) => route.auth !== 'none' && !(key(route) in ALLOWED))
    assert.ok(others.length > 50, `only ${others.length} routes tried`)
    for (const route of others) {
      const answer = await ask(route, values, route.method === 'GET' || route.method === 'DELETE' ? undefined : {})
      assert.deepEqual([answer.status, answer.body?.id], [403, 'forbidden'], key(route))
    }
  })

  test('the allowed routes answer for its own add-on and the apps it is attached to', async () => {
    for (const route of routes.filter((r) => key(r) in ALLOWED)) {
      const expected = ALLOWED[key(route)]
      for (const app of route.url.includes(':app') ? ['home-app', 'shared-app'] : ['home-app']) {
        const answer = await ask(route, {...mine(), app, domain: app === 'home-app' ? 'home-app.localhost' : mine().domain}, expected.body)
        assert.equal(answer.status, expected.status, `${key(route)} (${app}): ${JSON.stringify(answer.body)}`)
      }
    }
  })

  test('another add-on is 403; an app its add-on is not attached to is 404, whoever owns it', async () => {
    for (const route of routes.filter((r) => key(r) in ALLOWED)) {
      const {body} = ALLOWED[key(route)]
      if (route.url.includes(':addon')) {
        const answer = await ask(route, {...mine(), addon: otherAddonId}, body)
        assert.deepEqual([answer.status, answer.body?.id], [403, 'forbidden'], key(route))
      } else {
        for (const app of ['lonely-app', 'their-app', 'no-such-app']) {
          const answer = await ask(route, {...mine(), app, domain: `${app}.localhost`}, body)
          assert.deepEqual([answer.status, answer.body?.id], [404, 'not_found'], `${key(route)} (${app})`)
        }
      }
    }
  })

  test('the app as the provider reads it carries its owner, and its domains are the app\'s', async () => {
    const partner = client(p.url, token)
    const app = await partner.get<any>('apps/shared-app')
    assert.equal(app.statusCode, 200)
    assert.equal(app.body.name, 'shared-app')
    assert.equal(app.body.owner.email, OWNER.email)
    assert.equal((await partner.get<any>(`apps/${app.body.id}`)).body.name, 'shared-app')
    const domains = await partner.get<any[]>('apps/shared-app/domains')
    assert.deepEqual(domains.body.map((d) => [d.hostname, d.kind]), [['shared-app.localhost', 'heroku'], ['www.shared.example.com', 'custom']])
    const one = await partner.get<any>('apps/shared-app/domains/www.shared.example.com')
    assert.equal(one.body.cname.endsWith('.dns.localhost'), true)
    // the customer's view is as before: the owner reads, a stranger is refused
    assert.equal((await p.api.get('apps/lonely-app')).statusCode, 200)
    assert.equal((await p.stranger.get<any>('apps/lonely-app')).statusCode, 403)
  })

  test('once detached, the app is gone for the token; a write to an app stays refused', async () => {
    const partner = client(p.url, token)
    assert.equal((await partner.post<any>('apps/shared-app/domains', {json: {hostname: 'sneaky.example.com'}})).statusCode, 403)
    const shared = (await p.api.get<any>('apps/shared-app/addon-attachments/SHARED')).body
    assert.equal((await p.api.delete(`addon-attachments/${shared.id}`)).statusCode, 200)
    assert.equal((await partner.get<any>('apps/shared-app')).statusCode, 404)
    assert.equal((await partner.get<any>('apps/home-app')).statusCode, 200)
  })

})
