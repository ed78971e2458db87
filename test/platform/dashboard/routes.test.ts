import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {buildServer} from '../../../src/platform/server.js'
import {hashSecret} from '../../../src/platform/store/secret-hash.js'
import {mainText, TestBrowser} from './browser.js'
import {dashboardFixture, OWNER, STRANGER, type DashboardFixture} from './fixture.js'

// Who gets into the dashboard and what the dashboard lets them do: signing in (API key, one-time
// link), the session cookie and its end, Host and Origin checks, CSRF, web_url, and the account's
// own rights (never more).
const ROTATING = {email: 'rotating@example.com', apiKey: 'rotating-key-1'}
const LIMITED = {email: 'limited@example.com', apiKey: 'limited-key'}

describe('dashboard: signing in, sessions and request checks', () => {
  let f: DashboardFixture
  let addonId: string

  const apiPost = (url: string, body: unknown, key = OWNER.apiKey) =>
    f.server.inject({method: 'POST', url, payload: body as object, headers: {host: new URL(f.p.url).host, authorization: `Bearer ${key}`, accept: 'application/vnd.heroku+json; version=3'}})
  const appExists = async (name: string) => (await f.p.api.get(`apps/${name}`)).statusCode === 200

  before(async () => {
    f = await dashboardFixture({accounts: [ROTATING, LIMITED]})
    assert.equal((await f.p.api.post('apps', {json: {name: 'owner-app'}})).statusCode, 201)
    addonId = (await f.p.api.post<{id: string}>('apps/owner-app/addons', {json: {plan: 'heroku-redis:mini', name: 'owner-redis'}})).body.id
  })
  after(async () => {
    await f?.close()
  })

  test('the API key signs in: an HttpOnly, SameSite=Strict cookie for /dashboard only; a wrong key gets none', async () => {
    const browser = f.browser()
    const wrong = await browser.post('/dashboard/login', {api_key: 'not-a-key', _csrf: null})
    assert.equal(wrong.statusCode, 401)
    assert.equal(wrong.headers['set-cookie'], undefined)
    assert.match(mainText(wrong.body), /That is not the API key of an account on this platform\./)
    const right = await browser.post('/dashboard/login', {api_key: OWNER.apiKey, _csrf: null})
    assert.equal(right.statusCode, 303)
    assert.equal(right.headers.location, '/dashboard/apps')
    assert.match(String(right.headers['set-cookie']), /^addonkit_dashboard=[\w-]{43}; Path=\/dashboard; HttpOnly; SameSite=Strict; Max-Age=43200$/)
    const apps = await browser.get('/dashboard/apps')
    assert.equal(apps.statusCode, 200)
    assert.match(mainText(apps.body), /owner-app/)
    // the store keeps the cookie value only as its hash
    const rows = await f.p.platform.services.ctx.store.db.selectFrom('dashboard_sessions').select('id_hash').execute()
    const value = browser.cookie!.split('=')[1]
    assert.ok(rows.some((r) => r.id_hash === hashSecret(value)))
    assert.ok(!rows.some((r) => r.id_hash === value))
  })

  test('a page without a session leads to signing in and back; htmx is told to navigate', async () => {
    const browser = f.browser()
    const page = await browser.get('/dashboard/apps/owner-app/settings?reveal=all')
    assert.equal(page.statusCode, 303)
    assert.equal(page.headers.location, `/dashboard/login?next=${encodeURIComponent('/dashboard/apps/owner-app/settings?reveal=all')}`)
    const poll = await browser.get(`/dashboard/apps/owner-app/addons/${addonId}/row`, {'hx-request': 'true', 'hx-current-url': `${f.p.url}/dashboard/apps/owner-app/resources`})
    assert.equal(poll.statusCode, 401)
    assert.equal(poll.headers['hx-redirect'], `/dashboard/login?next=${encodeURIComponent('/dashboard/apps/owner-app/resources')}`)
    const signedIn = await browser.post('/dashboard/login', {api_key: OWNER.apiKey, next: '/dashboard/apps/owner-app/settings?reveal=all', _csrf: null})
    assert.equal(signedIn.headers.location, '/dashboard/apps/owner-app/settings?reveal=all')
    // only dashboard pages are places to go back to
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/addons/x/sso-login', '/dashboard/../apps']) {
      const elsewhere = await f.browser().post('/dashboard/login', {api_key: OWNER.apiKey, next, _csrf: null})
      assert.equal(elsewhere.headers.location, '/dashboard/apps', next)
    }
  })

  test('a one-time link from the API signs in once, within a minute, and lands where asked', async () => {
    const made = await apiPost('/account/dashboard-links', {path: '/dashboard/apps/owner-app/resources'})
    assert.equal(made.statusCode, 201)
    const {url, expires_at: expiresAt} = made.json<{url: string; expires_at: string}>()
    assert.match(url, new RegExp(`^${f.p.url}/dashboard/sign-in\\?token=[\\w-]{43}$`))
    const ttl = Date.parse(expiresAt) - Date.now()
    assert.ok(ttl > 50_000 && ttl <= 60_000, `valid ${ttl} ms`)
    const browser = f.browser()
    const used = await browser.get(new URL(url).pathname + new URL(url).search)
    assert.equal(used.statusCode, 303)
    assert.equal(used.headers.location, '/dashboard/apps/owner-app/resources')
    assert.equal(used.headers['referrer-policy'], 'no-referrer')
    assert.match(String(used.headers['set-cookie']), /^addonkit_dashboard=/)
    assert.equal((await browser.get('/dashboard/apps/owner-app/resources')).statusCode, 200)

    const again = await f.browser().get(new URL(url).pathname + new URL(url).search)
    assert.equal(again.statusCode, 403)
    assert.equal(again.headers['set-cookie'], undefined)
    assert.match(mainText(again.body), /used already, has expired/)

    const late = (await apiPost('/account/dashboard-links', {})).json<{url: string}>()
    const token = new URL(late.url).searchParams.get('token')!
    await f.p.platform.services.ctx.store.db.updateTable('dashboard_sign_in_links').set({expires_at: new Date(Date.now() - 1000).toISOString()}).where('token_hash', '=', hashSecret(token)).execute()
    assert.equal((await f.browser().get(`/dashboard/sign-in?token=${token}`)).statusCode, 403)

    assert.equal((await apiPost('/account/dashboard-links', {path: 'https://evil.example/'})).statusCode, 422)
    assert.equal((await apiPost('/account/dashboard-links', {}, 'no-such-key')).statusCode, 401)
  })

  test('a Host that is not the platform is refused (DNS rebinding); the loopback names of its port are the platform', async () => {
    const port = new URL(f.p.url).port
    const rebound = await f.server.inject({method: 'GET', url: '/dashboard/login', headers: {host: `evil.example:${port}`}})
    assert.equal(rebound.statusCode, 421)
    const login = await f.server.inject({method: 'POST', url: '/dashboard/login', payload: `api_key=${OWNER.apiKey}`, headers: {host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/x-www-form-urlencoded'}})
    assert.equal(login.statusCode, 421)
    assert.equal(login.headers['set-cookie'], undefined)
    assert.equal((await f.server.inject({method: 'GET', url: '/dashboard/login', headers: {host: `localhost:${port}`}})).statusCode, 200)
    assert.equal((await f.server.inject({method: 'GET', url: '/dashboard/login', headers: {host: `127.0.0.1:${Number(port) + 1}`}})).statusCode, 421)
  })

  test('a change from another site, or that does not say where it comes from, is refused and changes nothing', async () => {
    const browser = f.browser()
    await browser.signIn(OWNER.apiKey)
    const crossSite = await browser.post('/dashboard/apps', {name: 'cross-site-app'}, {origin: 'https://evil.example'})
    assert.equal(crossSite.statusCode, 403)
    assert.match(mainText(crossSite.body), /did not come from a dashboard page/)
    const nowhere = await browser.post('/dashboard/apps', {name: 'nowhere-app'}, {origin: undefined})
    assert.equal(nowhere.statusCode, 403)
    const signInElsewhere = await f.browser().post('/dashboard/login', {api_key: OWNER.apiKey, _csrf: null}, {origin: 'https://evil.example'})
    assert.equal(signInElsewhere.statusCode, 403)
    assert.equal(signInElsewhere.headers['set-cookie'], undefined)
    assert.equal(await appExists('cross-site-app'), false)
    assert.equal(await appExists('nowhere-app'), false)
    // a browser that sends a Referer instead of an Origin, from a dashboard page
    const referred = await browser.post('/dashboard/apps', {name: 'referred-app'}, {origin: undefined, referer: `${f.p.url}/dashboard/apps`})
    assert.equal(referred.statusCode, 303)
    assert.equal(await appExists('referred-app'), true)
  })

  test("every change needs the session's CSRF token, in the form or the X-CSRF-Token header", async () => {
    const browser = f.browser()
    await browser.signIn(OWNER.apiKey)
    const other = f.browser()
    await other.signIn(OWNER.apiKey)
    assert.notEqual(browser.csrf, other.csrf)
    for (const token of [null, '', 'forged', other.csrf!]) {
      const refused = await browser.post('/dashboard/apps/owner-app/config-vars', {_csrf: token, name: 'CSRF_PROBE', value: '1'})
      assert.equal(refused.statusCode, 403, String(token))
      assert.match(mainText(refused.body), /security token does not match/)
    }
    assert.equal((await f.p.api.get<Record<string, string>>('apps/owner-app/config-vars')).body.CSRF_PROBE, undefined)
    const viaHeader = await browser.post('/dashboard/apps/owner-app/config-vars', {_csrf: null, name: 'CSRF_PROBE', value: '1'}, {'x-csrf-token': browser.csrf!})
    assert.equal(viaHeader.statusCode, 303)
    assert.equal((await f.p.api.get<Record<string, string>>('apps/owner-app/config-vars')).body.CSRF_PROBE, '1')
    // signing out is a change too
    assert.equal((await browser.post('/dashboard/logout', {_csrf: 'forged'})).statusCode, 403)
  })

  test("sessions expire, end on sign-out, and end when the account's API key changes", async () => {
    const db = f.p.platform.services.ctx.store.db
    const expiring = f.browser()
    await expiring.signIn(OWNER.apiKey)
    await db.updateTable('dashboard_sessions').set({expires_at: new Date(Date.now() - 1000).toISOString()}).where('id_hash', '=', hashSecret(expiring.cookie!.split('=')[1])).execute()
    assert.equal((await expiring.get('/dashboard/apps')).headers.location, '/dashboard/login?next=%2Fdashboard%2Fapps')

    const leaving = f.browser()
    await leaving.signIn(OWNER.apiKey)
    const cookie = leaving.cookie!
    const out = await leaving.post('/dashboard/logout')
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers.location, '/dashboard/login?signed_out=1')
    assert.match(String(out.headers['set-cookie']), /^addonkit_dashboard=; Path=\/dashboard; HttpOnly; SameSite=Strict; Max-Age=0$/)
    assert.match(mainText((await leaving.get('/dashboard/login?signed_out=1')).body), /You signed out\./)
    const replayed = await f.server.inject({method: 'GET', url: '/dashboard/apps', headers: {host: leaving.host, cookie}})
    assert.equal(replayed.statusCode, 303)

    const rotating = f.browser()
    await rotating.signIn(ROTATING.apiKey)
    assert.equal((await rotating.get('/dashboard/apps')).statusCode, 200)
    await f.p.platform.services.accounts.ensure(ROTATING.email, 'rotating-key-2')
    assert.equal((await rotating.get('/dashboard/apps')).statusCode, 303)
  })

  test("web_url: the signed-in owner goes on to a fresh SSO login signed for them; others find nothing; no session means signing in first", async () => {
    const {body: addon} = await f.p.api.get<{web_url: string}>(`apps/owner-app/addons/${addonId}`)
    const open = new URL(addon.web_url).pathname
    assert.equal(open, `/dashboard/addons/${addonId}/open`)

    const anonymous = f.browser()
    const first = await anonymous.get(open)
    assert.equal(first.headers.location, `/dashboard/login?next=${encodeURIComponent(open)}`)
    const signedIn = await anonymous.post('/dashboard/login', {api_key: OWNER.apiKey, next: open, _csrf: null})
    assert.equal(signedIn.headers.location, open)
    const sso = await anonymous.get(open)
    assert.equal(sso.statusCode, 303)
    assert.equal(sso.headers['cache-control'], 'no-store')
    assert.equal(sso.headers['referrer-policy'], 'no-referrer')
    const login = new URL(String(sso.headers.location))
    assert.equal(`${login.origin}${login.pathname}`, `${f.p.url}/addons/${addonId}/sso-login`)
    assert.equal(login.searchParams.get('email'), OWNER.email)
    assert.ok(login.searchParams.get('user_scoped_resource_token'))

    const stranger = f.browser()
    await stranger.signIn(STRANGER.apiKey)
    const notTheirs = await stranger.get(open)
    assert.equal(notTheirs.statusCode, 404)
    assert.equal(notTheirs.headers.location, undefined)
    assert.doesNotMatch(notTheirs.body, /sso-login|token=/)
  })

  test('the dashboard lets an account do what its API key may, no more, and spends the same request budget', async () => {
    const stranger = f.browser()
    await stranger.signIn(STRANGER.apiKey)
    const resources = await stranger.get('/dashboard/apps/owner-app/resources')
    assert.equal(resources.statusCode, 403)
    assert.match(mainText(resources.body), /You do not have access to the app owner-app\./)
    assert.equal((await stranger.get(`/dashboard/apps/owner-app/addons/${addonId}`)).statusCode, 403)
    const set = await stranger.post('/dashboard/apps/owner-app/config-vars', {name: 'STRANGER_WAS_HERE', value: '1'})
    assert.equal(set.statusCode, 303)
    assert.match(mainText((await stranger.get(String(set.headers.location))).body), /You do not have access/)
    assert.equal((await f.p.api.get<Record<string, string>>('apps/owner-app/config-vars')).body.STRANGER_WAS_HERE, undefined)
    const destroy = await stranger.post(`/dashboard/apps/owner-app/addons/${addonId}/destroy`, {confirm: 'owner-app'})
    assert.equal(destroy.statusCode, 403)
    assert.equal((await f.p.api.get(`apps/owner-app/addons/${addonId}`)).statusCode, 200)

    const first = Number((await stranger.get('/dashboard/apps')).headers['ratelimit-remaining'])
    const second = Number((await stranger.get('/dashboard/apps')).headers['ratelimit-remaining'])
    assert.ok(second < first, `${second} < ${first}`)
  })

  test('an account that has used up its request budget gets a page saying so, as its API key gets 429', async () => {
    const limited = buildServer(f.p.platform.services, () => {}, {bucket: 3, refillPerMinute: 0})
    await limited.ready()
    try {
      const browser = new TestBrowser(limited, f.p.url)
      await browser.signIn(LIMITED.apiKey)
      let page = await browser.get('/dashboard/apps')
      for (let i = 0; i < 5 && page.statusCode !== 429; i++) page = await browser.get('/dashboard/apps')
      assert.equal(page.statusCode, 429)
      assert.match(String(page.headers['content-type']), /^text\/html/)
      assert.match(mainText(page.body), /used up its request budget/)
    } finally {
      await limited.close()
    }
  })
})
