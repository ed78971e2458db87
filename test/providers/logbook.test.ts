import assert from 'node:assert/strict'
import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {serveBuiltinProvider} from '../../src/providers/builtin/serve.js'
import {ssoToken} from '../../src/providers/kit/sso-token.js'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'
import {httpsDrainFrame, type LogLine} from '../../src/wire/logplex.js'
import {startBuiltins, tempDataDir, type Harness} from './builtin-harness.js'
import {providerClient, provisionBody} from './provider-client.js'

// logbook as the platform uses it: provisioned with a log_drain_token, fed Logplex HTTPS drain
// batches on the log_drain_url it answered, its lines read back from the SSO dashboard's HTML.

const dataDir = tempDataDir()
let platform: Harness

before(async () => {
  platform = await startBuiltins(dataDir)
})
after(async () => {
  await platform.close()
  rmSync(dataDir, {recursive: true, force: true})
})

const manifest = () => platform.manifests.find((m) => m.id === 'logbook')!
const drainToken = () => `d.${crypto.randomUUID()}`

interface Logbook {
  id: string
  token: string
  drainUrl: string
}

async function provision(plan = 'free', name = 'acme-logbook'): Promise<Logbook> {
  const token = drainToken()
  const created = await platform.client('logbook').provision(provisionBody({plan, name, log_drain_token: token, log_input_url: null}))
  assert.equal(created.status, 200, JSON.stringify(created.body))
  return {id: created.body.id, token, drainUrl: created.body.log_drain_url}
}

function line(message: string, source = 'app', process = 'web.1'): LogLine {
  return {time: '2026-12-02T10:00:00.123456+00:00', source, process, message}
}

let frameCounter = 0
// One delivery, as the platform's drain sends it.
function deliver(drainUrl: string, token: string, lines: LogLine[], frameId = String(++frameCounter).padStart(32, '0')) {
  return fetch(drainUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/logplex-1',
      'logplex-msg-count': String(lines.length),
      'logplex-frame-id': frameId,
      'logplex-drain-token': token,
      'user-agent': 'addonkit-logplex',
    },
    body: lines.map((l) => httpsDrainFrame(l)).join(''),
  })
}

// Signs in as the platform's SSO page does and returns a reader of the dashboard.
async function dashboard(id: string, base = platform.url, provider: ProviderManifest = manifest()) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const ssoUrl = (provider.api.test as {sso_url: string}).sso_url
  const login = await fetch(ssoUrl, {
    method: 'POST',
    body: new URLSearchParams({resource_id: id, resource_token: ssoToken(id, provider.api.sso_salt!, timestamp), timestamp}),
    redirect: 'manual',
  })
  assert.equal(login.status, 303)
  const cookie = login.headers.getSetCookie()[0].split(';')[0]
  const page = new URL(login.headers.get('location')!, base)
  return async (query: Record<string, string> = {}) => {
    const url = new URL(page)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
    const response = await fetch(url, {headers: {cookie}})
    assert.equal(response.status, 200)
    return parsePage(await response.text())
  }
}

// What a reader sees: the lines (newest first) with their source, and the texts around them.
function parsePage(html: string) {
  const list = /<ol id="lines">([\s\S]*?)<\/ol>/.exec(html)
  assert.ok(list, 'the page has a list with id "lines"')
  const lines = [...list[1].matchAll(/<li class="line" data-source="([^"]*)" data-process="([^"]*)">([\s\S]*?)<\/li>/g)].map((m) => ({
    source: unescape(m[1]),
    message: unescape(/<span class="message">([\s\S]*?)<\/span>/.exec(m[3])![1]),
  }))
  const text = (id: string) => unescape((new RegExp(`<p id="${id}">([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ''))
  const input = (name: string) => unescape(new RegExp(`<input [^>]*name="${name}" [^>]*value="([^"]*)"`).exec(html)?.[1] ?? 'missing')
  return {html, lines, messages: lines.map((l) => l.message), summary: text('summary'), shown: text('shown'), q: input('q'), source: input('source')}
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

const numbered = (from: number, to: number) => Array.from({length: to - from}, (_, i) => line(`n=${String(from + i).padStart(5, '0')}`))

async function deliverAll(book: Logbook, lines: LogLine[]) {
  for (let at = 0; at < lines.length; at += 500) assert.equal((await deliver(book.drainUrl, book.token, lines.slice(at, at + 500))).status, 204)
}

describe('logbook', () => {
  test('its manifest requires syslog_drain, gives no config vars, and prices plans by lines kept', () => {
    const m = manifest()
    assert.equal(m.name, 'Logbook')
    assert.deepEqual(m.api.requires, ['syslog_drain'])
    assert.deepEqual(m.api.config_vars, [])
    assert.deepEqual(m.api.test, {base_url: `${platform.url}/providers/logbook/heroku/resources`, sso_url: `${platform.url}/providers/logbook/sso/login`})
    assert.deepEqual(
      m.plans!.map((p) => [p.name, p.description, p.price.cents, Boolean(p.default)]),
      [
        ['free', 'the newest 1,500 lines', 0, true],
        ['mini', 'the newest 10,000 lines', 500, false],
        ['standard', 'the newest 100,000 lines', 2500, false],
      ],
    )
  })

  test('provision answers its drain route as log_drain_url, the same on a repeated request', async () => {
    const api = platform.client('logbook')
    const body = provisionBody({plan: 'free', log_drain_token: drainToken()})
    const first = await api.provision(body)
    assert.deepEqual(first, {
      status: 200,
      body: {id: body.uuid, config: {}, message: "Logbook keeps the newest 1,500 lines of the app's logs", log_drain_url: `${platform.url}/providers/logbook/drain?resource=${body.uuid}`},
    })
    assert.deepEqual(await api.provision(body), first)
  })

  test('a drain batch with the right token is kept; the dashboard shows it newest first', async () => {
    const book = await provision()
    const read = await dashboard(book.id)
    assert.equal((await read()).shown, 'No lines yet: they appear here as the app writes them.')

    assert.equal((await deliver(book.drainUrl, book.token, [line('first'), line('second', 'heroku', 'router')])).status, 204)
    assert.equal((await deliver(book.drainUrl, book.token, [line('third', 'acme-redis', 'worker.1')])).status, 204)
    const page = await read()
    assert.deepEqual(page.lines, [
      {source: 'acme-redis', message: 'third'},
      {source: 'heroku', message: 'second'},
      {source: 'app', message: 'first'},
    ])
    assert.equal(page.shown, '3 lines, newest first.')
    assert.equal(page.summary, 'acme-logbook · plan Free: 3 of 1,500 lines kept')
    assert.match(page.html, /<time class="time">2026-12-02T10:00:00\.123456\+00:00<\/time> <span class="source">acme-redis\[worker\.1\]:<\/span>/)
  })

  test("wrong, missing and another logbook's tokens are refused and nothing is kept", async () => {
    const mine = await provision()
    const theirs = await provision()
    for (const token of [drainToken(), '', theirs.token]) {
      const response = await deliver(mine.drainUrl, token, [line(`sent with ${token || 'no token'}`)])
      assert.equal(response.status, token === theirs.token ? 204 : 403)
    }
    assert.deepEqual((await (await dashboard(mine.id))()).lines, [])
    // what arrived with their token is theirs
    assert.deepEqual((await (await dashboard(theirs.id))()).messages, [`sent with ${theirs.token}`])
  })

  test('a batch delivered twice with one Logplex-Frame-Id is kept once', async () => {
    const book = await provision()
    for (let i = 0; i < 2; i++) assert.equal((await deliver(book.drainUrl, book.token, [line('once')], 'AB'.repeat(16))).status, 204)
    assert.deepEqual((await (await dashboard(book.id))()).messages, ['once'])
  })

  test('each plan keeps its newest lines; a plan change keeps them, trimmed to the new limit', async () => {
    const book = await provision('free')
    const read = await dashboard(book.id)
    await deliverAll(book, numbered(0, 1600))
    let page = await read()
    assert.equal(page.summary, 'acme-logbook · plan Free: 1,500 of 1,500 lines kept')
    assert.equal(page.messages[0], 'n=01599')
    assert.equal(page.shown, 'The newest 500 lines, newest first; narrow the filter to see older ones.')
    // the 100 oldest made room
    assert.equal((await read({q: 'n=00099'})).shown, 'No line matches the filter.')
    assert.deepEqual((await read({q: 'n=00100'})).messages, ['n=00100'])

    const api = platform.client('logbook')
    assert.deepEqual(await api.planChange(book.id, 'mini'), {status: 200, body: {message: 'now keeps the newest 10,000 lines'}})
    await deliverAll(book, numbered(1600, 2600))
    assert.equal((await read()).summary, 'acme-logbook · plan Mini: 2,500 of 10,000 lines kept')
    assert.deepEqual((await read({q: 'n=00100'})).messages, ['n=00100'])

    assert.deepEqual(await api.planChange(book.id, 'free'), {status: 200, body: {message: 'now keeps the newest 1,500 lines (the oldest 1,000 lines were dropped)'}})
    page = await read()
    assert.equal(page.summary, 'acme-logbook · plan Free: 1,500 of 1,500 lines kept')
    assert.equal(page.messages[0], 'n=02599')
    assert.equal((await read({q: 'n=01099'})).shown, 'No line matches the filter.')
    assert.deepEqual((await read({q: 'n=01100'})).messages, ['n=01100'])
  })

  test('the text and source filters, kept in the form; every value escaped', async () => {
    const book = await provision('free', 'acme <logs>')
    await deliver(book.drainUrl, book.token, [
      line('GET /users 200', 'app', 'web.1'),
      line('Error: <script>alert("x")</script> & more', 'app', 'worker.1'),
      line('at=error code=H12 desc="Request timeout"', 'heroku', 'router'),
      line('sample#used_memory=1MB error_rate=0', 'acme-redis', 'redis'),
      line('100% done_ok', 'app', 'run.1'),
    ])
    const read = await dashboard(book.id)

    const all = await read()
    assert.equal(all.lines.length, 5)
    assert.ok(!all.html.includes('<script>alert'), 'a message cannot inject markup')
    assert.ok(all.html.includes('Error: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'))
    assert.ok(all.html.includes('<strong>acme &lt;logs&gt;</strong>'))
    assert.deepEqual([all.q, all.source], ['', ''])
    assert.match(all.html, /<datalist id="sources"><option value="acme-redis"><\/option><option value="app"><\/option><option value="heroku"><\/option><\/datalist>/)

    // case-insensitive text, in the message or the process
    const errors = await read({q: 'ERROR'})
    assert.deepEqual(errors.lines.map((l) => l.source), ['acme-redis', 'heroku', 'app'])
    assert.equal(errors.shown, '3 matching lines, newest first.')
    assert.equal(errors.q, 'ERROR')
    assert.deepEqual((await read({q: 'router'})).messages, ['at=error code=H12 desc="Request timeout"'])
    // LIKE's wildcards are plain text
    assert.deepEqual((await read({q: '100%'})).messages, ['100% done_ok'])
    assert.deepEqual((await read({q: 'E_r'})).messages, [])

    const app = await read({source: 'app'})
    assert.deepEqual(app.messages, ['100% done_ok', 'Error: <script>alert("x")</script> & more', 'GET /users 200'])
    assert.equal(app.source, 'app')
    const both = await read({q: 'error', source: 'app'})
    assert.deepEqual(both.messages, ['Error: <script>alert("x")</script> & more'])
    assert.deepEqual([both.q, both.source], ['error', 'app'])
    const quoted = await read({q: '"><b>'})
    assert.equal(quoted.q, '"><b>')
    assert.ok(quoted.html.includes('value="&quot;&gt;&lt;b&gt;"'))
  })

  test('the page refreshes itself and works without JavaScript', async () => {
    const book = await provision()
    const {html} = await (await dashboard(book.id))({q: 'x'})
    assert.match(html, /<form id="filters" method="get" action="dashboard">/)
    assert.match(html, /<noscript><meta http-equiv="refresh" content="5"><\/noscript>/)
    assert.match(html, /fetch\(location\.href/)
    assert.match(html, /setTimeout\(refresh, 2000\)/)
    const denied = await fetch(`${platform.url}/providers/logbook/dashboard`)
    assert.equal(denied.status, 403)
  })

  test('deprovision deletes the lines and the token stops working', async () => {
    const book = await provision()
    await deliver(book.drainUrl, book.token, [line('gone soon')])
    const api = platform.client('logbook')
    assert.equal((await api.deprovision(book.id)).status, 204)
    assert.equal((await deliver(book.drainUrl, book.token, [line('too late')])).status, 403)
    // the same id provisioned again starts empty
    const again = await api.provision(provisionBody({uuid: book.id, plan: 'free', log_drain_token: drainToken()}))
    assert.equal(again.status, 200)
    assert.deepEqual((await (await dashboard(book.id))()).lines, [])
  })

  test('a provision without log_drain_token gives no drain URL and says so', async () => {
    const created = await platform.client('logbook').provision(provisionBody({plan: 'free'}))
    assert.deepEqual(created.body, {id: created.body.id, config: {}, message: 'Logbook is ready, but the platform sent no log_drain_token: no lines will reach it'})
    const page = await (await dashboard(created.body.id))()
    assert.match(page.summary, /The platform sent no log drain token when this add-on was created, so no lines can arrive\.$/)
  })

  test('lines survive a restart of the service', async () => {
    const book = await provision('mini')
    await deliverAll(book, numbered(0, 1200))
    await platform.close()
    platform = await startBuiltins(dataDir)
    const drainUrl = `${platform.url}/providers/logbook/drain`
    assert.equal((await deliver(drainUrl, book.token, [line('after the restart')])).status, 204)
    const page = await (await dashboard(book.id))()
    assert.equal(page.summary, 'acme-logbook · plan Mini: 1,201 of 10,000 lines kept')
    assert.deepEqual(page.messages.slice(0, 2), ['after the restart', 'n=01199'])
  })
})

describe('provider:serve logbook', () => {
  test('serves the provider API and the drain at its root', async () => {
    const dir = tempDataDir()
    const served = await serveBuiltinProvider({id: 'logbook', port: 0, dataDir: dir, manifestOut: join(dir, 'manifest.json'), log: () => {}})
    try {
      const token = drainToken()
      const created = await providerClient(`${served.url}`, served.manifest).provision(provisionBody({plan: 'free', log_drain_token: token}))
      assert.equal(created.body.log_drain_url, `${served.url}/drain?resource=${created.body.id}`)
      assert.equal((await deliver(created.body.log_drain_url, token, [line('served')])).status, 204)
      assert.deepEqual((await (await dashboard(created.body.id, served.url, served.manifest))()).messages, ['served'])
    } finally {
      await served.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
