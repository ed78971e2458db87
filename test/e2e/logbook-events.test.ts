// logbook hears what happens to its app: once created it subscribes, with its partner token, to the
// app's releases and domain changes, and shows each event among the log lines on its dashboard.
// Against a real platform with the built-in services, driven by the CLI as a user would.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {runCli} from '../helpers/cli.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

const APP = 'events-app'
const ADDON = 'events-logbook'
const OWNER = 'developer@example.com'

interface Line {
  className: string
  source: string
  process: string
  message: string
}

// The lines of the dashboard's HTML, newest first, as the page lists them.
function parseLines(html: string): Line[] {
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  return [...html.matchAll(/<li class="([^"]+)" data-source="([^"]*)" data-process="([^"]*)">.*?<span class="message">(.*?)<\/span><\/li>/g)]
    .map(([, className, source, process, message]) => ({className, source: unescape(source), process: unescape(process), message: unescape(message)}))
}

describe('logbook shows the app\'s releases and domain changes', {timeout: 120_000}, () => {
  let p: E2EPlatform
  let dashboard: () => Promise<Line[]>

  before(async () => {
    p = await startE2EPlatform()
    await platformCall(p.url, 'POST', '/apps', {name: APP})
  })
  after(async () => {
    await p?.close()
  })

  const until = async (what: string, found: (lines: Line[]) => boolean): Promise<Line[]> => {
    let lines: Line[] = []
    for (let i = 0; i < 200; i++) {
      lines = await dashboard()
      if (found(lines)) return lines
      await sleep(50)
    }
    throw new Error(`the dashboard never showed ${what}; it shows:\n${lines.map((l) => `${l.source}[${l.process}]: ${l.message}`).join('\n')}`)
  }

  test('addons:create logbook: it subscribes to the app\'s releases and domains once it exists', async () => {
    const created = await runCli(['addons:create', 'logbook', '--app', APP, '--name', ADDON], {url: p.url})
    assert.equal(created.exitCode, 0, created.stderr)
    const addon = await p.get<{id: string}>(`/apps/${APP}/addons/${ADDON}`)
    // add-on webhooks are the provider's own (no user route shows them): read the store
    const {db} = p.platform.services.ctx.store
    for (let i = 0; i < 200; i++) {
      if (await db.selectFrom('webhooks').select('id').where('addon_id', '=', addon.id).executeTakeFirst()) break
      await sleep(25)
    }
    const hooks = await db.selectFrom('webhooks').select(['include', 'level', 'url']).where('addon_id', '=', addon.id).execute()
    assert.deepEqual(hooks.map((h) => ({include: JSON.parse(h.include), level: h.level})), [{include: ['api:release', 'api:domain'], level: 'sync'}])
    assert.equal(hooks[0].url, `${p.url}/providers/logbook/webhooks/${addon.id}`)

    // signed in as the platform's SSO page does, through the add-on's dashboard link
    const open = await runCli(['addons:open', ADDON, '--app', APP, '--show-url'], {url: p.url})
    assert.equal(open.exitCode, 0, open.stderr)
    const landing = await fetch(open.stdout.trim(), {redirect: 'manual'})
    const form = await landing.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(form)?.[1]
    const fields = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, value.replace(/&amp;/g, '&')]))
    assert.ok(action, form)
    const login = await fetch(new URL(action.replace(/&amp;/g, '&'), p.url), {method: 'POST', body: new URLSearchParams(fields), redirect: 'manual'})
    assert.equal(login.status, 303)
    const cookie = login.headers.getSetCookie()[0].split(';')[0]
    const page = new URL(login.headers.get('location')!, p.url)
    dashboard = async () => {
      const response = await fetch(page, {headers: {cookie}})
      assert.equal(response.status, 200)
      return parseLines(await response.text())
    }
  })

  test('config:set makes a release: it appears on the dashboard as heroku[webhook], set apart', async () => {
    const set = await runCli(['config:set', 'GREETING=hello', '--app', APP], {url: p.url})
    assert.equal(set.exitCode, 0, set.stderr)
    const version = /v(\d+)/.exec(set.stderr + set.stdout)?.[1]
    const lines = await until('the release event', (all) => all.some((l) => l.process === 'webhook' && /GREETING/.test(l.message)))
    const events = lines.filter((l) => l.source === 'heroku' && l.process === 'webhook')
    assert.equal(events.length, 1, 'one event, kept once')
    assert.equal(events[0].message, `Release v${version} by ${OWNER}: Set GREETING config vars`)
    assert.equal(events[0].className, 'line event')
  })

  test('domains:add and domains:remove each appear as one event', async () => {
    assert.equal((await runCli(['domains:add', 'www.events.example.com', '--app', APP], {url: p.url})).exitCode, 0)
    assert.equal((await runCli(['domains:remove', 'www.events.example.com', '--app', APP], {url: p.url})).exitCode, 0)
    const lines = await until('both domain events', (all) => all.some((l) => l.message.startsWith('Domain www.events.example.com removed')))
    const domains = lines.filter((l) => l.process === 'webhook' && l.message.startsWith('Domain '))
    // newest first
    assert.deepEqual(domains.map((l) => l.message), [
      `Domain www.events.example.com removed by ${OWNER}`,
      `Domain www.events.example.com added by ${OWNER}`,
    ])
  })
})
