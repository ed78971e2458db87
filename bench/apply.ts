import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {applyAppJson} from '../src/lib/addons/apply/apply.js'
import {ApiClient} from '../src/lib/api/client.js'
import type {Deps} from '../src/lib/deps.js'
import {startPlatform} from '../src/platform/start.js'
import type {AppJson} from '../src/wire/app-json.js'
import {startRequestLog} from '../test/helpers/request-log.js'
import {startTestProvider} from '../test/fixtures/providers/test-provider.js'
import {measureAll} from './cli.js'
import {load} from './load.js'
import {type BenchRow, median} from './table.js'

// `addons:apply` on an app whose add-ons already match its app.json: the requests it sends (the
// same three however many add-ons) and its wall time beside `node -e 0`. The whole-process figure
// needs a build of the current sources; when dist/ is older than them, the lib is timed in-process
// instead and the table says so.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'run.js')
const KEY = 'bench-key'
const ADDONS = 50
const FEW = 5
const WALL_RATIO = 3
// the sources of addons:apply a build must be newer than
const SOURCES = ['src/commands/addons/apply.ts', 'src/lib/addons/apply', 'src/lib/app-json', 'src/wire/app-json.ts']

export async function benchApply(options: {runs?: number} = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? (Number(process.env.BENCH_RUNS) || 7)
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-bench-apply-'))
  const provider = await startTestProvider()
  const platform = await startPlatform({
    port: 0, dataDir: join(dir, 'data'), accounts: [{email: 'bench@example.com', apiKey: KEY}], manifests: [provider.manifest],
    builtinProviders: false, writeState: false, log: () => {}, rateLimit: false,
  })
  const wire = await startRequestLog(platform.url)
  const deps: Deps = {
    api: new ApiClient({target: {url: wire.url, token: KEY, source: 'env'}, retries: 0}),
    isTTY: false, stdoutIsTTY: false, ask: async () => '', openUrl: async () => {}, canOpenBrowser: false, env: process.env,
  }
  try {
    // two apps already in line with their app.json, made through the API (their making is not measured)
    const file = (count: number) => join(dir, `app-${count}.json`)
    const send = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${platform.url}${path}`, {
        method, headers: {authorization: `Bearer ${KEY}`, 'content-type': 'application/json', accept: 'application/vnd.heroku+json; version=3'}, body: JSON.stringify(body),
      })
      if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`)
    }
    for (const count of [ADDONS, FEW]) {
      const app = `bench-apply-${count}`
      const doc: AppJson = {
        addons: Array.from({length: count}, (_, i) => ({plan: 'heroku-redis:mini', as: `CACHE_${i + 1}`})),
        env: {SECRET_KEY: {generator: 'secret'}, RAILS_ENV: 'production'},
      }
      writeFileSync(file(count), JSON.stringify(doc))
      await send('POST', '/apps', {name: app})
      let next = 0
      await load(count, 8, () => send('POST', `/apps/${app}/addons`, {plan: 'heroku-redis:mini', attachment: {name: `CACHE_${++next}`}}))
      await send('PATCH', `/apps/${app}/config-vars`, {SECRET_KEY: 'x'.repeat(64), RAILS_ENV: 'production'})
    }
    const request = (count: number) => ({
      app: `bench-apply-${count}`, file: file(count), dryRun: false, prune: false, wait: false, bin: 'addonkit', print: () => {}, write: () => {},
    })
    const requestsOf = async (count: number) => {
      wire.reset()
      const result = await applyAppJson(deps, request(count))
      if (result.steps.length > 0) throw new Error(`bench-apply-${count} does not match its app.json: ${result.steps.length} changes`)
      return {total: wire.requests.length, writes: wire.writes().length}
    }
    const many = await requestsOf(ADDONS)
    const few = await requestsOf(FEW)
    const rows: BenchRow[] = [
      {
        metric: `addons:apply, ${ADDONS} add-ons matching: requests`,
        measured: `${many.total} (${many.writes} writes)`,
        target: `constant: ${few.total} with ${FEW} add-ons, no writes`,
        ok: many.total === few.total && many.writes === 0,
      },
    ]

    const [node] = await measureAll([['-e', '0']], cleanEnv(), runs)
    if (builtIsCurrent()) {
      const env = {...cleanEnv(), ADDONKIT_API_URL: wire.url, ADDONKIT_API_KEY: KEY, ADDONKIT_DATA_DIR: join(dir, 'cli')}
      const [nodeAgain, apply] = await measureAll([['-e', '0'], [BIN, 'addons:apply', '--app', `bench-apply-${ADDONS}`, '--file', file(ADDONS)]], env, runs)
      const bad = apply.samples.find((s) => s.code !== 0 || !s.stdout.includes(`No changes: ${ADDONS} add-ons match app.json.`))
      rows.push({
        metric: `addons:apply, ${ADDONS} add-ons matching: wall (built bin/run.js)`,
        measured: bad ? `exit ${bad.code}: ${bad.stderr.split('\n')[0].slice(0, 60)}` : `${seconds(apply.wallMs)} (${(apply.wallMs / nodeAgain.wallMs).toFixed(2)}x node ${seconds(nodeAgain.wallMs)})`,
        target: `<= ${WALL_RATIO}x node = ${seconds(nodeAgain.wallMs * WALL_RATIO)}`,
        ok: !bad && apply.wallMs <= nodeAgain.wallMs * WALL_RATIO,
      })
    } else {
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        await applyAppJson(deps, request(ADDONS))
        times.push(performance.now() - started)
      }
      rows.push({
        metric: `addons:apply, ${ADDONS} add-ons matching: wall, in-process lib`,
        measured: `${seconds(median(times))} + start-up`,
        target: `informative: dist/ is older than the sources (npm run build, then the target is whole-process <= ${WALL_RATIO}x node = ${seconds(node.wallMs * WALL_RATIO)})`,
      })
      // the nearest whole-process figure the current build gives: start-up and two of the three reads
      const env = {...cleanEnv(), ADDONKIT_API_URL: wire.url, ADDONKIT_API_KEY: KEY, ADDONKIT_DATA_DIR: join(dir, 'cli')}
      if (existsSync(join(ROOT, 'dist', 'commands', 'addons', 'index.cjs'))) {
        const [nodeAgain, listing] = await measureAll([['-e', '0'], [BIN, 'addons', '--app', `bench-apply-${ADDONS}`]], env, runs)
        const bad = listing.samples.find((s) => s.code !== 0)
        rows.push({
          metric: `built \`addons\` on the same app (start-up + 2 of apply's 3 reads)`,
          measured: bad ? `exit ${bad.code}` : `${seconds(listing.wallMs)} (${(listing.wallMs / nodeAgain.wallMs).toFixed(2)}x node ${seconds(nodeAgain.wallMs)})`,
          target: 'informative',
        })
      }
    }
    rows.push({metric: 'node -e 0: wall', measured: seconds(node.wallMs), target: 'reference'})
    return rows
  } finally {
    await wire.close()
    await platform.close()
    await provider.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: 'production', NO_COLOR: '1'}
  delete env.DEBUG
  delete env.NODE_OPTIONS
  return env
}

// The built command exists, the manifest lists it, and both are newer than every source of it.
function builtIsCurrent(): boolean {
  const built = join(ROOT, 'dist', 'commands', 'addons', 'apply.cjs')
  const manifest = join(ROOT, 'oclif.manifest.json')
  if (!existsSync(built) || !existsSync(manifest) || !readFileSync(manifest, 'utf8').includes('"addons:apply"')) return false
  const builtAt = Math.min(statSync(built).mtimeMs, statSync(manifest).mtimeMs)
  return SOURCES.every((source) => newestMtime(join(ROOT, source)) < builtAt)
}

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}
