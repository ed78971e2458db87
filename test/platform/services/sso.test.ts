import assert from 'node:assert/strict'
import {createHash, createHmac} from 'node:crypto'
import {after, before, describe, test} from 'node:test'
import {SsoService, type SsoLoginPage} from '../../../src/platform/services/sso.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../helpers.js'

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const NOW = 1_800_000_000

interface Fixture {
  provider: TestProvider
  p: TestPlatform
  addonId: string
  // a service on the same store whose clock the test sets
  sso: (nowSeconds?: number) => SsoService
}

async function fixture(legacyGet = false): Promise<Fixture> {
  const provider = await startTestProvider()
  const manifest = legacyGet ? {...provider.manifest, api: {...provider.manifest.api, test: provider.url}} : provider.manifest
  const p = await startTestPlatform([manifest])
  assert.equal((await p.api.post('apps', {json: {name: 'example-app'}})).statusCode, 201)
  const created = await p.api.post<{id: string}>('apps/example-app/addons', {json: {plan: 'heroku-redis:mini', name: 'important-redis'}})
  assert.equal(created.statusCode, 201)
  const {services} = p.platform
  return {provider, p, addonId: created.body.id, sso: (now = NOW) => new SsoService(services.ctx, services.addons, () => now)}
}

async function owner(p: TestPlatform) {
  return (await p.platform.services.accounts.byApiKey(OWNER.apiKey))!
}

describe('SsoService', () => {
  let f: Fixture
  before(async () => {
    f = await fixture()
  })
  after(async () => {
    await f.p.close()
    await f.provider.close()
  })

  test('login signs a GET link to the platform login page', async () => {
    const login = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    assert.equal(login.method, 'get')
    assert.equal(login.action, `${f.p.url}/addons/${f.addonId}/sso-login`)
    const {params} = login
    assert.equal(params.id, f.addonId) // the test provider answers with the uuid as its id
    assert.equal(params.timestamp, String(NOW))
    assert.equal(params.token, sha1(`${f.addonId}:salt:${NOW}`))
    assert.equal(params.resource_id, f.addonId)
    assert.equal(params.resource_token, sha1(`${f.addonId}:salt:${NOW}`))
    assert.equal(params.user_scoped_resource_token, sha256(`${f.addonId}:salt:${NOW}:${params.user_id}:${OWNER.email}`))
    assert.equal(params.email, OWNER.email)
    assert.equal(params.app, 'example-app')
    assert.equal(params.context_app, 'example-app')
    assert.ok(params.user_id)
    assert.deepEqual(JSON.parse(Buffer.from(params['nav-data'], 'base64url').toString()), {addon: 'Heroku Key-Value Store', appname: 'example-app', addons: [{slug: 'heroku-redis', name: 'Heroku Key-Value Store', current: true}]})
  })

  test('a fresh link becomes a form POST of the same fields to the provider sso_url', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const page = await f.sso(NOW + 299).loginPage(f.addonId, {...params})
    assert.deepEqual(page, {kind: 'post', action: `${f.provider.url}/sso`, fields: params, addonName: 'Heroku Key-Value Store'})
  })

  test('extra query fields ride along; repeated keys are dropped; ids come from the add-on, not the link', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const page = await f.sso().loginPage(f.addonId, {...params, issue_no: '42', twice: ['a', 'b'], id: 'someone-else', resource_id: 'x'})
    assert.equal(page.kind, 'post')
    const {fields} = page as Extract<SsoLoginPage, {kind: 'post'}>
    assert.equal(fields.issue_no, '42')
    assert.equal(fields.twice, undefined)
    assert.equal(fields.id, f.addonId)
    assert.equal(fields.resource_id, f.addonId)
  })

  test('a link whose email or user was changed is refused: the user-scoped token covers both', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const badToken = {kind: 'refused', status: 403, reason: 'The single sign-on token is not valid.'}
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, email: 'mallory@example.com'}), badToken)
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, user_id: '00000000-0000-4000-8000-000000000000'}), badToken)
    const {user_scoped_resource_token: _dropped, ...withoutUserToken} = params
    assert.equal((await f.sso().loginPage(f.addonId, withoutUserToken)).kind, 'refused')
  })

  test('a changed token, resource_token or timestamp is refused with 403', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const flip = (s: string) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1)
    const badToken = {kind: 'refused', status: 403, reason: 'The single sign-on token is not valid.'}
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, token: flip(params.token)}), badToken)
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, resource_token: flip(params.resource_token)}), badToken)
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, token: 'not-hex'}), badToken)
    assert.deepEqual(await f.sso().loginPage(f.addonId, {...params, timestamp: String(NOW + 1)}), badToken)
  })

  test('a link older (or newer) than 5 minutes is refused with 403', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const stale = {kind: 'refused', status: 403, reason: 'The single sign-on link has expired: open the add-on again.'}
    assert.deepEqual(await f.sso(NOW + 301).loginPage(f.addonId, params), stale)
    assert.deepEqual(await f.sso(NOW - 301).loginPage(f.addonId, params), stale)
  })

  test('missing fields are refused with 403, an unknown add-on with 404', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const {resource_token: _dropped, ...withoutResourceToken} = params
    assert.deepEqual(await f.sso().loginPage(f.addonId, withoutResourceToken), {kind: 'refused', status: 403, reason: 'The single sign-on link is incomplete: open the add-on again.'})
    assert.deepEqual(await f.sso().loginPage(f.addonId, {}), {kind: 'refused', status: 403, reason: 'The single sign-on link is incomplete: open the add-on again.'})
    assert.deepEqual(await f.sso().loginPage('no-such-addon', params), {kind: 'refused', status: 404, reason: 'This add-on does not exist (any more).'})
  })

  test('the login page route needs no bearer token and answers HTML', async () => {
    const {params} = await f.sso(Math.floor(Date.now() / 1000)).login(await owner(f.p), 'example-app', 'important-redis')
    const url = `${f.p.url}/addons/${f.addonId}/sso-login?${new URLSearchParams(params)}`
    const ok = await fetch(url)
    assert.equal(ok.status, 200)
    assert.match(ok.headers.get('content-type') ?? '', /^text\/html/)
    assert.equal(ok.headers.get('cache-control'), 'no-store')
    assert.equal(ok.headers.get('referrer-policy'), 'no-referrer')
    const html = await ok.text()
    assert.ok(html.includes(`<form id="sso-login" method="post" action="${f.provider.url}/sso">`))
    assert.ok(html.includes(`<input type="hidden" name="token" value="${params.token}">`))
    assert.ok(html.includes(`<input type="hidden" name="email" value="owner@example.com">`))

    const forged = await fetch(url.replace(`token=${params.token}`, `token=${'0'.repeat(40)}`))
    assert.equal(forged.status, 403)
    assert.match(await forged.text(), /Single sign-on refused[\s\S]*The single sign-on token is not valid\./)
  })

  test("an add-on's web_url is its dashboard page and carries no credential", async () => {
    const view = await f.p.api.get<{web_url: string}>('apps/example-app/addons/important-redis')
    assert.equal(view.body.web_url, `${f.p.url}/dashboard/addons/${f.addonId}/open`)
    const attachments = await f.p.api.get<{web_url: string}[]>('apps/example-app/addon-attachments')
    assert.equal(attachments.body[0].web_url, view.body.web_url)
  })

  test('without a dashboard session, web_url and the keyed links of earlier versions only lead to signing in', async () => {
    const {body} = await f.p.api.get<{web_url: string}>('apps/example-app/addons/important-redis')
    const signIn = `/dashboard/login?next=${encodeURIComponent(`/dashboard/addons/${f.addonId}/open`)}`
    const first = await fetch(body.web_url, {redirect: 'manual'})
    assert.equal(first.status, 303)
    assert.equal(first.headers.get('cache-control'), 'no-store')
    assert.equal(first.headers.get('location'), signIn)
    // what web_url was before: a key derived from the service's salt, valid until the salt changed
    const oldKey = createHmac('sha256', 'salt').update(`addonkit dashboard link:${f.addonId}`).digest('hex')
    const old = await fetch(`${f.p.url}/addons/${f.addonId}/dashboard?key=${oldKey}`, {redirect: 'manual'})
    assert.equal(old.status, 303)
    assert.equal(old.headers.get('location'), `/dashboard/addons/${f.addonId}/open`)
    const next = await fetch(`${f.p.url}${old.headers.get('location')}`, {redirect: 'manual'})
    assert.equal(next.status, 303)
    assert.equal(next.headers.get('location'), signIn)
    const page = await fetch(`${f.p.url}${signIn}`)
    assert.equal(page.status, 200)
    assert.doesNotMatch(await page.text(), /sso-login|token=/)
  })

  test('field values are HTML-escaped in the form', async () => {
    const now = Math.floor(Date.now() / 1000)
    const {params} = await f.sso(now).login(await owner(f.p), 'example-app', 'important-redis')
    const res = await fetch(`${f.p.url}/addons/${f.addonId}/sso-login?${new URLSearchParams({...params, note: '"><script>x</script>'})}`)
    const html = await res.text()
    assert.ok(html.includes('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'))
    assert.ok(!html.includes('<script>x</script>'))
  })

  test('the sso API call still needs a bearer token', async () => {
    const res = await f.p.anonymous.get(`apps/example-app/addons/important-redis/sso`)
    assert.equal(res.statusCode, 401)
    const stranger = await f.p.stranger.get(`apps/example-app/addons/important-redis/sso`)
    assert.equal(stranger.statusCode, 403)
  })
})

describe('SsoService with a legacy GET-style provider', () => {
  let f: Fixture
  before(async () => {
    f = await fixture(true)
  })
  after(async () => {
    await f.p.close()
    await f.provider.close()
  })

  test('a fresh link redirects to the resource URL with the fields in the query, the id in the path', async () => {
    const {params} = await f.sso().login(await owner(f.p), 'example-app', 'important-redis')
    const page = await f.sso().loginPage(f.addonId, params)
    assert.equal(page.kind, 'redirect')
    const url = new URL((page as Extract<SsoLoginPage, {kind: 'redirect'}>).url)
    assert.equal(`${url.origin}${url.pathname}`, `${f.provider.url}/heroku/resources/${f.addonId}`)
    assert.equal(url.searchParams.get('id'), null)
    assert.equal(url.searchParams.get('token'), params.token)
    assert.equal(url.searchParams.get('resource_token'), params.resource_token)
    assert.equal(url.searchParams.get('timestamp'), params.timestamp)
  })

  test('the route answers 303 to that URL', async () => {
    const {params} = await f.sso(Math.floor(Date.now() / 1000)).login(await owner(f.p), 'example-app', 'important-redis')
    const res = await fetch(`${f.p.url}/addons/${f.addonId}/sso-login?${new URLSearchParams(params)}`, {redirect: 'manual'})
    assert.equal(res.status, 303)
    assert.ok(res.headers.get('location')?.startsWith(`${f.provider.url}/heroku/resources/${f.addonId}?`))
  })
})
