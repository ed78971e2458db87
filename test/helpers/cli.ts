import {Config, ux} from '@oclif/core'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ApiClient} from '../../src/lib/api/client.js'
import {setDepsForTests, type Deps} from '../../src/lib/deps.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const API = 'https://api.test.addonkit'

export interface RunOptions {
  tty?: boolean
  // answers given, in order, to the prompts the command asks
  answers?: string[]
  deps?: Partial<Deps>
  url?: string
}

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
  // the questions asked, in order
  asked: string[]
}

// Runs one command in-process, as a user would type it, against a nock-mocked or real API.
export async function runCli(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const answers = [...(options.answers ?? [])]
  const asked: string[] = []
  setDepsForTests({
    api: new ApiClient({target: {url: options.url ?? API, token: 'test-token', source: 'env'}, retries: 0}),
    isTTY: options.tty ?? false,
    ask: async (question) => {
      asked.push(question)
      const answer = answers.shift()
      if (answer === undefined) throw Object.assign(new Error('User force closed the prompt'), {name: 'ExitPromptError'})
      return answer
    },
    canOpenBrowser: false,
    ...options.deps,
  })
  try {
    const [id, ...args] = argv
    const CommandClass = await loadCommand(id)
    const config = await loadConfig()
    const {stdout, stderr, error} = await capture(() => CommandClass.run(args, config))
    const exitCode = error ? Number((error as {oclif?: {exit?: number}}).oclif?.exit ?? 1) : 0
    return {stdout, stderr, exitCode, asked}
  } finally {
    setDepsForTests(undefined)
  }
}

type CommandClass = {run(argv: string[], config: Config): Promise<unknown>}

let configPromise: Promise<Config> | undefined
function loadConfig(): Promise<Config> {
  configPromise ??= Config.load({root: ROOT})
  return configPromise
}

// Commands are loaded straight from src/commands, as oclif maps an id to a file: addons:create -> addons/create.ts
async function loadCommand(id: string): Promise<CommandClass> {
  const base = join(ROOT, 'src', 'commands', ...id.split(':'))
  const file = existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts')
  const module = (await import(pathToFileURL(file).href)) as {default: CommandClass}
  return module.default
}

// Records what the command writes. Node's test runner reports from a child process through stdout as
// binary frames, so only string writes (the command's) are taken; buffers pass through untouched.
async function capture(fn: () => Promise<unknown>): Promise<{stdout: string; stderr: string; error?: Error}> {
  const out: string[] = []
  const err: string[] = []
  const original = {out: process.stdout.write, err: process.stderr.write}
  const tap = (stream: NodeJS.WriteStream, sink: string[], write: typeof process.stdout.write) =>
    function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      if (typeof chunk === 'string') {
        sink.push(chunk)
        return true
      }
      return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)
    } as typeof process.stdout.write
  process.stdout.write = tap(process.stdout, out, original.out)
  process.stderr.write = tap(process.stderr, err, original.err)
  // oclif's progress action keeps its own reference to the real streams: point it at ours too
  const action = ux.action as unknown as {stdmockOrigs: {stdout: unknown; stderr: unknown}}
  const actionOrigs = action.stdmockOrigs
  action.stdmockOrigs = {stdout: process.stdout.write, stderr: process.stderr.write}
  try {
    await fn()
    return {stdout: out.join(''), stderr: err.join('')}
  } catch (error) {
    return {stdout: out.join(''), stderr: err.join(''), error: error as Error}
  } finally {
    process.stdout.write = original.out
    process.stderr.write = original.err
    action.stdmockOrigs = actionOrigs
  }
}
