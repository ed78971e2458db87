import {randomUUID} from 'node:crypto'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {sql} from 'kysely'
import {monthAt, invoiceNumber} from '../src/platform/billing/months.js'
import {startPlatform, type RunningPlatform} from '../src/platform/start.js'
import type {Db} from '../src/platform/store/database.js'
import {freshPostgresSchema} from '../test/platform/helpers.js'
import {measureAll} from './cli.js'
import {type BenchRow, formatTable, median} from './table.js'

// What add-ons cost (issue 14): `GET /account/invoices/{current}` for an account with 10,000 add-ons
// and 100,000 usage reports this month, on SQLite and on PostgreSQL when ADDONKIT_BENCH_DATABASE_URL
// (or ADDONKIT_TEST_DATABASE_URL) is set; `addonkit billing` for that account beside `node -e 0`, on
// the built bin/run.js only when dist/ is newer than its sources.
//
// The store is filled directly, in the rows the platform writes (plan periods, usage reports and
// their monthly totals), not through 110,000 API calls: what is measured is the read. Another
// account holds as much again, so the indexes, not the table sizes, decide.

const KEY = 'bench-key'
const PG_URL = process.env.ADDONKIT_BENCH_DATABASE_URL ?? process.env.ADDONKIT_TEST_DATABASE_URL
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ADDONS = 10_000
const REPORTS = 100_000
// a fifth of the add-ons are metered, two meters each; a tenth changed plan this month, a tenth went
const METERED_SHARE = 5
const READS = 400
const WARMUP = 40
const P99_TARGET_MS = 50
const BILLING_WALL_RATIO = 3

interface Fill {
  accountId: string
  appId: string
  nowS: number
}

// One account's add-ons: periods across the last six months (some ended, some changed plan this
// month), and REPORTS usage reports this month over its metered add-ons, summed into totals.
async function fill(db: Db, {accountId, appId, nowS}: Fill): Promise<void> {
  const month = monthAt(nowS)
  const periods: Record<string, unknown>[] = []
  const reports: Record<string, unknown>[] = []
  const totals: Record<string, unknown>[] = []
  const metered: string[] = []
  for (let i = 0; i < ADDONS; i++) {
    const addonId = randomUUID()
    const isMetered = i % METERED_SHARE === 0
    if (isMetered) metered.push(addonId)
    const base = {
      account_id: accountId, app_id: appId, app_name: 'bench-app', addon_id: addonId, addon_name: `addon-${i}`, service_name: 'bench',
      plan_id: isMetered ? 'plan-metered' : 'plan-mini', plan_name: isMetered ? 'bench:metered' : 'bench:mini', price_cents: isMetered ? 500 : 300 + (i % 7) * 100,
      price_unit: 'month', price_contract: i % 97 === 0 ? 1 : 0, price_metered: isMetered ? 1 : 0,
    }
    const started = nowS - 180 * 86_400 + ((i * 7919) % (170 * 86_400))
    if (i % 10 === 1) {
      // changed plan this month
      const change = month.startS + ((i * 31) % Math.max(1, nowS - month.startS))
      periods.push({...base, id: randomUUID(), started_s: started, ended_s: change})
      periods.push({...base, id: randomUUID(), price_cents: 1500, started_s: change, ended_s: null})
    } else if (i % 10 === 2) {
      // destroyed this month
      periods.push({...base, id: randomUUID(), started_s: started, ended_s: month.startS + ((i * 17) % Math.max(1, nowS - month.startS))})
    } else {
      periods.push({...base, id: randomUUID(), started_s: started, ended_s: null})
    }
    // history: an earlier add-on of the account, gone months ago
    if (i % 3 === 0) periods.push({...base, id: randomUUID(), addon_id: randomUUID(), started_s: started - 90 * 86_400, ended_s: started - 30 * 86_400})
  }
  const perAddon = new Map<string, number>()
  for (let r = 0; r < REPORTS; r++) {
    const addonId = metered[r % metered.length]
    const requests = 1 + (r % 5000)
    reports.push({addon_id: addonId, id: `r-${r}`, month: month.key, meters: JSON.stringify({requests: String(requests * 1_000_000), storage: '500000'}), created_at: new Date(nowS * 1000).toISOString()})
    perAddon.set(addonId, (perAddon.get(addonId) ?? 0) + requests)
  }
  for (const [addonId, requests] of perAddon) {
    const reportsOf = REPORTS / metered.length
    totals.push({addon_id: addonId, month: month.key, plan_id: 'plan-metered', meter: 'requests', microcents_per_unit: 1000, unit: 'request', quantity_micros: requests * 1_000_000, account_id: accountId, app_id: appId})
    totals.push({addon_id: addonId, month: month.key, plan_id: 'plan-metered', meter: 'storage', microcents_per_unit: 12_500_000, unit: 'GB', quantity_micros: reportsOf * 500_000, account_id: accountId, app_id: appId})
  }
  await db.transaction().execute(async (tx) => {
    for (const [table, rows] of [['billing_periods', periods], ['usage_reports', reports], ['usage_totals', totals]] as const) {
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto(table).values(rows.slice(i, i + 500) as never).execute()
    }
  })
}

async function open(store: 'sqlite' | 'postgres'): Promise<{platform: RunningPlatform; close(): Promise<void>}> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-billing-'))
  const databaseUrl = store === 'postgres' ? await freshPostgresSchema(PG_URL!) : undefined
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}, {email: 'other@example.com', apiKey: 'other-key'}],
    builtinProviders: false, writeState: false, log: () => {}, rateLimit: false, databaseUrl,
  })
  const close = async () => {
    await platform.close()
    rmSync(dir, {recursive: true, force: true})
  }
  try {
    const db = platform.services.ctx.store.db
    const nowS = Math.floor(Date.now() / 1000)
    for (const email of ['bench@example.com', 'other@example.com']) {
      const account = await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
      await fill(db, {accountId: account.id, appId: randomUUID(), nowS})
    }
    // PostgreSQL plans by table statistics, which autovacuum would refresh within a minute of the fill
    if (store === 'postgres') await sql`analyze billing_periods, usage_totals, usage_reports`.execute(db)
    return {platform, close}
  } catch (error) {
    await close()
    throw error
  }
}

async function get(platform: RunningPlatform, path: string, accept = 'application/vnd.heroku+json; version=3'): Promise<{ms: number; body: any}> {
  const started = performance.now()
  const res = await fetch(`${platform.url}${path}`, {headers: {authorization: `Bearer ${KEY}`, accept}})
  const body = accept === 'text/plain' ? await res.text() : await res.json()
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${JSON.stringify(body)}`)
  return {ms, body}
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]

async function invoiceFigures(b: {platform: RunningPlatform}, store: string): Promise<BenchRow[]> {
  const path = `/account/invoices/${invoiceNumber(monthAt(Math.floor(Date.now() / 1000)))}`
  for (let i = 0; i < WARMUP; i++) await get(b.platform, path)
  const times: number[] = []
  let invoice: any
  for (let i = 0; i < READS; i++) {
    const read = await get(b.platform, path)
    times.push(read.ms)
    invoice = read.body
  }
  // the breakdown of the same month must add up to the invoice (whole cents of its millicents)
  const statement = await get(b.platform, '/account/billing/current')
  const cents = Math.floor((statement.body.cost_millicents + 500) / 1000)
  const agrees = cents === invoice.charges_total
  const statementTimes = [statement.ms]
  for (let i = 0; i < 4; i++) statementTimes.push((await get(b.platform, '/account/billing/current')).ms)
  const textTimes: number[] = []
  for (let i = 0; i < 5; i++) textTimes.push((await get(b.platform, '/account/billing/current', 'text/plain')).ms)
  const ms = (n: number) => `${n.toFixed(2)} ms`
  return [
    {metric: `${store}: GET /account/invoices/{current}, ${ADDONS.toLocaleString('en-US')} add-ons, ${REPORTS.toLocaleString('en-US')} usage reports: p50`, measured: ms(median(times)), target: `informative (${READS} reads)`},
    {metric: `${store}: same, p99`, measured: ms(percentile(times, 99)), target: `< ${P99_TARGET_MS} ms`, ok: percentile(times, 99) < P99_TARGET_MS},
    {metric: `${store}: the month's breakdown adds up to the invoice`, measured: agrees ? `yes: ${invoice.charges_total} cents` : `NO: ${cents} vs ${invoice.charges_total}`, target: 'equal', ok: agrees},
    {metric: `${store}: GET /account/billing/current (every line of ${ADDONS.toLocaleString('en-US')} add-ons), median of 5`, measured: ms(median(statementTimes)), target: 'informative'},
    {metric: `${store}: the same as text (Accept: text/plain, what addonkit billing prints), median of 5`, measured: ms(median(textTimes)), target: 'informative'},
  ]
}

// `addonkit billing` for the account, beside `node -e 0` (medians of 7 runs taking turns).
async function billingCommandWall(b: {platform: RunningPlatform}): Promise<BenchRow> {
  const metric = `addonkit billing (${ADDONS.toLocaleString('en-US')} add-ons, plain, piped): wall`
  const target = `<= ${BILLING_WALL_RATIO}x node -e 0`
  const stale = staleBuild()
  if (stale) return {metric, measured: `skipped: ${stale} (npm run build)`, target}
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-bench-billing-cli-'))
  const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: 'production', NO_COLOR: '1', ADDONKIT_API_URL: b.platform.url, ADDONKIT_API_KEY: KEY, ADDONKIT_DATA_DIR: dataDir}
  delete env.DEBUG
  delete env.NODE_OPTIONS
  try {
    const [node, billing] = await measureAll([['-e', '0'], [join(ROOT, 'bin', 'run.js'), 'billing']], env, Number(process.env.BENCH_RUNS) || 7)
    const bad = billing.samples.find((s) => s.code !== 0 || !s.stdout.includes('Total: '))
    if (bad) return {metric, measured: `failed: exit ${bad.code}; ${bad.stderr.split('\n')[0].slice(0, 60)}`, target, ok: false}
    const ratio = billing.wallMs / node.wallMs
    return {metric, measured: `${(billing.wallMs / 1000).toFixed(3)} s (${ratio.toFixed(2)}x node ${(node.wallMs / 1000).toFixed(3)} s)`, target, ok: ratio <= BILLING_WALL_RATIO}
  } finally {
    rmSync(dataDir, {recursive: true, force: true})
  }
}

// Why the built CLI cannot be timed: a missing or older build of the command, or a manifest without it.
function staleBuild(): string | undefined {
  const built = ['billing.cjs', 'billing.js'].map((file) => join(ROOT, 'dist', 'commands', file)).find((file) => existsSync(file))
  if (!built) return 'dist/commands/billing.cjs missing'
  const sources = ['src/commands/billing.ts', ...['src/lib/billing', 'src/wire'].flatMap((dir) => readdirSync(join(ROOT, dir)).map((file) => `${dir}/${file}`))]
  const newer = sources.find((source) => statSync(join(ROOT, source)).mtimeMs > statSync(built).mtimeMs)
  if (newer) return `${newer} is newer than dist/`
  const manifest = join(ROOT, 'oclif.manifest.json')
  if (!existsSync(manifest) || !('billing' in (JSON.parse(readFileSync(manifest, 'utf8')).commands ?? {}))) return 'oclif.manifest.json has no billing command'
  return undefined
}

export async function benchBilling(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const stores: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']
  for (const store of stores) {
    const b = await open(store)
    try {
      rows.push(...(await invoiceFigures(b, store)))
      if (store === 'sqlite') rows.push(await billingCommandWall(b))
    } finally {
      await b.close()
    }
  }
  if (!PG_URL) rows.push({metric: 'PostgreSQL rows', measured: 'skipped', target: 'set ADDONKIT_BENCH_DATABASE_URL'})
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatTable('Billing', await benchBilling()))
}
