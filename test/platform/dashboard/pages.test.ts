import assert from 'node:assert/strict'
import {randomUUID} from 'node:crypto'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {assetBytes, ASSETS} from '../../../src/platform/dashboard/assets.js'
import {CONTENT_SECURITY_POLICY} from '../../../src/platform/dashboard/guard.js'
import {RESOURCES_SCREEN} from '../../../src/platform/dashboard/data/resources.js'
import {configColumns} from '../../../src/platform/store/config-columns.js'
import {PASSWORD} from '../../fixtures/providers/test-provider.js'
import {client} from '../helpers.js'
import {mainText, type TestBrowser} from './browser.js'
import {dashboardFixture, OWNER, type DashboardFixture} from './fixture.js'

// What the pages show and how: hostile names and values only ever as text, config values only when
// asked, rows that refresh themselves while an add-on settles, confirmations before an alias is
// replaced or an add-on destroyed, and every page within its budget and policy.
const HOSTILE = {email: `"><script>alert('email')</script>@example.com`, apiKey: 'hostile-key'}
const SERVICE_NAME = `<img src=x onerror=alert('service')> "Store"`
const PLAN_NAME = `<script>alert("plan")</script>`
const PLAN_TEXT = `"><b>bold</b> & more`
const VALUE = `<script>alert("value")</script>&'"`
const LOG_LINE = `</ol><script>alert("log")</script>`
// what must never appear in a page as markup
const RAW = [/<script>alert/, /<img src=x/, /<b>bold/, /<\/ol><script/]
const PAGE_BUDGET = 100 * 1024

describe('dashboard pages', () => {
  let f: DashboardFixture
  let owner: TestBrowser

  const addonOf = async (app: string, name: string) => (await f.p.api.get<{id: string}>(`apps/${app}/addons/${name}`)).body.id
  const assertText = (body: string, where: string) => {
    for (const pattern of RAW) assert.doesNotMatch(body, pattern, `${where} shows markup from data`)
  }

  before(async () => {
    f = await dashboardFixture({
      accounts: [HOSTILE],
      manifest: (m) => ({...m, name: SERVICE_NAME, plans: [
        {name: 'mini', human_name: PLAN_NAME, description: PLAN_TEXT, price: {cents: 300, unit: 'month'}, default: true},
        {name: 'premium-0', price: {cents: 1500, unit: 'month'}},
      ]}),
    })
    owner = f.browser()
    await owner.signIn(OWNER.apiKey)
    for (const name of ['page-app', 'other-app']) assert.equal((await owner.post('/dashboard/apps', {name, where: 'region:us'})).statusCode, 303)
  })
  after(async () => {
    await f?.close()
  })

  test('hostile names and values come out as text on every page', async () => {
    const hostile = f.browser()
    await hostile.signIn(HOSTILE.apiKey)
    assert.equal((await hostile.post('/dashboard/apps', {name: 'hostile-app', where: 'region:us'})).statusCode, 303)
    assert.equal((await hostile.post('/dashboard/apps/hostile-app/config-vars', {name: 'EVIL', value: VALUE})).statusCode, 303)
    assert.equal((await hostile.post('/dashboard/apps/hostile-app/addons', {plan: 'heroku-redis:mini', name: 'hostile-redis'})).statusCode, 303)
    const app = await f.p.platform.services.ctx.store.db.selectFrom('apps').select('id').where('name', '=', 'hostile-app').executeTakeFirstOrThrow()
    await f.p.platform.services.logs.stream.append(app.id, [{time: new Date().toISOString(), source: 'app', process: 'web.1', message: LOG_LINE}])
    const id = (await hostile.get('/dashboard/apps/hostile-app/resources')).body.match(/addons\/([0-9a-f-]{36})"/)![1]

    const pages: Record<string, string> = {}
    for (const url of [
      '/dashboard/apps', '/dashboard/apps/hostile-app/resources', '/dashboard/apps/hostile-app/addons/new?service=heroku-redis',
      `/dashboard/apps/hostile-app/addons/${id}`, `/dashboard/apps/hostile-app/addons/${id}/destroy`, '/dashboard/apps/hostile-app/settings?reveal=all',
      '/dashboard/apps/hostile-app/settings?edit=EVIL', '/dashboard/apps/hostile-app/activity', '/dashboard/apps/hostile-app/logs',
      '/dashboard/apps/hostile-app/domains', '/dashboard/apps/hostile-app/webhooks',
    ]) {
      const page = await hostile.get(url)
      assert.equal(page.statusCode, 200, url)
      assertText(page.body, url)
      pages[url] = page.body
    }
    // the account's address heads every page, as text
    for (const [url, body] of Object.entries(pages)) assert.ok(body.includes('&quot;&gt;&lt;script&gt;alert(&#39;email&#39;)&lt;/script&gt;@example.com'), url)
    assert.match(mainText(pages['/dashboard/apps/hostile-app/addons/new?service=heroku-redis']), /<img src=x onerror=alert\('service'\)> "Store"/)
    assert.match(mainText(pages['/dashboard/apps/hostile-app/addons/new?service=heroku-redis']), /<script>alert\("plan"\)<\/script> heroku-redis:mini · \$3\/month "><b>bold<\/b> & more/)
    assert.ok(mainText(pages['/dashboard/apps/hostile-app/settings?reveal=all']).includes(VALUE))
    assert.ok(pages['/dashboard/apps/hostile-app/settings?edit=EVIL'].includes('<textarea name="value" rows="2" autocomplete="off">&lt;script&gt;alert(&quot;value&quot;)&lt;/script&gt;&amp;&#39;&quot;</textarea>'))
    assert.ok(mainText(pages['/dashboard/apps/hostile-app/logs']).includes(`app[web.1]: ${LOG_LINE}`))
  })

  test('a config value leaves the server only when asked for, one at a time or all', async () => {
    const secret = 'postgres://user:s3cr3t-value@db.example/x'
    assert.equal((await owner.post('/dashboard/apps/page-app/config-vars', {name: 'DATABASE_URL', value: secret})).statusCode, 303)
    await owner.post('/dashboard/apps/page-app/config-vars', {name: 'OTHER', value: 'other-value'})
    const settings = await owner.get('/dashboard/apps/page-app/settings')
    assert.match(mainText(settings.body), /Set OTHER\./)
    assert.match(mainText(settings.body), /DATABASE_URL hidden Reveal/)
    assert.ok(!settings.body.includes('s3cr3t') && !settings.body.includes('other-value'))
    const one = await owner.get('/dashboard/apps/page-app/settings?reveal=DATABASE_URL')
    assert.ok(one.body.includes(secret))
    assert.ok(!one.body.includes('other-value'))
    // the htmx swap: just the value, and its Hide link to focus
    const fragment = await owner.get('/dashboard/apps/page-app/config-vars/DATABASE_URL', {'hx-request': 'true'})
    assert.equal(fragment.statusCode, 200)
    assert.equal(fragment.headers['cache-control'], 'no-store')
    assert.match(fragment.body, /^<span id="value-DATABASE_URL"><code>postgres:\/\/user:s3cr3t-value@db\.example\/x<\/code>[\s\S]*data-autofocus>Hide<\/a><\/span>$/)
    const hidden = await owner.get('/dashboard/apps/page-app/config-vars/DATABASE_URL?hide=1', {'hx-request': 'true'})
    assert.ok(!hidden.body.includes('s3cr3t'))
    // without scripts the Reveal link is a page of its own
    const plain = await owner.get('/dashboard/apps/page-app/config-vars/DATABASE_URL')
    assert.equal(plain.headers.location, '/dashboard/apps/page-app/settings?reveal=DATABASE_URL#var-DATABASE_URL')
    assert.ok(!plain.body.includes('s3cr3t'))
    const all = await owner.get('/dashboard/apps/page-app/settings?reveal=all')
    assert.ok(all.body.includes(secret) && all.body.includes('other-value'))
    assert.equal((await owner.get('/dashboard/apps/page-app/config-vars/NO_SUCH', {'hx-request': 'true'})).statusCode, 404)
  })

  test("add-on vars are read-only here and link to their add-on; the user's own can be edited and removed", async () => {
    assert.equal((await owner.post('/dashboard/apps/page-app/addons', {plan: 'heroku-redis:mini', name: 'page-redis'})).statusCode, 303)
    const id = await addonOf('page-app', 'page-redis')
    const page = await owner.get('/dashboard/apps/page-app/settings')
    const row = (name: string) => page.body.match(new RegExp(`<tr id="var-${name}">[\\s\\S]*?</tr>`))![0]
    assert.ok(row('REDIS_URL').includes(`href="/dashboard/apps/page-app/addons/${id}">page-redis</a>`))
    assert.match(mainText(row('REDIS_URL')), /read-only/)
    assert.doesNotMatch(row('REDIS_URL'), /Delete|Edit/)
    assert.match(row('OTHER'), /aria-label="Delete OTHER"/)
    const refused = await owner.post('/dashboard/apps/page-app/config-vars', {name: 'REDIS_URL', value: 'mine'})
    assert.match(mainText((await owner.get(String(refused.headers.location))).body), /Cannot overwrite attachment values REDIS_URL\./)
    assert.equal((await owner.post('/dashboard/apps/page-app/config-vars/OTHER/delete')).statusCode, 303)
    assert.equal((await f.p.api.get<Record<string, string>>('apps/page-app/config-vars')).body.OTHER, undefined)
  })

  test('a row being created asks for itself every 2 seconds until it is done, then says so', async () => {
    f.provider.behaviour = 'async'
    try {
      const created = await owner.post('/dashboard/apps/page-app/addons', {plan: 'heroku-redis:mini', name: 'slow-redis', as: 'SLOW'})
      assert.equal(created.statusCode, 303)
      const resources = await owner.get('/dashboard/apps/page-app/resources')
      assert.match(mainText(resources.body), /Added slow-redis as SLOW\. It is being created\. Building your redis in the background\./)
      const id = await addonOf('page-app', 'slow-redis')
      const row = resources.body.match(new RegExp(`<tr id="addon-${id}"[^>]*>`))![0]
      assert.equal(row, `<tr id="addon-${id}" hx-get="/dashboard/apps/page-app/addons/${id}/row" hx-trigger="every 2s" hx-swap="outerHTML">`)
      assert.match(mainText((await owner.get(`/dashboard/apps/page-app/addons/${id}/row`, {'hx-request': 'true'})).body), /creating/)

      const sent = f.provider.provisions.at(-1)!
      const token = await got.post(`${f.p.url}/oauth/token`, {form: {grant_type: 'authorization_code', code: sent.oauth_grant.code, client_secret: PASSWORD}}).json<{access_token: string}>()
      assert.equal((await client(f.p.url, token.access_token).post(`addons/${id}/actions/provision`)).statusCode, 201)
      const settled = await owner.get(`/dashboard/apps/page-app/addons/${id}/row`, {'hx-request': 'true'})
      assert.ok(settled.body.startsWith(`<tr id="addon-${id}">`), 'no longer polling')
      assert.match(settled.body, /<p id="addons-status" class="visually-hidden" aria-live="polite" hx-swap-oob="true">slow-redis is <span class="badge ok">created<\/span><\/p>/)
    } finally {
      f.provider.behaviour = 'sync'
    }
  })

  test("attaching over an alias asks first, as the CLI does; the confirmation replaces it and the vars are the add-on's", async () => {
    const id = await addonOf('page-app', 'page-redis')
    await f.p.api.post('apps/other-app/addons', {json: {plan: 'heroku-redis:mini', name: 'other-redis', attachment: {name: 'CACHE'}}})
    const asked = await owner.post(`/dashboard/apps/page-app/addons/${id}/attachments`, {app: 'other-app', as: 'CACHE'})
    assert.equal(asked.statusCode, 409)
    assert.match(mainText(asked.body), /Replace an attachment\? page-redis will overwrite CACHE_URL on other-app\. Replace it Cancel/)
    assert.match(asked.body, /<input type="hidden" name="confirm" value="other-app">/)
    assert.equal((await f.p.api.get<{name: string}[]>('apps/other-app/addon-attachments')).body.find((a) => a.name === 'CACHE') !== undefined, true)
    const fields = Object.fromEntries([...asked.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]))
    const confirmed = await owner.post(`/dashboard/apps/page-app/addons/${id}/attachments`, fields)
    assert.equal(confirmed.statusCode, 303)
    const details = await owner.get(String(confirmed.headers.location))
    assert.match(mainText(details.body), /Attached page-redis to other-app as CACHE\./)
    assert.match(mainText(details.body), /Attachment Details Attachment App Config vars other-app::CACHE other-app CACHE_URL Detach page-app::REDIS page-app REDIS_URL Detach/)
    const vars = (await f.p.api.get<Record<string, string>>('apps/other-app/config-vars')).body
    assert.equal(vars.CACHE_URL, (await f.p.api.get<Record<string, string>>('apps/page-app/config-vars')).body.REDIS_URL)
  })

  test("destroy lists what goes and needs the add-on's app typed; a wrong name destroys nothing", async () => {
    const id = await addonOf('page-app', 'page-redis')
    const page = await owner.get(`/dashboard/apps/page-app/addons/${id}/destroy`)
    assert.match(mainText(page.body), /Destroy page-redis\? .* These attachments and their config vars go with it: CACHE on other-app: CACHE_URL REDIS on page-app: REDIS_URL Type page-app to confirm/)
    assert.match(page.body, /<section id="confirm" aria-labelledby="confirm-heading">/)
    const wrong = await owner.post(`/dashboard/apps/page-app/addons/${id}/destroy`, {confirm: 'other-app'})
    assert.equal(wrong.statusCode, 422)
    assert.match(mainText(wrong.body), /other-app is not page-app: nothing was destroyed\./)
    assert.equal((await f.p.api.get(`apps/page-app/addons/${id}`)).statusCode, 200)
    const done = await owner.post(`/dashboard/apps/page-app/addons/${id}/destroy`, {confirm: 'page-app'})
    assert.equal(done.headers.location, '/dashboard/apps/page-app/resources')
    assert.match(mainText((await owner.get('/dashboard/apps/page-app/resources')).body), /page-redis was destroyed\./)
    assert.equal((await f.p.api.get(`apps/page-app/addons/${id}`)).statusCode, 404)
    assert.equal((await f.p.api.get<Record<string, string>>('apps/other-app/config-vars')).body.CACHE_URL, undefined)
  })

  test('change plan shows the provider message; rename and detach say what they did', async () => {
    await f.p.api.post('apps/page-app/addons', {json: {plan: 'heroku-redis:mini', name: 'plan-redis', attachment: {name: 'PLAN'}}})
    const id = await addonOf('page-app', 'plan-redis')
    const base = `/dashboard/apps/page-app/addons/${id}`
    const changed = await owner.post(`${base}/plan`, {plan: 'heroku-redis:premium-0'})
    assert.match(mainText((await owner.get(String(changed.headers.location))).body), /Changed plan-redis to heroku-redis:premium-0\. Now on premium-0\./)
    await owner.post(`${base}/rename`, {name: 'renamed-redis'})
    assert.match(mainText((await owner.get(base)).body), /Renamed plan-redis to renamed-redis\./)
    await owner.post(`${base}/rename`, {name: 'Bad Name!'})
    assert.match(mainText((await owner.get(base)).body), /Name "Bad Name!" is invalid/)
    const attachment = await f.p.api.post<{id: string}>('addon-attachments', {json: {addon: id, app: 'other-app', name: 'EXTRA'}})
    await owner.post(`${base}/attachments/${attachment.body.id}/detach`)
    assert.match(mainText((await owner.get(base)).body), /Detached EXTRA\./)
  })

  test('Resources shows a screen at a time, however many add-ons the app has', async () => {
    const {store, catalog} = f.p.platform.services.ctx
    const app = await store.db.selectFrom('apps').selectAll().where('name', '=', 'other-app').executeTakeFirstOrThrow()
    const service = catalog.serviceByName('heroku-redis')!
    const plan = catalog.defaultPlan(service)
    const at = new Date().toISOString()
    const rows = Array.from({length: 250}, (_, i) => ({
      id: randomUUID(), name: `bulk-${String(i).padStart(3, '0')}`, service_id: service.row.id, plan_id: plan.id, app_id: app.id, state: 'provisioned' as const,
      provider_id: `p${i}`, ...configColumns(service.manifest, {REDIS_URL: `redis://h:${i}@127.0.0.1`}), staged_config: null, provision_message: null, instance_id: null, created_at: at, updated_at: at,
    }))
    await store.db.insertInto('addons').values(rows).execute()
    await store.db.insertInto('attachments').values(rows.map((r, i) => ({id: randomUUID(), addon_id: r.id, app_id: app.id, addon_app_id: app.id, name: `BULK_${i}`, namespace: null, log_input_token: null, created_at: at, updated_at: at}))).execute()
    const first = await owner.get('/dashboard/apps/other-app/resources')
    assert.equal((first.body.match(/<tr id="addon-/g) ?? []).length, RESOURCES_SCREEN)
    const next = first.body.match(/href="(\/dashboard\/apps\/other-app\/resources\?after=[^"]+)">Next add-ons/)![1]
    const second = mainText((await owner.get(next.replace(/&amp;/g, '&'))).body)
    assert.match(second, /bulk-050/)
    assert.doesNotMatch(second, /bulk-049 /)
    assert.ok(Buffer.byteLength(first.body) + assetBytes() < PAGE_BUDGET, `${Buffer.byteLength(first.body)} bytes`)
  })

  test('every page: a Content-Security-Policy, no inline script, style or handler, under 100 KB with its scripts and styles', async () => {
    const id = await addonOf('page-app', 'renamed-redis')
    const release = (await f.p.api.get<{version: number}[]>('apps/page-app/releases')).body[0].version
    const anonymous = f.browser()
    const pages = [
      [anonymous, '/dashboard/login'], [owner, '/dashboard/apps'], [owner, '/dashboard/apps/page-app/resources'], [owner, '/dashboard/apps/page-app/addons/new'],
      [owner, '/dashboard/apps/page-app/addons/new?service=heroku-redis'], [owner, `/dashboard/apps/page-app/addons/${id}`], [owner, `/dashboard/apps/page-app/addons/${id}/destroy`],
      [owner, '/dashboard/apps/page-app/settings?reveal=all'], [owner, '/dashboard/apps/page-app/activity'], [owner, `/dashboard/apps/page-app/releases/${release}/rollback`],
      [owner, '/dashboard/apps/page-app/logs'], [owner, '/dashboard/apps/page-app/domains'], [owner, '/dashboard/apps/page-app/webhooks'], [owner, '/dashboard/no-such-page'],
    ] as const
    const assets = assetBytes()
    for (const [browser, url] of pages) {
      const page = await browser.get(url)
      assert.equal(page.statusCode, url.includes('no-such') ? 404 : 200, url)
      assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url)
      assert.equal(page.headers['x-frame-options'], 'DENY')
      assert.equal(page.headers['cache-control'], 'no-store', url)
      for (const script of page.body.match(/<script[^>]*>/g) ?? []) assert.match(script, /^<script src="\/dashboard\/assets\/[\w.]+\.js" defer>$/, url)
      assert.doesNotMatch(page.body, /<[^>]*\s(style|on[a-z]+)=|<style/i, url)
      // every form that changes something carries the session's token (signing in has no session yet)
      for (const form of page.body.match(/<form method="post"[\s\S]*?<\/form>/g) ?? []) {
        if (!form.includes('action="/dashboard/login"')) assert.ok(form.includes(`name="_csrf" value="${browser.csrf}"`), `${url}: ${form.slice(0, 120)}`)
      }
      const weight = Buffer.byteLength(page.body) + assets
      assert.ok(weight < PAGE_BUDGET, `${url}: ${weight} bytes`)
    }
  })

  test('assets: htmx from its npm package with an ETag (304 when unchanged), gzipped when the browser takes it', async () => {
    const htmx = await owner.get(ASSETS.htmx)
    assert.equal(htmx.statusCode, 200)
    assert.match(String(htmx.headers['content-type']), /^text\/javascript/)
    assert.match(htmx.body, /htmx/)
    const etag = String(htmx.headers.etag)
    assert.match(etag, /^"/)
    assert.equal((await owner.get(ASSETS.htmx, {'if-none-match': etag})).statusCode, 304)
    const zipped = await owner.get(ASSETS.htmx, {'accept-encoding': 'gzip'})
    assert.equal(zipped.headers['content-encoding'], 'gzip')
    assert.ok(zipped.rawPayload.length < htmx.rawPayload.length / 2)
    for (const url of [ASSETS.stylesheet, ASSETS.script]) {
      const asset = await f.browser().get(url)
      assert.equal(asset.statusCode, 200, url)
      assert.ok(asset.headers.etag, url)
    }
  })
})
