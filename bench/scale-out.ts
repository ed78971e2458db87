import {randomUUID} from 'node:crypto'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {startPlatform, type RunningPlatform} from '../src/platform/start.js'
import {freshPostgresSchema} from '../test/platform/helpers.js'
import {launchInstance, stop} from '../test/platform/scale-out/instances.js'
import {type BenchRow, formatTable, median} from './table.js'
import {load} from './load.js'
import {startSmallConfigProvider} from './small-config-provider.js'

type TestProvider = Awaited<ReturnType<typeof startSmallConfigProvider>>

// Scale-out bench (issue 11): creates on an empty and a full app, on SQLite and PostgreSQL; the
// shared rate limit's cost; queries per request on the hot routes; one instance vs two.
// PostgreSQL rows need ADDONKIT_BENCH_DATABASE_URL (or ADDONKIT_TEST_DATABASE_URL).

const KEY = 'bench-key'
const FULL = 500
const PG_URL = process.env.ADDONKIT_BENCH_DATABASE_URL ?? process.env.ADDONKIT_TEST_DATABASE_URL

interface Bench {
  platform: RunningPlatform
  queries: {count: number}
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<any>
  close(): Promise<void>
}

async function open(provider: TestProvider, store: 'sqlite' | 'postgres', rateLimit: false | {bucket: number; refillPerMinute: number}): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-scale-'))
  const queries = {count: 0}
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [provider.manifest],
    builtinProviders: false, writeState: false, log: () => {}, rateLimit,
    databaseUrl: store === 'postgres' ? await freshPostgresSchema(PG_URL!) : undefined,
    // background polling would add its queries to the counts
    deletionIntervalMs: 600_000,
    onQuery: () => queries.count++,
  })
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${platform.url}${path}`, {
      method,
      headers: {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', ...(body ? {'content-type': 'application/json'} : {}), ...headers},
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`)
    return text ? JSON.parse(text) : undefined
  }
  return {platform, queries, call, async close() {
    await platform.close()
    rmSync(dir, {recursive: true, force: true})
  }}
}

const create = (b: Bench, app: string) => b.call('POST', `/apps/${app}/addons`, {plan: 'heroku-redis'})

// creates per second, one at a time, on an empty app and on one already holding FULL add-ons of the
// same service. The platform runs in its own process, as it does for users: in this one, the
// client's and the provider's work would interleave with PostgreSQL's waits and count against it.
async function createRates(provider: TestProvider, store: 'sqlite' | 'postgres'): Promise<{empty: number; full: number}> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-creates-'))
  const manifestFile = join(dir, 'manifest.json')
  writeFileSync(manifestFile, JSON.stringify(provider.manifest))
  const databaseUrl = store === 'postgres' ? await freshPostgresSchema(PG_URL!) : ''
  const instance = await launchInstance(join(dir, 'data'), manifestFile, databaseUrl, {rateLimit: false, accounts: [{email: 'bench@example.com', apiKey: KEY}]})
  const headers = {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'}
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${instance.url}${path}`, {method: 'POST', headers, body: JSON.stringify(body)})
    if (res.status !== 201) throw new Error(`POST ${path}: HTTP ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  try {
    await post('/apps', {name: 'empty-app'})
    await post('/apps', {name: 'full-app'})
    await load(FULL, 8, () => post('/apps/full-app/addons', {plan: 'heroku-redis'}))
    // PostgreSQL plans by table statistics, which autovacuum refreshes within a minute of such a
    // fill; measure the steady state, not the minute after
    if (store === 'postgres') await analyze(databaseUrl)
    await post('/apps/empty-app/addons', {plan: 'heroku-redis'})
    // taking turns, so a background pause or PostgreSQL's autovacuum falls on both alike
    const rates = {empty: [] as number[], full: [] as number[]}
    for (let round = 0; round < 4; round++) {
      rates.empty.push((await load(40, 1, () => post('/apps/empty-app/addons', {plan: 'heroku-redis'}))).perSecond)
      rates.full.push((await load(40, 1, () => post('/apps/full-app/addons', {plan: 'heroku-redis'}))).perSecond)
    }
    return {empty: median(rates.empty), full: median(rates.full)}
  } finally {
    stop(instance)
    rmSync(dir, {recursive: true, force: true})
  }
}

async function analyze(databaseUrl: string): Promise<void> {
  const {default: pg} = await import('pg')
  const client = new pg.Client({connectionString: databaseUrl})
  await client.connect()
  await client.query('analyze apps, addons, attachments, config_vars, releases')
  await client.end()
}

// statements one request runs (the least of 3 tries, so a stray background query does not count)
async function queriesOf(b: Bench, request: () => Promise<unknown>): Promise<number> {
  let least = Infinity
  for (let i = 0; i < 3; i++) {
    const before = b.queries.count
    await request()
    least = Math.min(least, b.queries.count - before)
  }
  return least
}

async function hotRouteQueries(provider: TestProvider, store: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const b = await open(provider, store, {bucket: 1_000_000, refillPerMinute: 0})
  try {
    await b.call('POST', '/apps', {name: 'small-app'})
    await b.call('POST', '/apps', {name: 'other-app'})
    await b.call('POST', '/apps', {name: 'big-app'})
    const attachee = async (app: string) => (await b.call('POST', `/apps/${app}/addons`, {plan: 'heroku-redis'})).id as string
    await create(b, 'small-app')
    const routes = (app: string, page: number) => ({
      'list add-ons': () => b.call('GET', `/apps/${app}/addons`, undefined, {range: `id ..; max=${page}`}),
      create: () => create(b, app),
      attach: async () => {
        const id = await attachee('other-app')
        return queriesOf(b, () => b.call('POST', '/addon-attachments', {addon: id, app, name: `AT_${randomUUID().slice(0, 8).toUpperCase()}`}))
      },
      'config:set': () => b.call('PATCH', `/apps/${app}/config-vars`, {[`K_${randomUUID().slice(0, 6).toUpperCase()}`]: 'v'}),
    })
    const measure = async (app: string, page: number) => {
      const out: Record<string, number> = {}
      for (const [name, run] of Object.entries(routes(app, page))) {
        out[name] = name === 'attach' ? await (run as () => Promise<number>)() : await queriesOf(b, run)
      }
      return out
    }
    const small = await measure('small-app', 10)
    await load(FULL, 8, () => create(b, 'big-app'))
    const smallBigAccount = await measure('small-app', 10)
    const big = await measure('big-app', 10)
    const bigPage = await measure('big-app', 200)
    return Object.keys(small).map((route) => {
      const counts = [small[route], smallBigAccount[route], big[route], bigPage[route]]
      const constant = counts.every((c) => c === counts[0])
      return {
        metric: `${store}: queries per ${route} (app of 1 / account of ${FULL} / app of ${FULL} / page 200 of it)`,
        measured: counts.join(' / '),
        target: 'the same in every column',
        ok: constant,
      }
    })
  } finally {
    await b.close()
  }
}

// GET /apps/X/addons throughput (8 in flight), with the shared rate limit on and off
async function rateLimitCost(provider: TestProvider, store: 'sqlite' | 'postgres'): Promise<{on: number; off: number}> {
  const rates: number[] = []
  for (const limit of [false, {bucket: 10_000_000, refillPerMinute: 0}] as const) {
    const b = await open(provider, store, limit)
    try {
      await b.call('POST', '/apps', {name: 'list-app'})
      for (let i = 0; i < 20; i++) await create(b, 'list-app')
      const list = () => b.call('GET', '/apps/list-app/addons')
      await load(200, 8, list)
      rates.push((await load(2000, 8, list)).perSecond)
    } finally {
      await b.close()
    }
  }
  return {off: rates[0], on: rates[1]}
}

// one instance vs two (separate processes, one PostgreSQL), requests alternating between them
async function twoInstances(provider: TestProvider): Promise<{one: number; two: number}> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-two-'))
  const manifestFile = join(dir, 'manifest.json')
  writeFileSync(manifestFile, JSON.stringify(provider.manifest))
  const databaseUrl = await freshPostgresSchema(PG_URL!)
  const options = {rateLimit: {bucket: 10_000_000, refillPerMinute: 0}, accounts: [{email: 'bench@example.com', apiKey: KEY}]}
  const instances = [await launchInstance(join(dir, 'a'), manifestFile, databaseUrl, options), await launchInstance(join(dir, 'b'), manifestFile, databaseUrl, options)]
  try {
    const headers = {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'}
    await fetch(`${instances[0].url}/apps`, {method: 'POST', headers, body: JSON.stringify({name: 'two-app'})})
    for (let i = 0; i < 20; i++) await fetch(`${instances[i % 2].url}/apps/two-app/addons`, {method: 'POST', headers, body: JSON.stringify({plan: 'heroku-redis'})})
    let n = 0
    const get = (urls: string[]) => async () => {
      const res = await fetch(`${urls[n++ % urls.length]}/apps/two-app/addons`, {headers})
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
      await res.arrayBuffer()
    }
    await load(200, 8, get([instances[0].url, instances[1].url]))
    const one = await load(2000, 8, get([instances[0].url]))
    const two = await load(2000, 8, get(instances.map((i) => i.url)))
    return {one: one.perSecond, two: two.perSecond}
  } finally {
    for (const i of instances) stop(i)
    rmSync(dir, {recursive: true, force: true})
  }
}

export async function benchScaleOut(): Promise<BenchRow[]> {
  const provider = await startSmallConfigProvider()
  const rows: BenchRow[] = []
  const perSecond = (n: number) => `${n.toFixed(0)}/s`
  try {
    const stores: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']
    const rates: Record<string, {empty: number; full: number}> = {}
    for (const store of stores) {
      const r = (rates[store] = await createRates(provider, store))
      rows.push({metric: `${store}: creates/s one at a time, app of ${FULL} vs empty app`, measured: `${perSecond(r.full)} vs ${perSecond(r.empty)} (${(r.full / r.empty).toFixed(2)}x)`, target: '>= 0.8x', ok: r.full / r.empty >= 0.8})
    }
    if (rates.postgres) {
      const ratio = rates.postgres.empty / rates.sqlite.empty
      rows.push({metric: 'creates/s one at a time, PostgreSQL vs SQLite (empty app)', measured: `${perSecond(rates.postgres.empty)} vs ${perSecond(rates.sqlite.empty)} (${ratio.toFixed(2)}x)`, target: '>= 0.5x', ok: ratio >= 0.5})
    }
    for (const store of stores) {
      const r = await rateLimitCost(provider, store)
      rows.push({metric: `${store}: GET /apps/X/addons (20 add-ons, 8 in flight), shared rate limit on vs off`, measured: `${perSecond(r.on)} vs ${perSecond(r.off)} (${(r.on / r.off).toFixed(2)}x)`, target: '>= 0.8x', ok: r.on / r.off >= 0.8})
    }
    for (const store of stores) rows.push(...(await hotRouteQueries(provider, store)))
    if (PG_URL) {
      const r = await twoInstances(provider)
      rows.push({metric: 'postgres: GET /apps/X/addons, two instances vs one (8 in flight, 2 cores)', measured: `${perSecond(r.two)} vs ${perSecond(r.one)} (${(r.two / r.one).toFixed(2)}x)`, target: '>= 0.8x (no collapse)', ok: r.two / r.one >= 0.8})
    } else {
      rows.push({metric: 'PostgreSQL rows', measured: 'skipped', target: 'set ADDONKIT_BENCH_DATABASE_URL'})
    }
    return rows
  } finally {
    await provider.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatTable('Scale-out', await benchScaleOut()))
}
