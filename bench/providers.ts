// Provisioning speed of the built-in services, the memory an idle redis add-on costs, and how a kv
// write's cost depends on what the resource already holds.
// Run: node --import tsx bench/providers.ts  (PostgreSQL rows need ADDONKIT_TEST_POSTGRES_ADMIN_URL)
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import Fastify from 'fastify'
import pg from 'pg'
import {loadBuiltinProviders} from '../src/providers/builtin.js'
import {findExecutable} from '../src/providers/builtin/find-executable.js'
import type {ProviderManifest} from '../src/providers/kit/manifest-types.js'
import {type BenchRow, formatTable, median} from './table.js'

function row(metric: string, measured: string, target: string, ok?: boolean): BenchRow {
  return {metric, measured, target, ok}
}

const rounds = 20
// The partner API asks providers to answer a provision within about 3 s (else go async).
const provisionReference = 'Heroku partner API: answer within ~3 s'

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({connectionString: url, connectionTimeoutMillis: 2_000})
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  return Number(line?.match(/\d+/)?.[0] ?? 0) * 1024
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const MB = 1024 * 1024
const kvPuts = 2_000

// 100-byte PUTs through HTTP, as an app makes them, one at a time, each to a new key: on a
// standard resource just provisioned and on one already holding 90 MB (filled with 1 MB values).
// The two take turns, so a busy moment of the machine (or of SQLite's checkpoints) falls on both.
async function benchKvPuts(manifest: ProviderManifest): Promise<BenchRow[]> {
  const baseUrl = (manifest.api.production as {base_url: string}).base_url
  const providerAuth = `Basic ${Buffer.from(`${manifest.id}:${manifest.api.password}`).toString('base64')}`
  const provision = async () => {
    const response = await fetch(baseUrl, {
      method: 'POST',
      headers: {authorization: providerAuth, 'content-type': 'application/json'},
      body: JSON.stringify({uuid: crypto.randomUUID(), plan: 'standard', region: 'amazon-web-services::us-east-1', name: 'bench-kv'}),
    })
    if (!response.ok) throw new Error(`kv provision answered ${response.status}: ${await response.text()}`)
    const url = new URL(((await response.json()) as {config: {KV_URL: string}}).config.KV_URL)
    const authorization = `Basic ${Buffer.from(`${url.username}:`).toString('base64')}`
    url.username = ''
    // Resolves to the time the PUT took, in ms.
    return async (key: string, value: Buffer<ArrayBuffer>): Promise<number> => {
      const started = performance.now()
      const put = await fetch(`${url}/${key}`, {method: 'PUT', body: value, headers: {authorization}})
      const took = performance.now() - started
      if (put.status !== 204) throw new Error(`kv PUT answered ${put.status}: ${await put.text()}`)
      return took
    }
  }
  const empty = await provision()
  const full = await provision()
  const chunk = Buffer.alloc(MB, 'f')
  for (let i = 0; i < 90; i++) await full(`fill-${i}`, chunk)

  const value = Buffer.alloc(100, 'v')
  for (let i = 0; i < 100; i++) {
    await empty(`warm-${i}`, value)
    await full(`warm-${i}`, value)
  }
  const times = {empty: [] as number[], full: [] as number[]}
  for (let i = 0; i < kvPuts; i++) {
    times.empty.push(await empty(`key-${i}`, value))
    times.full.push(await full(`key-${i}`, value))
  }
  const emptyP = {p50: percentile(times.empty, 50), p99: percentile(times.empty, 99)}
  const fullP = {p50: percentile(times.full, 50), p99: percentile(times.full, 99)}
  const show = ({p50, p99}: {p50: number; p99: number}) => `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`
  const metric = (state: string) => `kv PUT of 100 B, standard plan, ${state} (${kvPuts} PUTs)`
  return [
    row(metric('empty resource'), show(emptyP), 'reference; JSON file per resource (before): 1.4 ms'),
    row(metric('90 MB stored'), show(fullP), `p99 < 5 ms and <= 2x empty (${(2 * emptyP.p99).toFixed(2)} ms); before: 686 ms`, fullP.p99 < 5 && fullP.p99 <= 2 * emptyP.p99),
  ]
}

export async function benchProviders(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-bench-'))
  const adminUrl = process.env.ADDONKIT_TEST_POSTGRES_ADMIN_URL
  const app = Fastify()
  const builtins = await loadBuiltinProviders(app, {dataDir, postgresAdminUrl: adminUrl})
  const rows: BenchRow[] = []
  try {
    const manifests = await builtins.start(await app.listen({host: '127.0.0.1', port: 0}))
    const call = async (manifest: ProviderManifest, method: string, path: string, body?: unknown) => {
      const baseUrl = (manifest.api.production as {base_url: string}).base_url
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${manifest.id}:${manifest.api.password}`).toString('base64')}`,
          ...(body ? {'content-type': 'application/json'} : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      })
      if (!response.ok) throw new Error(`${manifest.id} ${method} answered ${response.status}: ${await response.text()}`)
    }
    const services: [string, string | false][] = [
      ['kv', false],
      ['redis', findExecutable('redis-server') ? false : 'redis-server not installed'],
      ['postgresql', adminUrl && (await postgresReachable(adminUrl)) ? false : 'set ADDONKIT_TEST_POSTGRES_ADMIN_URL'],
    ]
    for (const [id, skipped] of services) {
      const name = `provision ${id} (median of ${rounds})`
      if (skipped) {
        rows.push(row(name, `skipped: ${skipped}`, provisionReference))
        continue
      }
      const manifest = manifests.find((m) => m.id === id)!
      const plan = manifest.plans!.find((p) => p.default)!.name
      const times: number[] = []
      const ids: string[] = []
      for (let i = 0; i < rounds; i++) {
        const uuid = crypto.randomUUID()
        const started = performance.now()
        await call(manifest, 'POST', '', {uuid, plan, region: 'amazon-web-services::us-east-1', name: `bench-${i}`})
        times.push(performance.now() - started)
        ids.push(uuid)
      }
      rows.push(row(name, `${median(times).toFixed(1)} ms`, provisionReference, median(times) < 3_000))
      if (id === 'redis') {
        const rss = ids.map((uuid) => rssOf(Number(readFileSync(join(dataDir, 'providers', 'redis', uuid, 'redis.pid'), 'utf8'))))
        rows.push(row('RSS per idle redis add-on (median)', `${(median(rss) / 1024 / 1024).toFixed(1)} MB`, 'informative (plan mini allows 25 MB of data)'))
      }
      for (const uuid of ids) await call(manifest, 'DELETE', `/${uuid}`)
    }
    rows.push(...(await benchKvPuts(manifests.find((m) => m.id === 'kv')!)))
  } finally {
    await builtins.close()
    await app.close()
    rmSync(dataDir, {recursive: true, force: true})
  }
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable('Built-in providers', await benchProviders()))
}
