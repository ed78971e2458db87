// The dashboard as a user meets it, in headless Chromium: signed in by `addonkit dashboard
// --show-url`, an app created, a kv add-on added and seen in Resources, its KV_URL revealed, the
// add-on attached to a second app over an alias (confirmed), its plan changed, its own dashboard
// opened by single sign-on, and destroyed after typing the app's name; with scripts, and again
// with scripts off for the forms.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import type {Browser, Page} from 'playwright-core'
import {PASSWORD, startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {launchChromium, mainText, screenshot, signedIn, skipWithoutChromium, watchCsp} from './helpers/dashboard.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

describe('the dashboard in headless Chromium', {skip: skipWithoutChromium, timeout: 240_000}, () => {
  let p: E2EPlatform
  let provider: TestProvider
  let browser: Browser

  const configVars = (app: string) => platformCall<Record<string, string>>(p.url, 'GET', `/apps/${app}/config-vars`)
  const attachmentsOf = async (app: string) => (await platformCall<Array<{name: string; addon: {name: string}}>>(p.url, 'GET', `/apps/${app}/addon-attachments`)).map((a) => `${a.name}=${a.addon.name}`).sort()

  async function createApp(page: Page, name: string): Promise<void> {
    await page.goto(`${p.url}/dashboard/apps`)
    await page.locator('input[name=name]').fill(name)
    await page.getByRole('button', {name: 'Create app'}).click()
    await page.waitForURL(`${p.url}/dashboard/apps/${name}/resources`)
    assert.match(await mainText(page), new RegExp(`Created ${name}\\.`))
  }

  async function addKv(page: Page, app: string, name: string): Promise<void> {
    await page.goto(`${p.url}/dashboard/apps/${app}/resources`)
    await page.getByRole('link', {name: 'Add an add-on'}).click()
    await page.getByRole('link', {name: 'Choose Key-Value Store'}).click()
    await page.locator('input[name=name]').fill(name)
    await page.getByRole('button', {name: 'Add Key-Value Store'}).click()
    await page.waitForURL(`${p.url}/dashboard/apps/${app}/resources`)
  }

  // Resources, as the two tables read
  async function tables(page: Page): Promise<string[][]> {
    return page.locator('table').evaluateAll((all) => all.map((table) => [...table.querySelectorAll('tbody tr')].map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ').trim())))
  }

  before(async () => {
    provider = await startTestProvider()
    p = await startE2EPlatform({manifests: [provider.manifest]})
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await p?.destroyAll().catch(() => {})
    await p?.close()
    await provider?.close()
  })

  test('with scripts: sign in, create an app, add kv, reveal KV_URL, attach over an alias, change plan, single sign-on, destroy', async () => {
    const blocked: string[] = []
    const {context, page} = await signedIn(browser, p.url, {viewport: {width: 1280, height: 800}})
    watchCsp(page, blocked)
    try {
      await createApp(page, 'js-one')
      await createApp(page, 'js-two')
      await platformCall(p.url, 'POST', '/apps/js-two/addons', {plan: 'kv:free', name: 'js-two-kv'})

      // the catalog search narrows the list in place
      await page.goto(`${p.url}/dashboard/apps/js-one/addons/new`)
      await page.getByLabel('Search the catalog').fill('kv')
      await page.waitForFunction(() => document.querySelectorAll('#services li').length === 1)
      assert.equal(page.url(), `${p.url}/dashboard/apps/js-one/addons/new`)
      await addKv(page, 'js-one', 'js-kv')
      assert.match(await mainText(page), /Added js-kv as KV\./)
      const [addons, attachments] = await tables(page)
      assert.deepEqual(addons, ['kv:free js-kv free created $0.00'])
      assert.deepEqual(attachments, ['KV js-kv js-one'])
      await screenshot(page, 'flow-resources')

      // reveal: the value comes in place of "hidden", and the focus goes to Hide
      await page.getByRole('link', {name: 'Settings'}).click()
      assert.doesNotMatch(await page.content(), /kv:\/\/|http:\/\/[^"]*\/providers\/kv\/data/)
      await page.getByRole('link', {name: 'Reveal KV_URL'}).click()
      await page.locator('#value-KV_URL code').waitFor()
      assert.equal(await page.locator('#value-KV_URL code').innerText(), (await configVars('js-one')).KV_URL)
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Hide KV_URL', undefined, {timeout: 5000})
      assert.equal(page.url(), `${p.url}/dashboard/apps/js-one/settings`)

      // attach over js-two's KV: the platform asks first
      await page.goto(`${p.url}/dashboard/apps/js-one/resources`)
      await page.getByRole('link', {name: 'js-kv'}).first().click()
      await page.locator('select[name=app]').selectOption('js-two')
      await page.locator('input[name=as]').fill('KV')
      await page.getByRole('button', {name: 'Attach'}).click()
      assert.match(await mainText(page), /Replace an attachment\? js-kv will overwrite KV_URL on js-two\./)
      await screenshot(page, 'flow-confirm-overwrite')
      await page.getByRole('button', {name: 'Replace it'}).click()
      assert.match(await mainText(page), /Attached js-kv to js-two as KV\./)
      assert.match(await mainText(page), /js-two::KV js-two KV_URL/)
      assert.deepEqual(await attachmentsOf('js-two'), ['KV=js-kv'])
      assert.equal((await configVars('js-two')).KV_URL, (await configVars('js-one')).KV_URL)

      // change plan: the provider's message is shown
      await page.locator('select[name=plan]').selectOption('kv:mini')
      await page.getByRole('button', {name: 'Change plan'}).click()
      assert.match(await mainText(page), /Changed js-kv to kv:mini\. \S/)
      const addonPage = page.url()

      // single sign-on into the kv dashboard
      await page.getByRole('link', {name: 'Open js-kv’s dashboard'}).click()
      await page.waitForURL(`${p.url}/providers/kv/dashboard`)
      const rows = Object.fromEntries(await page.locator('table tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''])))
      assert.equal(rows.Resource, 'js-kv')
      assert.equal(rows.Plan, 'mini')
      await screenshot(page, 'flow-kv-dashboard')

      // destroy: a dialog; Escape closes it and gives the focus back; the name must be typed
      await page.goto(addonPage)
      const destroyLink = page.getByRole('link', {name: 'Destroy…'})
      await destroyLink.click()
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      assert.match(await dialog.innerText(), /These attachments and their config vars go with it:\s+KV on js-one: KV_URL\s+KV on js-two: KV_URL/)
      await screenshot(page, 'flow-destroy-dialog')
      await page.keyboard.press('Escape')
      await dialog.waitFor({state: 'hidden'})
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Destroy…')
      await destroyLink.click()
      const button = dialog.getByRole('button', {name: 'Destroy js-kv'})
      assert.equal(await button.isDisabled(), true)
      await dialog.locator('input[name=confirm]').fill('js-one')
      await button.click()
      await page.waitForURL(`${p.url}/dashboard/apps/js-one/resources`)
      assert.match(await mainText(page), /js-kv was destroyed\./)
      assert.deepEqual(await attachmentsOf('js-one'), [])
      assert.deepEqual(await attachmentsOf('js-two'), [])
      assert.deepEqual(blocked, [])
    } finally {
      await context.close()
    }
  })

  test('with scripts: a row being created updates itself, without reloading the page, once the add-on is ready', async () => {
    const {context, page} = await signedIn(browser, p.url, {}, 'js-one')
    provider.behaviour = 'async'
    try {
      await page.getByRole('link', {name: 'Add an add-on'}).click()
      await page.getByRole('link', {name: 'Choose Heroku Key-Value Store'}).click()
      await page.locator('input[name=name]').fill('js-slow')
      await page.getByRole('button', {name: 'Add Heroku Key-Value Store'}).click()
      await page.waitForURL(`${p.url}/dashboard/apps/js-one/resources`)
      const row = page.locator('#addons tbody tr', {hasText: 'js-slow'})
      assert.match(await row.innerText(), /creating/)
      await page.evaluate(() => ((window as unknown as {marker: number}).marker = 1))
      const addon = await platformCall<{id: string}>(p.url, 'GET', '/apps/js-one/addons/js-slow')
      const code = provider.provisions.at(-1)!.oauth_grant.code
      const {access_token: token} = await got.post(`${p.url}/oauth/token`, {form: {grant_type: 'authorization_code', code, client_secret: PASSWORD}}).json<{access_token: string}>()
      await got.post(`${p.url}/addons/${addon.id}/actions/provision`, {headers: {authorization: `Bearer ${token}`, accept: 'application/vnd.heroku+json; version=3'}})
      await row.filter({hasText: 'created'}).waitFor({timeout: 15_000})
      assert.equal(await page.evaluate(() => (window as unknown as {marker?: number}).marker), 1)
      assert.equal(await page.locator('#addons-status').innerText(), 'js-slow is created')
    } finally {
      provider.behaviour = 'sync'
      await context.close()
    }
  })

  test('with scripts: the log follows itself', async () => {
    const {context, page} = await signedIn(browser, p.url, {}, 'js-one')
    try {
      await page.getByRole('link', {name: 'Logs'}).click()
      await page.getByText('Following the log live.').waitFor()
      const app = await platformCall<{id: string}>(p.url, 'GET', '/apps/js-one')
      await p.platform.services.logs.stream.append(app.id, [{time: new Date().toISOString(), source: 'app', process: 'web.1', message: 'a line written just now'}])
      await page.locator('#log-lines li', {hasText: 'app[web.1]: a line written just now'}).waitFor({timeout: 10_000})
    } finally {
      await context.close()
    }
  })

  test('with scripts off, the same forms work: create, add kv, reveal, attach over an alias, change plan, single sign-on, destroy', async () => {
    const {context, page} = await signedIn(browser, p.url, {javaScriptEnabled: false})
    try {
      await createApp(page, 'plain-one')
      await createApp(page, 'plain-two')
      await platformCall(p.url, 'POST', '/apps/plain-two/addons', {plan: 'kv:free', name: 'plain-two-kv'})
      await page.goto(`${p.url}/dashboard/apps/plain-one/addons/new`)
      await page.getByLabel('Search the catalog').fill('kv')
      await page.getByRole('button', {name: 'Search'}).click()
      await page.waitForURL(`${p.url}/dashboard/apps/plain-one/addons/new?q=kv`)
      assert.equal(await page.locator('#services li').count(), 1)
      await addKv(page, 'plain-one', 'plain-kv')
      assert.deepEqual((await tables(page))[1], ['KV plain-kv plain-one'])

      // reveal: a page with the one value shown
      await page.getByRole('link', {name: 'Settings'}).click()
      await page.getByRole('link', {name: 'Reveal KV_URL'}).click()
      await page.waitForURL(`${p.url}/dashboard/apps/plain-one/settings?reveal=KV_URL#var-KV_URL`)
      assert.equal(await page.locator('#value-KV_URL code').innerText(), (await configVars('plain-one')).KV_URL)

      await page.goto(`${p.url}/dashboard/apps/plain-one/resources`)
      await page.getByRole('link', {name: 'plain-kv'}).first().click()
      await page.locator('select[name=app]').selectOption('plain-two')
      await page.locator('input[name=as]').fill('KV')
      await page.getByRole('button', {name: 'Attach'}).click()
      assert.match(await mainText(page), /plain-kv will overwrite KV_URL on plain-two\./)
      await page.getByRole('button', {name: 'Replace it'}).click()
      assert.match(await mainText(page), /Attached plain-kv to plain-two as KV\./)
      assert.deepEqual(await attachmentsOf('plain-two'), ['KV=plain-kv'])

      await page.locator('select[name=plan]').selectOption('kv:mini')
      await page.getByRole('button', {name: 'Change plan'}).click()
      assert.match(await mainText(page), /Changed plain-kv to kv:mini\./)
      const addonPage = page.url()

      // the platform's sign-in page has a button for browsers that do not run its script
      await page.getByRole('link', {name: 'Open plain-kv’s dashboard'}).click()
      await page.getByRole('button', {name: 'Continue to Key-Value Store'}).click()
      await page.waitForURL(`${p.url}/providers/kv/dashboard`)

      await page.goto(addonPage)
      await page.getByRole('link', {name: 'Destroy…'}).click()
      await page.waitForURL(`${addonPage}/destroy`)
      await page.locator('input[name=confirm]').fill('plain-two')
      await page.getByRole('button', {name: 'Destroy plain-kv'}).click()
      assert.match(await mainText(page), /plain-two is not plain-one: nothing was destroyed\./)
      await page.locator('input[name=confirm]').fill('plain-one')
      await page.getByRole('button', {name: 'Destroy plain-kv'}).click()
      await page.waitForURL(`${p.url}/dashboard/apps/plain-one/resources`)
      assert.match(await mainText(page), /plain-kv was destroyed\./)
      assert.deepEqual(await attachmentsOf('plain-two'), [])

      await page.getByRole('link', {name: 'Logs'}).click()
      assert.match(await page.locator('#log-lines').innerText(), /app\[api\]: Release v\d+ created by developer@example\.com/)
    } finally {
      await context.close()
    }
  })
})
