import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {runOnce, type Sample} from './cli.js'
import {startStubApi} from './stub-api.js'
import {type BenchRow, median} from './table.js'

// Shell completion as a TAB pays it: the built `addonkit __complete` completing an add-on name for an
// app with 1,000 add-ons (2,000 candidates: names and aliases), cold (its list not in the cache: two
// requests) and from the cache (no request), beside `node -e 0` measured in the same rounds. The V8
// code cache stays warm in both: only completion's own cache (completion/ in the cache folder) is
// emptied before each cold run.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'run.js')
const ADDONS = 1000
const APP = 'bench-app'
const COLD_TARGET_MS = 300
const CACHED_TARGET_MS = 100

export async function benchCompletion(options: {runs?: number} = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? (Number(process.env.BENCH_RUNS) || 7)
  if (!existsSync(join(ROOT, 'dist', 'commands', '__complete.cjs')) && !existsSync(join(ROOT, 'dist', 'commands', '__complete.js'))) {
    throw new Error('the build has no __complete command: run npm run build first')
  }
  const api = await startStubApi({app: APP, addons: ADDONS})
  const cacheDir = mkdtempSync(join(tmpdir(), 'addonkit-bench-completion-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NO_COLOR: '1',
    ADDONKIT_API_URL: api.url,
    ADDONKIT_API_KEY: api.token,
    ADDONKIT_CACHE_DIR: cacheDir,
    ADDONKIT_DATA_DIR: join(cacheDir, 'data'),
  }
  delete env.DEBUG
  delete env.NODE_OPTIONS
  delete env.ADDONKIT_COMPLETION_TIMEOUT_MS
  const complete = [BIN, '__complete', '--', 'addons:info', '--app', APP, '']
  const forgetLists = () => rmSync(join(cacheDir, 'completion'), {recursive: true, force: true})
  try {
    // warm-up: the file cache and V8's code cache of the command
    forgetLists()
    await runOnce(complete, env)
    await runOnce(['-e', '0'], env)
    const node: Sample[] = []
    const cold: Sample[] = []
    const cached: Sample[] = []
    let requestsCold = 0
    let requestsCached = 0
    for (let i = 0; i < runs; i++) {
      node.push(await runOnce(['-e', '0'], env))
      forgetLists()
      let before = api.requests.length
      cold.push(await runOnce(complete, env))
      requestsCold = api.requests.length - before
      before = api.requests.length
      cached.push(await runOnce(complete, env))
      requestsCached = api.requests.length - before
    }
    const wall = (samples: Sample[]) => median(samples.map((s) => s.wallMs))
    const shortfall = (samples: Sample[]) => {
      const bad = samples.find((s) => s.code !== 0 || s.stdout.split('\n').filter((l) => l !== '').length !== ADDONS * 2)
      return bad ? `${bad.stdout.split('\n').filter((l) => l !== '').length} candidates, exit ${bad.code}` : undefined
    }
    const ms = (value: number) => `${value.toFixed(0)} ms`
    const coldProblem = shortfall(cold)
    const cachedProblem = shortfall(cached)
    return [
      {metric: 'node -e 0: wall', measured: ms(wall(node)), target: 'reference'},
      {
        metric: `__complete, add-on names of an app with ${ADDONS} add-ons, cold: wall`,
        measured: coldProblem ?? `${ms(wall(cold))} (${requestsCold} requests)`,
        target: `<= ${COLD_TARGET_MS} ms`,
        ok: !coldProblem && wall(cold) <= COLD_TARGET_MS,
      },
      {
        metric: `__complete, add-on names of an app with ${ADDONS} add-ons, from the cache: wall`,
        measured: cachedProblem ?? `${ms(wall(cached))} (${requestsCached} requests)`,
        target: `<= ${CACHED_TARGET_MS} ms`,
        ok: !cachedProblem && requestsCached === 0 && wall(cached) <= CACHED_TARGET_MS,
      },
    ]
  } finally {
    await api.close()
    rmSync(cacheDir, {recursive: true, force: true})
  }
}
