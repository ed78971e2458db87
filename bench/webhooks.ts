import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {startPlatform, type RunningPlatform} from '../src/platform/start.js'
import {freshPostgresSchema} from '../test/platform/helpers.js'
import {now, type RemoteReceiver, startReceiverProcess} from './webhook-receivers.js'
import {type BenchRow, formatTable, median} from './table.js'

// App webhooks (issue 13): how soon a `notify` delivery reaches a local receiver after the change
// that caused it was answered; deliveries/s fanned out to 8 receivers; and what 10 subscriptions
// cost `config:set` (PATCH config-vars) beside an app with none. On SQLite, and on PostgreSQL when
// ADDONKIT_BENCH_DATABASE_URL (or ADDONKIT_TEST_DATABASE_URL) is set.
// The receivers run in a child process (webhook-receivers.ts): a real receiver is another service,
// and parsing its requests in the platform's own event loop would charge the platform for work no
// deployment makes it do. The client making the changes stays in this process, alike for both apps.

const KEY = 'bench-key'
const PG_URL = process.env.ADDONKIT_BENCH_DATABASE_URL ?? process.env.ADDONKIT_TEST_DATABASE_URL
const LATENCY_CHANGES = 200
const FAN_OUT_RECEIVERS = 8
const FAN_OUT_CHANGES = 100
const CONFIG_SET_HOOKS = 10
const CONFIG_SET_CHANGES = 200
const CONFIG_SET_BLOCK = 25
const WARM_UP = 20
const ARRIVAL_TIMEOUT_MS = 60_000

type Store = 'sqlite' | 'postgres'

async function open(store: Store): Promise<{platform: RunningPlatform; close(): Promise<void>}> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-webhooks-'))
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [],
    builtinProviders: false, writeState: false, log: () => {}, rateLimit: false,
    databaseUrl: store === 'postgres' ? await freshPostgresSchema(PG_URL!) : undefined,
  })
  return {
    platform,
    async close() {
      await platform.close()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}

async function api(platform: RunningPlatform, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`)
  return text ? JSON.parse(text) : undefined
}

// One release per call, so one api:release event for each subscription.
const configSet = (platform: RunningPlatform, app: string, i: number) => api(platform, 'PATCH', `/apps/${app}/config-vars`, {BENCH_COUNTER: String(i)})

async function appWithHooks(platform: RunningPlatform, app: string, receivers: RemoteReceiver[]): Promise<void> {
  await api(platform, 'POST', '/apps', {name: app})
  for (const receiver of receivers) await api(platform, 'POST', `/apps/${app}/webhooks`, {url: receiver.url, include: ['api:release'], level: 'notify'})
}

// resolves with when the count-th delivery arrived (on now()'s clock)
function arrivals(receiver: RemoteReceiver, count: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    receiver.arrivals(count),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${receiver.url}: ${count} deliveries did not all arrive`)), ARRIVAL_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer))
}

// CPU time of this process's main thread (the platform's event loop, and the client's), in ms; Linux
// only. Unlike wall time it hardly moves with what else the machine runs, so it says what the
// deliveries cost the loop that answers API calls even on a busy machine.
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`
const mainThreadMs = (): number | undefined => (existsSync(SCHEDSTAT) ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : undefined)

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

// Sequential changes; each one's delivery awaited before the next. A delivery that arrives before
// the PATCH's answer counts as 0 ms (and is counted).
async function notifyLatency(platform: RunningPlatform): Promise<{p50: number; p99: number; beforeAnswer: number}> {
  const remote = await startReceiverProcess(1, 204)
  const [receiver] = remote.receivers
  try {
    await appWithHooks(platform, 'latency-app', [receiver])
    const latencies: number[] = []
    let beforeAnswer = 0
    for (let i = 0; i < WARM_UP + LATENCY_CHANGES; i++) {
      const arrived = arrivals(receiver, i + 1)
      await configSet(platform, 'latency-app', i)
      const answered = now()
      const latency = (await arrived) - answered
      if (i < WARM_UP) continue
      if (latency < 0) beforeAnswer++
      latencies.push(Math.max(0, latency))
    }
    return {p50: percentile(latencies, 50), p99: percentile(latencies, 99), beforeAnswer}
  } finally {
    await remote.close()
  }
}

// Changes made back to back; the clock stops when every receiver has every delivery.
async function fanOut(platform: RunningPlatform): Promise<{perSecond: number; ms: number}> {
  const remote = await startReceiverProcess(FAN_OUT_RECEIVERS, 204)
  const {receivers} = remote
  try {
    await appWithHooks(platform, 'fan-app', receivers)
    for (let i = 0; i < WARM_UP; i++) await configSet(platform, 'fan-app', i)
    await Promise.all(receivers.map((r) => arrivals(r, WARM_UP)))
    const t0 = performance.now()
    for (let i = 0; i < FAN_OUT_CHANGES; i++) await configSet(platform, 'fan-app', WARM_UP + i)
    await Promise.all(receivers.map((r) => arrivals(r, WARM_UP + FAN_OUT_CHANGES)))
    const ms = performance.now() - t0
    return {perSecond: ((FAN_OUT_RECEIVERS * FAN_OUT_CHANGES) / ms) * 1000, ms}
  } finally {
    await remote.close()
  }
}

// Blocks of sequential PATCHes taking turns between the bare app and the hooked app, so a burst of
// load on the machine falls on both alike; within a hooked block the deliveries run meanwhile, as they
// would for a user setting vars one after another, and are all in before the next bare block starts.
async function configSetCost(platform: RunningPlatform): Promise<{bare: number; hooked: number; settled: number; cpu?: {bare: number; hooked: number}}> {
  const remote = await startReceiverProcess(CONFIG_SET_HOOKS, 204)
  const {receivers} = remote
  try {
    await appWithHooks(platform, 'bare-app', [])
    await appWithHooks(platform, 'hooked-app', receivers)
    const times = {bare: [] as number[], hooked: [] as number[], settled: [] as number[]}
    const cpu = {bare: 0, hooked: 0}
    const block = async (app: 'bare-app' | 'hooked-app', from: number, count: number, record: boolean) => {
      const cpu0 = mainThreadMs()
      for (let i = from; i < from + count; i++) {
        const t0 = performance.now()
        await configSet(platform, app, i)
        if (record) times[app === 'bare-app' ? 'bare' : 'hooked'].push(performance.now() - t0)
      }
      // every delivery made it: the hooked app really had 10 live subscriptions
      if (app === 'hooked-app') await Promise.all(receivers.map((r) => arrivals(r, from + count)))
      if (record && cpu0 !== undefined) cpu[app === 'bare-app' ? 'bare' : 'hooked'] += mainThreadMs()! - cpu0
    }
    await block('bare-app', 0, WARM_UP, false)
    await block('hooked-app', 0, WARM_UP, false)
    for (let from = WARM_UP; from < WARM_UP + CONFIG_SET_CHANGES; from += CONFIG_SET_BLOCK) {
      await block('bare-app', from, CONFIG_SET_BLOCK, true)
      await block('hooked-app', from, CONFIG_SET_BLOCK, true)
    }
    // the same PATCH with the previous change's deliveries all in first: what the transaction alone costs
    const done = WARM_UP + CONFIG_SET_CHANGES
    for (let i = done; i < done + CONFIG_SET_CHANGES; i++) {
      const t0 = performance.now()
      await configSet(platform, 'hooked-app', i)
      times.settled.push(performance.now() - t0)
      await Promise.all(receivers.map((r) => arrivals(r, i + 1)))
    }
    const perChange = (ms: number) => ms / CONFIG_SET_CHANGES
    return {
      bare: median(times.bare), hooked: median(times.hooked), settled: median(times.settled),
      cpu: mainThreadMs() === undefined ? undefined : {bare: perChange(cpu.bare), hooked: perChange(cpu.hooked)},
    }
  } finally {
    await remote.close()
  }
}

export async function benchWebhooks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const ms = (n: number) => `${n.toFixed(2)} ms`
  const stores: Store[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']
  for (const store of stores) {
    const b = await open(store)
    try {
      const latency = await notifyLatency(b.platform)
      rows.push({metric: `${store}: notify latency p50, PATCH config-vars answered -> receiver's request (${LATENCY_CHANGES} changes)`, measured: ms(latency.p50), target: `informative (${latency.beforeAnswer} of ${LATENCY_CHANGES} arrived before the answer)`})
      rows.push({metric: `${store}: notify latency p99`, measured: ms(latency.p99), target: '< 100 ms', ok: latency.p99 < 100})
      const fan = await fanOut(b.platform)
      rows.push({
        metric: `${store}: deliveries/s, ${FAN_OUT_RECEIVERS} receivers on one app (${FAN_OUT_CHANGES} back-to-back changes, until all ${FAN_OUT_RECEIVERS * FAN_OUT_CHANGES} arrived)`,
        measured: `${Math.round(fan.perSecond).toLocaleString('en-US')}/s (${ms(fan.ms)})`,
        target: 'informative',
      })
      const cost = await configSetCost(b.platform)
      const ratio = cost.hooked / cost.bare
      rows.push({
        metric: `${store}: config:set median with ${CONFIG_SET_HOOKS} webhooks (api:release, notify, 204) vs none (${CONFIG_SET_CHANGES} each, blocks of ${CONFIG_SET_BLOCK} taking turns)`,
        measured: `${ms(cost.hooked)} vs ${ms(cost.bare)}: ${ratio.toFixed(2)}x`,
        target: '<= 1.2x',
        ok: ratio <= 1.2,
      })
      if (cost.cpu) {
        rows.push({
          metric: `${store}: main-thread CPU per config:set, ${CONFIG_SET_HOOKS} webhooks vs none (the same blocks; deliveries included)`,
          measured: `${ms(cost.cpu.hooked)} vs ${ms(cost.cpu.bare)}: ${(cost.cpu.hooked / cost.cpu.bare).toFixed(2)}x`,
          target: 'informative (steady when the machine is busy)',
        })
      }
      rows.push({
        metric: `${store}: config:set median with ${CONFIG_SET_HOOKS} webhooks, each change's deliveries all in before the next (${CONFIG_SET_CHANGES})`,
        measured: `${ms(cost.settled)}: ${(cost.settled / cost.bare).toFixed(2)}x`,
        target: 'informative (the change without deliveries running beside it)',
      })
    } finally {
      await b.close()
    }
  }
  if (!PG_URL) rows.push({metric: 'PostgreSQL rows', measured: 'skipped', target: 'set ADDONKIT_BENCH_DATABASE_URL'})
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatTable('Webhooks', await benchWebhooks()))
}
