// The logbook add-on as a user meets it: created with the CLI, fed by the platform's drain with what
// `addonkit run` printed, and read in a real browser after single sign-on, filters included.
import assert from 'node:assert/strict'
import {randomUUID} from 'node:crypto'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import {cleanEnv} from '../bin/spawn.js'
import {runCli} from '../helpers/cli.js'
import {startCli} from './helpers/cli-process.js'
import {startE2EPlatform, TEST_TOKEN, type E2EPlatform} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

const CHROMIUM = '/usr/bin/chromium'
const APP = 'logbook-app'
const ADDON = 'app-logbook'
// unique per run, so a line can only be this run's
const MARK = `hello from run ${randomUUID()}`
// the last line the platform writes about a `run`: once it is shown, the whole run is
const RUN_DONE = 'State changed from up to complete'

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium package to run the browser test`

interface ShownLine {
  source: string
  process: string
  message: string
  // the whole line as shown: time source[process]: message
  text: string
}

// What the dashboard lists right now, as a user reads it.
function shownLines(page: Page): Promise<ShownLine[]> {
  return page.locator('#lines li.line').evaluateAll((items) =>
    items.map((li) => ({
      source: li.getAttribute('data-source') ?? '',
      process: li.getAttribute('data-process') ?? '',
      message: li.querySelector('.message')?.textContent ?? '',
      text: li.textContent ?? '',
    })),
  )
}

// Polls the DOM (the page refreshes itself every 2 s) until `check` holds for the shown lines.
async function untilShown(page: Page, check: (lines: ShownLine[]) => boolean, what: string, timeoutMs = 20_000): Promise<ShownLine[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const lines = await shownLines(page)
    if (check(lines)) return lines
    if (Date.now() > deadline) throw new Error(`the dashboard never showed ${what}; it shows:\n${lines.map((l) => l.text).join('\n')}`)
    await page.waitForTimeout(100)
  }
}

describe('logbook in headless Chromium', {skip, timeout: 120_000}, () => {
  const home = mkdtempSync(join(tmpdir(), 'addonkit-e2e-logbook-'))
  let p: E2EPlatform
  let browser: Browser
  let page: Page

  before(async () => {
    p = await startE2EPlatform()
    await platformCall(p.url, 'POST', '/apps', {name: APP})
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    })
  })

  after(async () => {
    await browser?.close()
    await p?.close()
    rmSync(home, {recursive: true, force: true})
  })

  test('addons:create logbook gives the app a drain', async () => {
    const created = await runCli(['addons:create', 'logbook', '--app', APP, '--name', ADDON], {url: p.url})
    assert.equal(created.exitCode, 0, created.stderr)
    const drains = await platformCall<Array<{addon: {name: string} | null}>>(p.url, 'GET', `/apps/${APP}/log-drains`)
    assert.deepEqual(drains.map((d) => d.addon?.name), [ADDON])
  })

  test('a line printed by `addonkit run` appears on the dashboard after single sign-on, as app[run.1]', async () => {
    const env = cleanEnv({ADDONKIT_API_URL: p.url, ADDONKIT_API_KEY: TEST_TOKEN, ADDONKIT_DATA_DIR: join(home, 'cli'), NODE_TEST_CONTEXT: undefined})
    const run = startCli(['run', '--app', APP, '--', process.execPath, '-e', `console.log(${JSON.stringify(MARK)})`], env)
    assert.equal(await run.exited, 0, run.stderr())
    assert.equal(run.stdout(), `${MARK}\n`)

    const open = await runCli(['addons:open', ADDON, '--app', APP, '--show-url'], {url: p.url})
    assert.equal(open.exitCode, 0, open.stderr)
    page = await (await browser.newContext()).newPage()
    await page.goto(open.stdout.trim())
    await page.waitForURL(`${p.url}/providers/logbook/dashboard`)
    assert.match(await page.locator('#summary').innerText(), new RegExp(`${ADDON} · plan Free: .* lines kept · signed in as developer@example\\.com`))

    const lines = await untilShown(page, (all) => all.some((l) => l.message === MARK) && all.some((l) => l.message === RUN_DONE), 'the run\'s line and its end')
    // the platform's `Starting process with command …` lines quote it too
    const ours = lines.filter((l) => l.message === MARK)
    assert.equal(ours.length, 1)
    assert.equal(ours[0].source, 'app')
    assert.equal(ours[0].process, 'run.1')
    assert.match(ours[0].text, new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+ app\\[run\\.1\\]: ${MARK}$`))
    // newest first: the platform's end of the run comes before the line the command printed
    assert.ok(lines.findIndex((l) => l.message === RUN_DONE) < lines.indexOf(ours[0]))
  })

  test('a text filter shows only the lines that match it', async () => {
    await page.fill('#filters input[name=q]', RUN_DONE)
    await page.click('#filters button[type=submit]')
    await page.waitForURL((url) => url.searchParams.get('q') === RUN_DONE)
    const lines = await shownLines(page)
    assert.deepEqual(lines.map((l) => `${l.source}[${l.process}]`), ['heroku[run.1]'])
    assert.ok(lines[0].text.endsWith(`heroku[run.1]: ${RUN_DONE}`), lines[0].text)
    assert.match(await page.locator('#shown').innerText(), /^1 matching line, newest first\.$/)
    // the refresh keeps the filter: still only the matching line once the page has reloaded its list
    const before = await page.locator('#lines').elementHandle()
    await page.waitForFunction((old) => document.getElementById('lines') !== old, before, {polling: 100, timeout: 10_000})
    assert.deepEqual((await shownLines(page)).map((l) => l.text), lines.map((l) => l.text))
  })

  test('a source filter shows only that source\'s lines', async () => {
    await page.fill('#filters input[name=q]', '')
    await page.fill('#filters input[name=source]', 'app')
    await page.click('#filters button[type=submit]')
    await page.waitForURL((url) => url.searchParams.get('source') === 'app' && url.searchParams.get('q') === '')
    const lines = await shownLines(page)
    assert.deepEqual([...new Set(lines.map((l) => l.source))], ['app'])
    assert.ok(lines.some((l) => l.process === 'run.1' && l.message === MARK), 'the run\'s line is shown')
    assert.ok(lines.some((l) => l.process === 'api'), 'the platform\'s app[api] lines are shown')
    assert.ok(!lines.some((l) => l.message === RUN_DONE), 'heroku[run.1] lines are not shown')
  })
})
