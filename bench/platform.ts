import {randomUUID} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import Fastify from 'fastify'
import {startPlatform} from '../src/platform/start.js'
import {configColumns} from '../src/platform/store/config-columns.js'
import {startTestProvider} from '../test/fixtures/providers/test-provider.js'
import {load} from './load.js'
import {type BenchRow, formatTable} from './table.js'

// Platform bench: add-on creates against a local provider (overhead per provision) and
// GET /apps/X/addons with 10,000 add-ons against a bare fastify route serving the same JSON,
// measured in the same run with the same bounded loop of concurrent requests.

const KEY = 'bench-key'
const ADDONS = 10_000
const CONCURRENCY = 8

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, {headers})
  if (res.status >= 300) throw new Error(`${url}: HTTP ${res.status}`)
  return res.json()
}

export default async function benchPlatform(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-'))
  const provider = await startTestProvider()
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [provider.manifest],
    builtinProviders: false, writeState: false, log: () => {},
    // the bench sends far more than Heroku's 2,400-request bucket
    rateLimit: false,
  })
  const bare = Fastify({logger: false})
  const auth = {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3'}
  try {
    const post = (path: string, body: unknown) => fetch(`${platform.url}${path}`, {method: 'POST', headers: {...auth, 'content-type': 'application/json'}, body: JSON.stringify(body)})
    await post('/apps', {name: 'bench-app'})
    await post('/apps', {name: 'bench-big'})

    // provision: the provider call alone, then the same call through the platform
    const directCall = () =>
      fetch(`${provider.url}/heroku/resources`, {
        method: 'POST',
        headers: {authorization: `Basic ${Buffer.from(`heroku-redis:${provider.manifest.api.password}`).toString('base64')}`, 'content-type': 'application/json'},
        body: JSON.stringify({uuid: randomUUID(), plan: 'mini'}),
      }).then((r) => r.json())
    const create = async () => {
      const res = await post('/apps/bench-app/addons', {plan: 'heroku-redis', attachment: {name: `A_${randomUUID().slice(0, 8).toUpperCase()}`}})
      if (res.status !== 201) throw new Error(`create: HTTP ${res.status} ${await res.text()}`)
    }
    const direct = await load(200, CONCURRENCY, directCall)
    const creates = await load(200, CONCURRENCY, create)
    // overhead: one create at a time through the platform vs the provider call alone
    const directOne = await load(100, 1, directCall)
    const createOne = await load(100, 1, create)
    const overhead = 1000 / createOne.perSecond - 1000 / directOne.perSecond

    // 10,000 add-ons on one app, written straight to the store (their creation is not what is measured)
    const {store, catalog} = platform.services.ctx
    const app = await store.db.selectFrom('apps').selectAll().where('name', '=', 'bench-big').executeTakeFirstOrThrow()
    const service = catalog.serviceByName('heroku-redis')!
    const plan = catalog.defaultPlan(service)
    const at = new Date().toISOString()
    await store.transaction(async (tx) => {
      for (let i = 0; i < ADDONS; i += 500) {
        const rows = Array.from({length: Math.min(500, ADDONS - i)}, (_, j) => ({
          id: randomUUID(), name: `redis-bench-${i + j}`, service_id: service.row.id, plan_id: plan.id, app_id: app.id, state: 'provisioned' as const,
          provider_id: `p${i + j}`, ...configColumns(service.manifest, {REDIS_URL: `redis://h:secret@127.0.0.1:${i + j}`}), staged_config: null, provision_message: null, instance_id: null, created_at: at, updated_at: at,
        }))
        await tx.insertInto('addons').values(rows).execute()
        await tx.insertInto('attachments').values(rows.map((r, j) => ({id: randomUUID(), addon_id: r.id, app_id: app.id, addon_app_id: app.id, name: `R_${i + j}`, namespace: null, created_at: at, updated_at: at}))).execute()
      }
    })

    const listUrl = `${platform.url}/apps/bench-big/addons`
    const listHeaders = {...auth, 'accept-expansion': 'addon_service,plan'}
    const sample = await getJson(listUrl, listHeaders)
    bare.get('/apps/bench-big/addons', async () => sample)
    await bare.listen({port: 0, host: '127.0.0.1'})
    const address = bare.server.address()
    const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/apps/bench-big/addons`

    await load(100, CONCURRENCY, () => getJson(listUrl, listHeaders))
    await load(100, CONCURRENCY, () => getJson(bareUrl))
    // latency with one request in flight (no queueing), throughput with 8
    const listLatency = await load(500, 1, () => getJson(listUrl, listHeaders))
    const bareLatency = await load(500, 1, () => getJson(bareUrl))
    const list = await load(1000, CONCURRENCY, () => getJson(listUrl, listHeaders))
    const bareStats = await load(1000, CONCURRENCY, () => getJson(bareUrl))

    const ms = (n: number) => `${n.toFixed(2)} ms`
    return [
      {metric: 'add-on creates/s (sync provider, 8 in flight)', measured: creates.perSecond.toFixed(0), target: `provider alone: ${direct.perSecond.toFixed(0)}/s`},
      {metric: 'platform overhead per provision', measured: ms(overhead), target: '< 5 ms', ok: overhead < 5},
      {metric: `GET /apps/X/addons p50 (${ADDONS} add-ons, page 200, 1 in flight)`, measured: ms(listLatency.p50), target: `bare fastify: ${ms(bareLatency.p50)}`},
      {metric: `GET /apps/X/addons p99 (${ADDONS} add-ons, page 200, 1 in flight)`, measured: ms(listLatency.p99), target: `< 20 ms (bare: ${ms(bareLatency.p99)})`, ok: listLatency.p99 < 20},
      {metric: 'GET /apps/X/addons throughput (8 in flight)', measured: `${list.perSecond.toFixed(0)}/s`, target: `>= 1/3 of bare ${bareStats.perSecond.toFixed(0)}/s`, ok: list.perSecond >= bareStats.perSecond / 3},
      {metric: 'GET /apps/X/addons p99 (8 in flight)', measured: ms(list.p99), target: `bare fastify: ${ms(bareStats.p99)}`},
    ]
  } finally {
    await bare.close()
    await platform.close()
    await provider.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatTable('Platform', await benchPlatform()))
}
