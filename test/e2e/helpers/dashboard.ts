// What the dashboard's browser tests share: Debian's Chromium through playwright-core, a browser
// signed in the way a user does it (`addonkit dashboard --show-url`), screenshots kept for review
// under test-output/dashboard/, and axe-core's check of a page.
import assert from 'node:assert/strict'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {Browser, BrowserContext, BrowserContextOptions, Page} from 'playwright-core'
import {runCli} from '../../helpers/cli.js'

export const CHROMIUM = '/usr/bin/chromium'
export const skipWithoutChromium = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium package to run the browser test`
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'dashboard')

export async function launchChromium(): Promise<Browser> {
  const {chromium} = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
}

// A new browser context signed in through a fresh one-time link, on the page the link lands on.
export async function signedIn(browser: Browser, platformUrl: string, options: BrowserContextOptions = {}, app?: string): Promise<{context: BrowserContext; page: Page}> {
  const {stdout, stderr, exitCode} = await runCli(['dashboard', '--show-url', ...(app ? ['--app', app] : [])], {url: platformUrl})
  assert.equal(exitCode, 0, stderr)
  const link = stdout.trim()
  assert.match(link, new RegExp(`^${platformUrl}/dashboard/sign-in\\?token=`))
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto(link)
  await page.waitForURL((url) => url.pathname.startsWith('/dashboard/apps'))
  return {context, page}
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, {recursive: true})
  await page.screenshot({path: join(SCREENSHOTS, `${name}.png`), fullPage: true})
}

// Every violation axe rates serious or critical, as "rule: where" lines (empty: none). The page's
// context must bypass the Content-Security-Policy: axe is injected as a script of the test's.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: AXE})
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as {axe: {run(context: Document, options: object): Promise<{violations: Array<{id: string; impact: string; nodes: Array<{target: string[]}>}>}>}}).axe.run(document, {resultTypes: ['violations']})
    return result.violations.map((v) => ({id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' '))}))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`)
}

// The text of the page's main region, as a reader sees it.
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim()
}

// Reports Content-Security-Policy violations (a blocked inline script or style) into `found`.
export function watchCsp(page: Page, found: string[]): void {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text())
  })
}
