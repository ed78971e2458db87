import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {startStubApi} from './stub-api.js'
import {type BenchRow, median} from './table.js'

// Start-up cost of the built CLI, as a user pays it: wall time and peak RSS of whole child processes,
// beside `node -e 0` measured in the same run (machines differ; the ratio is what we hold to).

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'run.js')
const TIME = '/usr/bin/time'
const ADDONS = 1000
const TYPICAL_ADDONS = 10
const APP = 'bench-app'

// the targets of issue 3, and the real heroku CLI figures of stack.md
const ADDONS_WALL_RATIO = 2.5
const ADDONS_RSS_MB = 100
const HEROKU_VERSION_WALL_S = 1.15
const HEROKU_VERSION_RSS_MB = 117

export interface Sample {
  wallMs: number
  rssMb: number
  code: number
  stdout: string
  stderr: string
}

export interface Measurement {
  wallMs: number
  rssMb: number
  samples: Sample[]
}

// One run of `node <args>`; peak RSS from GNU time when present, else from VmHWM polled in /proc.
export function runOnce(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const useTime = existsSync(TIME)
  const dir = useTime ? mkdtempSync(join(tmpdir(), 'addonkit-bench-')) : undefined
  const out = dir ? join(dir, 'time') : ''
  const [command, argv] = useTime ? [TIME, ['-f', '%M', '-o', out, process.execPath, ...args]] : [process.execPath, args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, argv, {env, stdio: ['ignore', 'pipe', 'pipe']})
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    let hwmKb = 0
    const poll = useTime ? undefined : setInterval(() => (hwmKb = Math.max(hwmKb, vmHwmKb(child.pid))), 2)
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      if (poll) clearInterval(poll)
      if (dir) {
        // GNU time puts "Command exited with non-zero status N" before the figure
        hwmKb = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1))
        rmSync(dir, {recursive: true, force: true})
      }
      resolve({wallMs, rssMb: hwmKb / 1024, code: code ?? 1, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString()})
    })
  })
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)\s+kB/m)
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

// One warm-up run of each (file cache), then `runs` rounds running every case once in turn, so a
// burst of load on the machine hits all cases alike; medians of wall time and of peak RSS.
export async function measureAll(cases: string[][], env: NodeJS.ProcessEnv, runs: number): Promise<Measurement[]> {
  for (const args of cases) await runOnce(args, env)
  const samples: Sample[][] = cases.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (const [j, args] of cases.entries()) samples[j].push(await runOnce(args, env))
  }
  return samples.map((s) => ({wallMs: median(s.map((x) => x.wallMs)), rssMb: median(s.map((x) => x.rssMb)), samples: s}))
}

function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'commands')) && existsSync(join(ROOT, 'oclif.manifest.json'))) return
  console.log('dist/ or oclif.manifest.json missing: running npm run build first')
  spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'})
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`
const mb = (value: number) => `${value.toFixed(0)} MB`

// A failed command is reported, never timed as if it had worked.
function failure(m: Measurement): string | undefined {
  const bad = m.samples.find((s) => s.code !== 0)
  if (!bad) return undefined
  const line = bad.stderr.split('\n').find((l) => l.trim() !== '') ?? ''
  return `exit ${bad.code}: ${line.slice(0, 60)}`
}

export async function benchCli(options: {runs?: number} = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? (Number(process.env.BENCH_RUNS) || 7)
  ensureBuilt()
  const api = await startStubApi({app: APP, addons: ADDONS})
  const typicalApi = await startStubApi({app: APP, addons: TYPICAL_ADDONS})
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-bench-data-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NO_COLOR: '1',
    ADDONKIT_API_URL: api.url,
    ADDONKIT_API_KEY: api.token,
    ADDONKIT_DATA_DIR: dataDir,
  }
  delete env.DEBUG
  delete env.NODE_OPTIONS
  try {
    const [node, version, addons, addonsJson, config] = await measureAll(
      [['-e', '0'], [BIN, '--version'], [BIN, 'addons', '--app', APP], [BIN, 'addons', '--app', APP, '--json'], [BIN, 'config', '--app', APP]],
      env,
      runs,
    )
    // an app as most have it, measured in its own rounds beside node again
    const [typicalNode, typical] = await measureAll([['-e', '0'], [BIN, 'addons', '--app', APP]], {...env, ADDONKIT_API_URL: typicalApi.url, ADDONKIT_API_KEY: typicalApi.token}, runs)
    const listed = addons.samples[0].stdout.split('\n').filter((l) => /redis-\d{5}|important-redis/.test(l)).length
    // `addons` without its command prints the topic's help and exits 0: not a result either
    const addonsFailed = failure(addons) ?? (listed === 0 ? 'no add-ons listed' : undefined)
    const rows: BenchRow[] = [
      {metric: 'node -e 0: wall', measured: seconds(node.wallMs), target: 'ref 0.090 s (stack.md)'},
      {metric: 'node -e 0: peak RSS', measured: mb(node.rssMb), target: 'ref 40 MB (stack.md)'},
      {
        metric: 'addonkit --version: wall',
        measured: failure(version) ?? `${seconds(version.wallMs)} (${(version.wallMs / node.wallMs).toFixed(2)}x node)`,
        target: `heroku ${HEROKU_VERSION_WALL_S} s`,
        ok: !failure(version) && version.wallMs / 1000 < HEROKU_VERSION_WALL_S,
      },
      {
        metric: 'addonkit --version: peak RSS',
        measured: mb(version.rssMb),
        target: `heroku ${HEROKU_VERSION_RSS_MB} MB`,
        ok: !failure(version) && version.rssMb < HEROKU_VERSION_RSS_MB,
      },
      {
        metric: `addonkit addons (${ADDONS} add-ons): wall`,
        measured: addonsFailed ?? `${seconds(addons.wallMs)} (${(addons.wallMs / node.wallMs).toFixed(2)}x node)`,
        target: `<= ${ADDONS_WALL_RATIO}x node = ${seconds(node.wallMs * ADDONS_WALL_RATIO)}`,
        ok: !addonsFailed && addons.wallMs <= node.wallMs * ADDONS_WALL_RATIO,
      },
      {
        metric: `addonkit addons (${ADDONS} add-ons): peak RSS`,
        measured: mb(addons.rssMb),
        target: `< ${ADDONS_RSS_MB} MB`,
        ok: !addonsFailed && addons.rssMb < ADDONS_RSS_MB,
      },
      {
        metric: 'addonkit addons: lines listing add-ons',
        measured: String(listed),
        target: `${ADDONS * 2} (resources + attachments)`,
        ok: listed === ADDONS * 2,
      },
      {
        metric: `addonkit addons (${TYPICAL_ADDONS} add-ons): wall`,
        measured: failure(typical) ?? `${seconds(typical.wallMs)} (${(typical.wallMs / typicalNode.wallMs).toFixed(2)}x node)`,
        target: 'informative',
      },
      {
        metric: `addonkit addons --json (${ADDONS} add-ons): wall`,
        measured: failure(addonsJson) ?? `${seconds(addonsJson.wallMs)} (${(addonsJson.wallMs / node.wallMs).toFixed(2)}x node)`,
        target: 'informative',
      },
      {metric: `addonkit addons --json (${ADDONS} add-ons): peak RSS`, measured: mb(addonsJson.rssMb), target: 'informative'},
      {
        metric: 'addonkit config: wall',
        measured: failure(config) ?? `${seconds(config.wallMs)} (${(config.wallMs / node.wallMs).toFixed(2)}x node)`,
        target: 'informative',
      },
      {metric: 'addonkit config: peak RSS', measured: mb(config.rssMb), target: 'informative'},
    ]
    // NODE_EXTRA_CA_CERTS makes node read and parse that file at every start (here, the system's whole
    // CA bundle: ≈40 ms), which both sides of the ratio pay; the figures without it, for comparison
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const bare = {...env}
      delete bare.NODE_EXTRA_CA_CERTS
      const [bareNode, bareAddons] = await measureAll([['-e', '0'], [BIN, 'addons', '--app', APP]], bare, runs)
      rows.push(
        {metric: 'node -e 0 without NODE_EXTRA_CA_CERTS: wall', measured: seconds(bareNode.wallMs), target: 'informative'},
        {
          metric: `addonkit addons (${ADDONS}) without NODE_EXTRA_CA_CERTS`,
          measured: failure(bareAddons) ?? `${seconds(bareAddons.wallMs)} (${(bareAddons.wallMs / bareNode.wallMs).toFixed(2)}x node)`,
          target: `informative (addonkit's own share: ${seconds(bareAddons.wallMs - bareNode.wallMs)})`,
        },
      )
    }
    return rows
  } finally {
    await api.close()
    await typicalApi.close()
    rmSync(dataDir, {recursive: true, force: true})
  }
}
