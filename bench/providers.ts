// Provisioning speed of the built-in services and the memory an idle redis add-on costs.
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
