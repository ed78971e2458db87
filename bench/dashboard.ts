import {randomUUID} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {recordPlanStart} from '../src/platform/billing/plan-periods.js'
import {assetBytes} from '../src/platform/dashboard/assets.js'
import {startPlatform} from '../src/platform/start.js'
import {configColumns} from '../src/platform/store/config-columns.js'
import type {AddonRow} from '../src/platform/store/schema.js'
import {startTestProvider} from '../test/fixtures/providers/test-provider.js'
import {type BenchRow} from './table.js'

// Dashboard bench: the Resources page of an app with 1,000 add-ons (each with its attachment and
// its billing period, so the page's cost column is computed for real), its server time as the
// platform's own request log measures it (p50/p99 over sequential requests), and the weight of
// each page type: its HTML plus the stylesheet and scripts it loads, uncompressed.

const KEY = 'bench-key'
const ADDONS = 1000
const REQUESTS = 200
const BUDGET = 100 * 1024

export async function benchDashboard(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-dashboard-'))
  const provider = await startTestProvider()
  const serverMs: number[] = []
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [provider.manifest],
    builtinProviders: false, writeState: false, rateLimit: false,
    log: (line) => {
      const timed = /^GET \/dashboard\/apps\/bench-dash\/resources 200 ([\d.]+)ms/.exec(line)
      if (timed) serverMs.push(Number(timed[1]))
    },
  })
  try {
    const api = (method: string, path: string, body?: unknown) => fetch(`${platform.url}${path}`, {
      method, headers: {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body),
    })
    await api('POST', '/apps', {name: 'bench-dash'})
    await api('POST', '/apps', {name: 'bench-small'})
    await api('POST', '/apps/bench-small/addons', {plan: 'heroku-redis:mini', name: 'small-redis'})
    await api('PATCH', '/apps/bench-small/config-vars', {RAILS_ENV: 'production', SECRET_KEY_BASE: 'x'.repeat(64)})
    await api('POST', '/apps/bench-small/domains', {hostname: 'www.bench.example.com'})
    await api('POST', '/apps/bench-small/webhooks', {include: ['api:release'], level: 'notify', url: 'https://hooks.example.com/in'})

    // 1,000 add-ons written straight to the store (their creation is not what is measured)
    const {store, catalog} = platform.services.ctx
    const app = await store.db.selectFrom('apps').selectAll().where('name', '=', 'bench-dash').executeTakeFirstOrThrow()
    const service = catalog.serviceByName('heroku-redis')!
    const plan = catalog.defaultPlan(service)
    const at = new Date().toISOString()
    await store.transaction(async (tx) => {
      for (let i = 0; i < ADDONS; i += 250) {
        const rows: AddonRow[] = Array.from({length: 250}, (_, j) => ({
          id: randomUUID(), name: `redis-dash-${String(i + j).padStart(4, '0')}`, service_id: service.row.id, plan_id: plan.id, app_id: app.id, state: 'provisioned',
          provider_id: `p${i + j}`, ...configColumns(service.manifest, {REDIS_URL: `redis://h:secret@127.0.0.1:${i + j}`}), staged_config: null, provision_message: null, instance_id: null, created_at: at, updated_at: at,
        }))
        await tx.insertInto('addons').values(rows).execute()
        await tx.insertInto('attachments').values(rows.map((r, j) => ({id: randomUUID(), addon_id: r.id, app_id: app.id, addon_app_id: app.id, name: `R_${i + j}`, namespace: null, log_input_token: null, created_at: at, updated_at: at}))).execute()
        for (const row of rows) await recordPlanStart(platform.services.ctx, tx, row)
      }
    })

    const signIn = await fetch(`${platform.url}/dashboard/login`, {method: 'POST', redirect: 'manual', headers: {origin: platform.url, 'content-type': 'application/x-www-form-urlencoded'}, body: `api_key=${KEY}`})
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    const page = async (path: string, withCookie = true) => {
      const response = await fetch(`${platform.url}${path}`, {headers: withCookie ? {cookie} : {}})
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`)
      return response.text()
    }

    for (let i = 0; i < 20; i++) await page('/dashboard/apps/bench-dash/resources')
    serverMs.length = 0
    for (let i = 0; i < REQUESTS; i++) await page('/dashboard/apps/bench-dash/resources')
    serverMs.sort((a, b) => a - b)
    const p50 = serverMs[Math.floor(serverMs.length * 0.5)]
    const p99 = serverMs[Math.floor(serverMs.length * 0.99)]

    const addon = await (await api('GET', '/apps/bench-small/addons/small-redis')).json() as {id: string}
    const release = (await (await api('GET', '/apps/bench-small/releases')).json() as Array<{version: number}>)[0].version
    const pages: Array<[string, string, boolean?]> = [
      ['sign-in', '/dashboard/login', false],
      ['apps', '/dashboard/apps'],
      [`resources (${ADDONS} add-ons, first screen)`, '/dashboard/apps/bench-dash/resources'],
      ['add an add-on (plans)', '/dashboard/apps/bench-small/addons/new?service=heroku-redis'],
      ['add-on', `/dashboard/apps/bench-small/addons/${addon.id}`],
      ['destroy', `/dashboard/apps/bench-small/addons/${addon.id}/destroy`],
      ['settings (revealed)', '/dashboard/apps/bench-small/settings?reveal=all'],
      ['activity', '/dashboard/apps/bench-small/activity'],
      ['rollback', `/dashboard/apps/bench-small/releases/${release}/rollback`],
      ['logs', '/dashboard/apps/bench-small/logs'],
      ['domains', '/dashboard/apps/bench-small/domains'],
      ['webhooks', '/dashboard/apps/bench-small/webhooks'],
    ]
    const assets = assetBytes()
    const rows: BenchRow[] = [
      {metric: `Resources page, ${ADDONS} add-ons: server time p50 (platform log, ${REQUESTS} requests)`, measured: `${p50.toFixed(1)} ms`, target: '-'},
      {metric: `Resources page, ${ADDONS} add-ons: server time p99`, measured: `${p99.toFixed(1)} ms`, target: '< 50 ms', ok: p99 < 50},
      {metric: 'stylesheet + scripts (htmx included), uncompressed', measured: `${(assets / 1024).toFixed(1)} KB`, target: '-'},
    ]
    for (const [name, path, withCookie] of pages) {
      const body = await page(path, withCookie !== false)
      const html = Buffer.byteLength(body)
      rows.push({
        metric: `page weight: ${name} (HTML ${(html / 1024).toFixed(1)} KB, gzipped ${(gzipSync(body).length / 1024).toFixed(1)} KB)`,
        measured: `${((html + assets) / 1024).toFixed(1)} KB`, target: '< 100 KB', ok: html + assets < BUDGET,
      })
    }
    return rows
  } finally {
    await platform.close()
    await provider.close()
    rmSync(dir, {recursive: true, force: true})
  }
}
