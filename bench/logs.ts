import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {createServer, request as httpRequest, type IncomingMessage} from 'node:http'
import {tmpdir} from 'node:os'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import Fastify from 'fastify'
import {startPlatform, type RunningPlatform} from '../src/platform/start.js'
import {inputFrame, LOGPLEX_CONTENT_TYPE, logTime, parseDrainMessage, parseInputBody, parseLogLine, splitFrames} from '../src/wire/logplex.js'
import {freshPostgresSchema} from '../test/platform/helpers.js'
import {startLogProvider, type LogProvider} from '../test/platform/logs/log-provider.js'
import {measureAll} from './cli.js'
import {type BenchRow, formatTable, median} from './table.js'

// The app's log stream (issue 12): Logplex input throughput beside a bare route that only parses;
// how soon a line written through POST /logs reaches an open tail; drain delivery to a local
// receiver, and what a dead drain costs. On SQLite, and on PostgreSQL when ADDONKIT_BENCH_DATABASE_URL
// (or ADDONKIT_TEST_DATABASE_URL) is set.
//
// `addonkit logs -n 1500` is timed on the built bin/run.js only when dist/ is newer than its sources
// (bin/dev.js compiles TypeScript as it starts: not comparable with `node -e 0`).

const KEY = 'bench-key'
const PG_URL = process.env.ADDONKIT_BENCH_DATABASE_URL ?? process.env.ADDONKIT_TEST_DATABASE_URL
const WRITERS = 8
const BATCH = 500
// rounds taking turns with the bare route, so a burst of load on the machine falls on both alike
const WRITE_ROUNDS = 3
const WRITE_MS = 1500
const TAIL_POSTS = 500
const TAIL_SPACING_MS = 5
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LOGS_WALL_RATIO = 2.5
const HISTORY = 1500
const DEAD_DRAIN_LINES = 100_000
// what the writers offer a live drain: twice its target
const DRAIN_OFFERED = 40_000
const DRAIN_RSS_MB = 50

interface Target {
  url: string
  authorization: string
}

interface Bench {
  platform: RunningPlatform
  input: Target
  close(): Promise<void>
}

async function open(provider: LogProvider, store: 'sqlite' | 'postgres'): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-logs-'))
  const platform = await startPlatform({
    port: 0, dataDir: dir, accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [provider.manifest],
    builtinProviders: false, writeState: false, log: () => {}, rateLimit: false,
    databaseUrl: store === 'postgres' ? await freshPostgresSchema(PG_URL!) : undefined,
  })
  const close = async () => {
    await platform.close()
    rmSync(dir, {recursive: true, force: true})
  }
  try {
    await api(platform, 'POST', '/apps', {name: 'log-app'})
    await api(platform, 'POST', '/apps/log-app/addons', {plan: 'loggy:basic', name: 'bench-loggy'})
    const url = new URL(provider.provisions.at(-1)!.log_input_url!)
    const authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    url.username = ''
    url.password = ''
    return {platform, input: {url: url.toString(), authorization}, close}
  } catch (error) {
    await close()
    throw error
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

async function postLogs(target: Target, body: Uint8Array<ArrayBuffer> | string, count: number): Promise<void> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: {authorization: target.authorization, 'content-type': LOGPLEX_CONTENT_TYPE, 'logplex-msg-count': String(count)},
    body,
  })
  if (res.status !== 204) throw new Error(`POST /logs: HTTP ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
}

// Bodies of BATCH frames whose messages look like a router's (about 120 bytes each), encoded once.
function inputBodies(): Uint8Array<ArrayBuffer>[] {
  return Array.from({length: 16}, (_, b) => {
    const frames = Array.from({length: BATCH}, (_, i) => {
      const n = b * BATCH + i
      const message = `at=info method=GET path="/items/${n}" host=log-app.example.com fwd="10.0.${b}.${i % 250}" dyno=web.${(n % 4) + 1} connect=1ms service=${n % 90}ms status=200 bytes=${1000 + (n % 9000)}`
      return inputFrame({time: logTime(), host: 'bench-loggy', app: 'app', process: `web.${(n % 4) + 1}`, message})
    })
    return new Uint8Array(Buffer.from(frames.join('')))
  })
}

// WRITERS writers posting bodies back to back, for `ms` or until `lines` are written; at most
// `pace` lines/s when given (batch N is not sent before N * BATCH / pace seconds).
async function write(target: Target, bodies: Uint8Array<ArrayBuffer>[], until: {ms?: number; lines?: number; pace?: number}): Promise<{lines: number; perSecond: number}> {
  let lines = 0
  let started = 0
  const t0 = performance.now()
  const deadline = t0 + (until.ms ?? Infinity)
  const writer = async () => {
    while (performance.now() < deadline && (until.lines === undefined || started * BATCH < until.lines)) {
      const batch = started++
      const due = until.pace === undefined ? 0 : t0 + (batch * BATCH * 1000) / until.pace - performance.now()
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due))
      await postLogs(target, bodies[batch % bodies.length], BATCH)
      lines += BATCH
    }
  }
  await Promise.all(Array.from({length: WRITERS}, writer))
  return {lines, perSecond: (lines / (performance.now() - t0)) * 1000}
}

// The reference: fastify on 127.0.0.1 taking the same bodies, parsing them and keeping nothing.
async function startBareRoute(): Promise<{target: Target; close(): Promise<void>}> {
  const bare = Fastify({logger: false})
  bare.addContentTypeParser(LOGPLEX_CONTENT_TYPE, {parseAs: 'buffer', bodyLimit: 16 * 1024 * 1024}, (_req, body, done) => done(null, body))
  bare.post<{Body: Buffer}>('/logs', async (request, reply) => {
    const count = parseInputBody(request.body).length
    if (String(count) !== request.headers['logplex-msg-count']) return reply.code(400).send('Message count mismatch')
    return reply.code(204).send()
  })
  await bare.listen({port: 0, host: '127.0.0.1'})
  const address = bare.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {target: {url: `http://127.0.0.1:${port}/logs`, authorization: 'Basic eA=='}, close: () => bare.close()}
}

// An open SSE tail read with a plain streaming request: calls `onMessage` with each line's message
// as its event arrives.
async function openTail(url: string, onMessage: (message: string) => void): Promise<{close(): void}> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, {headers: {accept: 'text/event-stream'}}, resolve)
    req.on('error', reject)
    req.end()
  })
  if (response.statusCode !== 200) throw new Error(`tail: HTTP ${response.statusCode}`)
  response.setEncoding('utf8')
  let buffered = ''
  response.on('data', (chunk: string) => {
    buffered += chunk
    let end
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, end)
      buffered = buffered.slice(end + 2)
      for (const field of event.split('\n')) {
        if (!field.startsWith('data: ')) continue
        const line = parseLogLine(field.slice(6))
        if (line) onMessage(line.message)
      }
    }
  })
  return {close: () => response.destroy()}
}

// From a single-line POST /logs being answered to that line reaching an open tail. The tail may
// see the line before the client has read the 204 (the platform commits, wakes the tail, then
// answers): that counts as 0 ms.
async function tailLatency(b: Bench): Promise<{p50: number; p99: number; beforeAnswer: number}> {
  const session = await api(b.platform, 'POST', '/apps/log-app/log-sessions', {lines: 0, tail: true})
  const arrived = new Map<number, number>()
  const waiting = new Map<number, () => void>()
  const tail = await openTail(session.logplex_url, (message) => {
    const match = /^tail-probe (\d+)$/.exec(message)
    if (!match) return
    const n = Number(match[1])
    arrived.set(n, performance.now())
    waiting.get(n)?.()
  })
  try {
    const latencies: number[] = []
    let beforeAnswer = 0
    for (let i = 0; i < TAIL_POSTS + 20; i++) {
      const seen = new Promise<void>((resolve) => waiting.set(i, resolve))
      const frame = inputFrame({host: 'bench-loggy', app: 'app', process: 'worker.1', message: `tail-probe ${i}`})
      await postLogs(b.input, frame, 1)
      const answered = performance.now()
      await withTimeout(seen, 5000, `tail-probe ${i} never reached the tail`)
      waiting.delete(i)
      // the first 20 warm up
      if (i >= 20) {
        const latency = arrived.get(i)! - answered
        if (latency < 0) beforeAnswer++
        latencies.push(Math.max(0, latency))
      }
      await new Promise((resolve) => setTimeout(resolve, TAIL_SPACING_MS))
    }
    latencies.sort((x, y) => x - y)
    return {p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.floor(latencies.length * 0.99)], beforeAnswer}
  } finally {
    tail.close()
  }
}

// A drain on 127.0.0.1 that counts what it gets: lines, lines reported lost (L10), POSTs, and when
// the last one came.
async function startCountingDrain(): Promise<{url: string; counts: {lines: number; dropped: number; posts: number; last: number}; close(): Promise<void>}> {
  const counts = {lines: 0, dropped: 0, posts: 0, last: 0}
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      // it shares the bench's one thread with the platform: it only splits frames, and reads the
      // first, where an L10 report would be
      const frames = splitFrames(Buffer.concat(chunks))
      const first = frames.length > 0 ? parseDrainMessage(frames[0]) : undefined
      const lost = first?.source === 'heroku' && first.process === 'logplex' ? /^Error L10 \(output buffer overflow\): (\d+) messages dropped/.exec(first.message) : null
      if (lost) counts.dropped += Number(lost[1])
      counts.lines += frames.length - (lost ? 1 : 0)
      counts.posts++
      counts.last = performance.now()
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/drain`, counts, close: () => new Promise((resolve) => server.close(() => resolve()))}
}

// A URL where nothing listens: every delivery fails at once (connection refused).
async function deadDrainUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/dead`
}

// Drain delivery: lines a receiver on 127.0.0.1 got per second, from the first write until it had
// every line (or an L10 report for those it lost), with the writers offering DRAIN_OFFERED lines/s,
// then at full speed (where the drain competes with them for the store). Then a dead drain in its
// place and 100,000 more lines: the process's RSS growth (after a full GC both times), and the
// input rate meanwhile.
async function drainFigures(b: Bench, store: string, bodies: Uint8Array<ArrayBuffer>[]): Promise<BenchRow[]> {
  const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`
  const receiver = await startCountingDrain()
  try {
    const live = await api(b.platform, 'POST', '/apps/log-app/log-drains', {url: receiver.url})
    const deliver = async (pace: number | undefined) => {
      const counts = {...receiver.counts}
      const t0 = performance.now()
      const written = await write(b.input, bodies, {ms: WRITE_MS * 2, pace})
      const got = () => ({lines: receiver.counts.lines - counts.lines, dropped: receiver.counts.dropped - counts.dropped, posts: receiver.counts.posts - counts.posts})
      for (let waited = 0; got().lines + got().dropped < written.lines && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
      const {lines, dropped, posts} = got()
      const rate = (lines / (receiver.counts.last - t0)) * 1000
      const measured = lines + dropped < written.lines
        ? `not caught up after 30 s: ${lines} of ${written.lines} lines`
        : `${perSecond(rate)} (${posts} POSTs; ${dropped.toLocaleString('en-US')} of ${written.lines.toLocaleString('en-US')} lines lost, reported by L10)`
      return {rate, measured, complete: lines + dropped >= written.lines, written}
    }
    const paced = await deliver(DRAIN_OFFERED)
    const flat = await deliver(undefined)
    const rows: BenchRow[] = [
      {metric: `${store}: drain delivery lines/s to a local receiver (writers offering ${perSecond(DRAIN_OFFERED)})`, measured: paced.measured, target: '>= 20,000/s', ok: paced.complete && paced.rate >= 20_000},
      {metric: `${store}: drain delivery lines/s, writers at full speed (${perSecond(flat.written.perSecond)})`, measured: flat.measured, target: 'informative'},
    ]
    await api(b.platform, 'DELETE', `/apps/log-app/log-drains/${live.id}`)
    await api(b.platform, 'POST', '/apps/log-app/log-drains', {url: await deadDrainUrl()})
    await write(b.input, bodies, {lines: 5000})
    const before = settledMemory()
    const input = await write(b.input, bodies, {lines: DEAD_DRAIN_LINES})
    // the delivery keeps trying meanwhile
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const after = settledMemory()
    const growth = (after.rss - before.rss) / 2 ** 20
    rows.push({
      metric: `${store}: RSS growth with a dead drain after ${DEAD_DRAIN_LINES.toLocaleString('en-US')} lines (after GC; heap: ${((after.heap - before.heap) / 2 ** 20).toFixed(1)} MB)`,
      measured: `${growth.toFixed(1)} MB`,
      target: `< ${DRAIN_RSS_MB} MB`,
      ok: growth < DRAIN_RSS_MB,
    })
    rows.push({metric: `${store}: log input lines/s with the dead drain`, measured: perSecond(input.perSecond), target: 'informative (compare the input row)'})
    return rows
  } finally {
    await receiver.close()
  }
}

// RSS and heap after a full collection, so garbage not yet collected does not count as growth.
function settledMemory(): {rss: number; heap: number} {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  const usage = process.memoryUsage()
  return {rss: usage.rss, heap: usage.heapUsed}
}

// `addonkit logs -n 1500` against the platform (its app already holds 1,500 lines), beside
// `node -e 0`, medians of 7 runs taking turns, as bench/cli.ts times `addons`.
async function logsCommandWall(b: Bench): Promise<BenchRow> {
  const metric = `addonkit logs -n ${HISTORY} (plain, piped): wall`
  const target = `<= ${LOGS_WALL_RATIO}x node -e 0`
  const stale = staleBuild()
  if (stale) return {metric, measured: `skipped: ${stale} (npm run build)`, target}
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-bench-logs-cli-'))
  const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: 'production', NO_COLOR: '1', ADDONKIT_API_URL: b.platform.url, ADDONKIT_API_KEY: KEY, ADDONKIT_DATA_DIR: dataDir}
  delete env.DEBUG
  delete env.NODE_OPTIONS
  try {
    const [node, logs] = await measureAll([['-e', '0'], [join(ROOT, 'bin', 'run.js'), 'logs', '--app', 'log-app', '-n', String(HISTORY)]], env, Number(process.env.BENCH_RUNS) || 7)
    const bad = logs.samples.find((s) => s.code !== 0 || s.stdout.split('\n').filter((l) => l.includes(' bench-loggy[')).length !== HISTORY)
    if (bad) return {metric, measured: `failed: exit ${bad.code}, ${bad.stdout.split('\n').length - 1} lines; ${bad.stderr.split('\n')[0].slice(0, 60)}`, target, ok: false}
    const ratio = logs.wallMs / node.wallMs
    return {metric, measured: `${(logs.wallMs / 1000).toFixed(3)} s (${ratio.toFixed(2)}x node ${(node.wallMs / 1000).toFixed(3)} s)`, target, ok: ratio <= LOGS_WALL_RATIO}
  } finally {
    rmSync(dataDir, {recursive: true, force: true})
  }
}

// Why the built CLI cannot be timed: a missing or older build of the command, or a manifest without it.
function staleBuild(): string | undefined {
  // the build leaves a .cjs stub of each bundled command (scripts/bundle.js)
  const built = ['logs.cjs', 'logs.js'].map((file) => join(ROOT, 'dist', 'commands', file)).find((file) => existsSync(file))
  if (!built) return 'dist/commands/logs.cjs missing'
  const sources = ['src/commands/logs.ts', ...['src/lib/logs', 'src/wire'].flatMap((dir) => readdirSync(join(ROOT, dir)).map((file) => `${dir}/${file}`))]
  const newer = sources.find((source) => statSync(join(ROOT, source)).mtimeMs > statSync(built).mtimeMs)
  if (newer) return `${newer} is newer than dist/`
  const manifest = join(ROOT, 'oclif.manifest.json')
  if (!existsSync(manifest) || !('logs' in (JSON.parse(readFileSync(manifest, 'utf8')).commands ?? {}))) return 'oclif.manifest.json has no logs command'
  return undefined
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

export async function benchLogs(): Promise<BenchRow[]> {
  const provider = await startLogProvider({requires: ['log_input']})
  const bare = await startBareRoute()
  const bodies = inputBodies()
  const rows: BenchRow[] = []
  const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`
  const ms = (n: number) => `${n.toFixed(2)} ms`
  try {
    const stores: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']
    for (const store of stores) {
      const b = await open(provider, store)
      try {
        await write(bare.target, bodies, {ms: 500})
        await write(b.input, bodies, {ms: 500})
        const rates = {bare: [] as number[], platform: [] as number[]}
        for (let round = 0; round < WRITE_ROUNDS; round++) {
          rates.bare.push((await write(bare.target, bodies, {ms: WRITE_MS})).perSecond)
          rates.platform.push((await write(b.input, bodies, {ms: WRITE_MS})).perSecond)
        }
        const [bareRate, rate] = [median(rates.bare), median(rates.platform)]
        rows.push({
          metric: `${store}: log input lines/s (${WRITERS} writers, ${BATCH}-frame batches, ~120-byte messages; median of ${WRITE_ROUNDS})`,
          measured: `${perSecond(rate)} (${(rate / bareRate).toFixed(2)}x bare)`,
          target: `>= 20,000/s and >= 1/3 of bare fastify parsing the same: ${perSecond(bareRate)}`,
          ok: rate >= 20_000 && rate >= bareRate / 3,
        })
        if (store === 'sqlite') rows.push(await logsCommandWall(b))
        const tail = await tailLatency(b)
        rows.push({metric: `${store}: tail latency p50, POST /logs answered -> line on the SSE tail (${TAIL_POSTS} posts)`, measured: ms(tail.p50), target: `informative (${tail.beforeAnswer} of ${TAIL_POSTS} reached the tail before the 204 did)`})
        rows.push({metric: `${store}: tail latency p99`, measured: ms(tail.p99), target: '< 50 ms (Logplex: about 1 s)', ok: tail.p99 < 50})
        // the other figures stand even if drains fail
        rows.push(...(await drainFigures(b, store, bodies).catch((error: Error) => [{metric: `${store}: drain delivery`, measured: `failed: ${error.message.slice(0, 80)}`, target: '>= 20,000/s; < 50 MB', ok: false}])))
      } finally {
        await b.close()
      }
    }
    if (!PG_URL) rows.push({metric: 'PostgreSQL rows', measured: 'skipped', target: 'set ADDONKIT_BENCH_DATABASE_URL'})
    return rows
  } finally {
    await bare.close()
    await provider.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatTable('Logs', await benchLogs()))
}
