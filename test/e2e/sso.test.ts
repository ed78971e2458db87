import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {Browser} from 'playwright-core'
import {startPlatform, type RunningPlatform} from '../../src/platform/start.js'
import {runCli} from '../helpers/cli.js'
import {platformFetch} from '../helpers/platform-fetch.js'

// A user's whole single sign-on trip in a real browser: `addons:open --show-url` → the platform's
// login page → auto-submitted form → the kv provider's dashboard behind its session cookie.
const CHROMIUM = '/usr/bin/chromium'
// runCli's API client always sends this key
const ACCOUNT = {email: 'sso-user@example.com', apiKey: 'test-token'}
const APP = 'sso-app'
const ADDON = 'sso-kv'

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium package to run the browser test`

describe('single sign-on in headless Chromium', {skip}, () => {
  let dataDir: string
  let platform: RunningPlatform
  let browser: Browser
  let addonId: string

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await platformFetch(platform.url, ACCOUNT.apiKey, method, path, body)
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`)
    return (await res.json()) as T
  }

  async function openUrl(): Promise<string> {
    const {stdout, stderr, exitCode} = await runCli(['addons:open', ADDON, '--app', APP, '--show-url'], {url: platform.url})
    assert.equal(exitCode, 0, stderr)
    return stdout.trim()
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'addonkit-e2e-sso-'))
    platform = await startPlatform({port: 0, dataDir, accounts: [ACCOUNT], writeState: false, log: () => {}})
    await api('POST', '/apps', {name: APP})
    addonId = (await api<{id: string}>('POST', `/apps/${APP}/addons`, {plan: 'kv:mini', name: ADDON})).id
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    })
  })

  after(async () => {
    await browser?.close()
    await platform?.close()
    if (dataDir) rmSync(dataDir, {recursive: true, force: true})
  })

  test('addons:open --show-url gives the platform login page', async () => {
    const url = new URL(await openUrl())
    assert.equal(`${url.origin}${url.pathname}`, `${platform.url}/addons/${addonId}/sso-login`)
    for (const field of ['id', 'token', 'timestamp', 'email', 'app', 'resource_id', 'resource_token', 'nav-data', 'user_id', 'context_app']) {
      assert.ok(url.searchParams.get(field), `${field} is in the login URL`)
    }
    assert.equal(url.searchParams.get('email'), ACCOUNT.email)
    assert.equal(url.searchParams.get('app'), APP)
  })

  test('the login URL lands on the provider dashboard showing the resource, its plan and usage', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(await openUrl())
      await page.waitForURL(`${platform.url}/providers/kv/dashboard`)
      const rows = Object.fromEntries(
        await page.locator('table tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''])),
      ) as Record<string, string>
      assert.equal(await page.title(), 'Key-Value Store')
      assert.equal(rows.Resource, ADDON)
      assert.equal(rows.Plan, 'mini')
      assert.match(rows.Usage, / of 10 MB$/)
      assert.equal(rows['Signed in as'], ACCOUNT.email)
    } finally {
      await context.close()
    }
  })

  test('a login URL with one character of its token changed lands on a 403 page', async () => {
    const url = new URL(await openUrl())
    const token = url.searchParams.get('token')!
    url.searchParams.set('token', (token[0] === 'a' ? 'b' : 'a') + token.slice(1))
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const response = await page.goto(url.toString())
      assert.equal(response?.status(), 403)
      assert.equal(page.url(), url.toString())
      assert.match(await page.locator('body').innerText(), /Single sign-on refused[\s\S]*token is not valid/)
      assert.deepEqual(await context.cookies(), [])
    } finally {
      await context.close()
    }
  })

  test('the dashboard refuses a browser without the session cookie', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const response = await page.goto(`${platform.url}/providers/kv/dashboard`)
      assert.equal(response?.status(), 403)
      assert.match(await page.locator('body').innerText(), /no valid session/)
      assert.doesNotMatch(await page.content(), new RegExp(ADDON))
    } finally {
      await context.close()
    }
  })
})
