// What every test/compat file needs to drive the real `heroku` CLI (npm heroku@11) against the local platform:
// a platform on 127.0.0.1 with one account and an app `example-app`, the CLI spawned with HEROKU_HOST and a HOME
// of its own (so a developer's login, plugins and caches never leak in), and a direct API client to check state.
// A test that starts a platform of its own takes herokuEnv and runHeroku alone.
// .ci/run installs the CLI and sets ADDONKIT_TEST_HEROKU_BIN; locally: npm i --prefix .cache/heroku heroku@11
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before} from 'node:test'
import {type RunningPlatform, startPlatform} from '../../src/platform/start.js'
import {type SeedProvider, startRedisLikeProvider} from '../fixtures/seed/redis-like-provider.js'
import {platformFetch} from '../helpers/platform-fetch.js'

const localBin = join(process.cwd(), '.cache/heroku/node_modules/.bin/heroku')
export const herokuBin = process.env.ADDONKIT_TEST_HEROKU_BIN || (existsSync(localBin) ? localBin : '')
// the `skip` option of a compat describe: the run is skipped, with the reason, where the CLI is not installed
export const skipWithoutHeroku = herokuBin ? false : 'heroku CLI not installed (set ADDONKIT_TEST_HEROKU_BIN)'

const KEY = 'compat-test-key-0123456789abcdef'

export interface HerokuRun {
  status: number | null
  stdout: string
  stderr: string
}

// The environment the CLI runs in: its own HOME and XDG folders under `home`, the platform as its
// API host, no update checks, analytics or colour.
export function herokuEnv(home: string, platformUrl: string, apiKey: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    HEROKU_HOST: platformUrl,
    HEROKU_API_KEY: apiKey,
    HEROKU_DISABLE_AUTOUPDATE: '1',
    HEROKU_SKIP_ANALYTICS: '1',
    HEROKU_SKIP_NEW_VERSION_CHECK: '1',
    NO_COLOR: '1',
    CI: 'true',
  }
}

// One run of the CLI to its end. Asynchronous: a platform in this process must keep answering while it waits.
export function runHeroku(args: string[], env: NodeJS.ProcessEnv): Promise<HerokuRun> {
  return new Promise<HerokuRun>((resolve) => {
    const child = spawn(herokuBin, args, {timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'], env})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

export interface HerokuCompat {
  // the environment the CLI runs in, for a test that spawns it itself (a long-running `logs --tail`)
  env(): NodeJS.ProcessEnv
  heroku(...args: string[]): Promise<HerokuRun>
  // the platform API as the account, the raw answer
  request(method: string, path: string, body?: unknown): Promise<Response>
  // the platform API as the account, the JSON of a successful answer
  api(method: string, path: string, body?: unknown): Promise<any>
}

// Registers the suite's before/after hooks: call it inside the describe, before the suite's own hooks.
// With seedProvider, a heroku-redis-like provider (plans mini and premium-0) is in the catalog.
export function herokuCompat(options: {seedProvider?: boolean} = {}): HerokuCompat {
  let platform: RunningPlatform | undefined
  let provider: SeedProvider | undefined
  let home = ''

  const running = () => {
    if (!platform) throw new Error('the compat platform is not running: herokuCompat() must be called inside a describe')
    return platform
  }

  const env = () => herokuEnv(home, running().url, KEY)
  const heroku = (...args: string[]) => runHeroku(args, env())

  const request = (method: string, path: string, body?: unknown) => platformFetch(running().url, KEY, method, path, body)

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await request(method, path, body)
    assert.ok(response.ok, `${method} ${path}: ${response.status}`)
    return response.json() as Promise<any>
  }

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'addonkit-heroku-home-'))
    if (options.seedProvider) provider = await startRedisLikeProvider()
    platform = await startPlatform({
      port: 0,
      dataDir: join(home, 'platform'),
      accounts: [{email: 'compat@example.com', apiKey: KEY}],
      manifests: provider ? [provider.manifest] : [],
      builtinProviders: false,
      writeState: false,
      log: () => {},
    })
    await api('POST', '/apps', {name: 'example-app'})
  })

  after(async () => {
    await platform?.close()
    await provider?.close()
    if (home) rmSync(home, {recursive: true, force: true})
  })

  return {
    env,
    heroku,
    request,
    api,
  }
}

// the heroku CLI wraps its error lines behind " ›   " markers: one line of plain words to match against
export const unwrapped = (text: string) => text.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' ')
