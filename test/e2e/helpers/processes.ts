// Long-running addonkit commands (provider:serve, platform:start) as child processes, run from src/
// through their fixtures as a user runs the built ones, with what they print read back.
import {spawn, type ChildProcess} from 'node:child_process'
import {cleanEnv} from '../../bin/spawn.js'
import {ROOT} from '../../helpers/cli.js'
import {TEST_TOKEN} from './platform.js'

const PROVIDER_SERVE = ['--import', 'tsx', 'test/fixtures/providers/provider-serve.ts']
const PLATFORM_START = ['--import', 'tsx', 'test/fixtures/platform/platform-start.ts']

export interface Running {
  child: ChildProcess
  stdout(): string
  stderr(): string
  // SIGTERM (or `signal`), then the exit code once it has exited
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

const children = new Set<ChildProcess>()

// For after(): nothing a failed test started outlives the file.
export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

// Starts `node ARGS` and resolves once stdout matches `ready`; rejects with its stderr if it exits first.
export function startUntil(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = cleanEnv({})): Promise<Running & {match: RegExpExecArray}> {
  const child = spawn(process.execPath, args, {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']})
  children.add(child)
  let stdout = ''
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const running: Running = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const match = ready.exec(stdout)
      if (match) resolve({...running, match})
    })
    child.once('exit', (code) => reject(new Error(`${args.slice(2).join(' ')} exited with ${code} before it was ready:\n${stdout}${stderr}`)))
  })
}

export interface ServedProvider extends Running {
  url: string
  manifestPath: string
}

export async function startProvider(argv: string[], env?: NodeJS.ProcessEnv): Promise<ServedProvider> {
  const running = await startUntil([...PROVIDER_SERVE, ...argv], /provider listening on (\S+) .*\nmanifest written to (\S+): /, env)
  return {...running, url: running.match[1], manifestPath: running.match[2]}
}

export interface SeparatePlatform extends Running {
  url: string
}

// platform:start with the CLI's test token as its account key.
export async function startPlatformProcess(argv: string[], env?: NodeJS.ProcessEnv): Promise<SeparatePlatform> {
  const running = await startUntil(
    [...PLATFORM_START, '--port', '0', '--account', `developer@example.com:${TEST_TOKEN}`, ...argv],
    /platform listening on (\S+) .*\n.*HEROKU_API_KEY=/,
    env,
  )
  return {...running, url: running.match[1]}
}

// The Platform API as the test account, for what the CLI does not print.
export async function platformCall<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TEST_TOKEN}`,
      accept: 'application/vnd.heroku+json; version=3',
      ...(body === undefined ? {} : {'content-type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

// After a failed test: every add-on still on the platform is deprovisioned, so no redis-server or
// database is left behind.
export async function destroyEveryAddon(url: string): Promise<void> {
  const addons = await platformCall<Array<{id: string}>>(url, 'GET', '/addons')
  for (const addon of addons) await platformCall(url, 'DELETE', `/addons/${addon.id}`, {force: true})
}
