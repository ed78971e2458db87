// Every dashboard page in headless Chromium at a desktop and a phone size (and in dark mode):
// axe-core finds no serious or critical violation, and a screenshot of each is kept for review
// under test-output/dashboard/.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import {launchChromium, screenshot, seriousViolations, signedIn, skipWithoutChromium} from './helpers/dashboard.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

const VIEWS = [
  {name: 'desktop', viewport: {width: 1280, height: 800}, colorScheme: 'light' as const},
  {name: 'phone', viewport: {width: 390, height: 844}, colorScheme: 'light' as const},
  {name: 'desktop-dark', viewport: {width: 1280, height: 800}, colorScheme: 'dark' as const},
]

describe('dashboard accessibility in headless Chromium', {skip: skipWithoutChromium, timeout: 300_000}, () => {
  let p: E2EPlatform
  let browser: Browser
  let addonId: string
  let release: number

  before(async () => {
    p = await startE2EPlatform()
    for (const name of ['tour-app', 'tour-two']) await platformCall(p.url, 'POST', '/apps', {name})
    addonId = (await platformCall<{id: string}>(p.url, 'POST', '/apps/tour-app/addons', {plan: 'kv:free', name: 'tour-kv'})).id
    await platformCall(p.url, 'POST', '/apps/tour-two/addons', {plan: 'kv:free', name: 'tour-two-kv'})
    await platformCall(p.url, 'PATCH', '/apps/tour-app/config-vars', {RAILS_ENV: 'staging', SECRET_KEY_BASE: 'a-long-secret-value-that-wraps-on-a-phone-0123456789abcdef'})
    await platformCall(p.url, 'POST', '/apps/tour-app/domains', {hostname: 'www.example.com'})
    await platformCall(p.url, 'POST', '/apps/tour-app/webhooks', {include: ['api:release', 'api:addon'], level: 'notify', url: 'https://hooks.example.com/in'})
    release = (await platformCall<Array<{version: number}>>(p.url, 'GET', '/apps/tour-app/releases'))[0].version
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await p?.destroyAll().catch(() => {})
    await p?.close()
  })

  test('no serious or critical violation on any page, at 1280×800, at 390×844 and in dark mode', async () => {
    const found: string[] = []
    const check = async (page: Page, view: string, name: string) => {
      for (const violation of await seriousViolations(page)) found.push(`${view} ${name}: ${violation}`)
      await screenshot(page, `${view}-${name}`)
    }
    const pages: Array<[string, string]> = [
      ['apps', '/dashboard/apps'],
      ['resources', '/dashboard/apps/tour-app/resources'],
      ['add-addon', '/dashboard/apps/tour-app/addons/new'],
      ['add-addon-plans', '/dashboard/apps/tour-app/addons/new?service=kv'],
      ['addon', `/dashboard/apps/tour-app/addons/${addonId}`],
      ['destroy', `/dashboard/apps/tour-app/addons/${addonId}/destroy`],
      ['settings', '/dashboard/apps/tour-app/settings'],
      ['settings-revealed', '/dashboard/apps/tour-app/settings?reveal=all'],
      ['settings-edit', '/dashboard/apps/tour-app/settings?edit=RAILS_ENV'],
      ['activity', '/dashboard/apps/tour-app/activity'],
      ['rollback', `/dashboard/apps/tour-app/releases/${release}/rollback`],
      ['logs', '/dashboard/apps/tour-app/logs'],
      ['domains', '/dashboard/apps/tour-app/domains'],
      ['webhooks', '/dashboard/apps/tour-app/webhooks'],
      ['not-found', '/dashboard/no-such-page'],
    ]
    for (const view of VIEWS) {
      const options = {viewport: view.viewport, colorScheme: view.colorScheme, bypassCSP: true}
      const anonymous = await browser.newContext(options)
      const signIn = await anonymous.newPage()
      await signIn.goto(`${p.url}/dashboard/login`)
      await check(signIn, view.name, 'sign-in')
      await signIn.goto(`${p.url}/dashboard/sign-in?token=used-or-made-up`)
      await check(signIn, view.name, 'sign-in-link-refused')
      await anonymous.close()

      const {context, page} = await signedIn(browser, p.url, options)
      try {
        for (const [name, url] of pages) {
          const response = await page.goto(`${p.url}${url}`)
          assert.equal(response?.status(), name === 'not-found' ? 404 : 200, url)
          await check(page, view.name, name)
        }
        // the confirmation the platform asks for before replacing an alias, and a form's error
        await page.goto(`${p.url}/dashboard/apps/tour-app/addons/${addonId}`)
        await page.locator('select[name=app]').selectOption('tour-two')
        await page.locator('input[name=as]').fill('KV')
        await page.getByRole('button', {name: 'Attach'}).click()
        await page.getByRole('button', {name: 'Replace it'}).waitFor()
        await check(page, view.name, 'confirm-overwrite')
        await page.goto(`${p.url}/dashboard/apps/tour-app/addons/${addonId}/destroy`)
        await page.locator('input[name=confirm]').fill('not-the-app')
        await page.evaluate(() => document.querySelector<HTMLFormElement>('#confirm form')!.submit())
        await page.getByText('nothing was destroyed').waitFor()
        await check(page, view.name, 'destroy-refused')
      } finally {
        await context.close()
      }
    }
    assert.deepEqual(found, [])
  })

  test('every control is reachable from the keyboard, in order, and labelled', async () => {
    const {context, page} = await signedIn(browser, p.url, {viewport: {width: 1280, height: 800}})
    try {
      await page.goto(`${p.url}/dashboard/apps/tour-app/addons/${addonId}`)
      const reached: string[] = []
      // Tab until the focus comes back round (an element seen before) or leaves the page
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab')
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          if (!el || el === document.body || el.dataset.tabbed) return ''
          el.dataset.tabbed = 'yes'
          const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? ''
          return `${el.tagName.toLowerCase()}:${labelled.replace(/\s+/g, ' ').trim()}`
        })
        if (name === '') break
        reached.push(name)
      }
      assert.equal(reached[0], 'a:Skip to content')
      for (const control of ['button:Sign out', 'a:Resources', 'a:Open tour-kv’s dashboard', 'a:Destroy…', 'select:App tour-apptour-two', 'button:Attach', 'button:Change plan', 'button:Rename']) {
        assert.ok(reached.some((r) => r.startsWith(control.split(' tour-app')[0])), `${control} is reached: ${reached.join(' | ')}`)
      }
      assert.ok(reached.every((r) => !r.endsWith(':')), `a control without a name: ${reached.join(' | ')}`)
    } finally {
      await context.close()
    }
  })
})
