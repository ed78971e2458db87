import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {resolveTarget} from '../api/target.js'
import {claimFill, complete, completionBudgetMs, fillCache, formatCandidates, type CompletionDeps} from './complete.js'
import {completionReader} from './http.js'
import type {ListKey} from './lists.js'
import type {CommandShape} from './words.js'

// The `__complete` command's work, reachable two ways: through oclif (the hidden command, and any run
// from the sources), and straight from bin/run.js, which answers a TAB from the built manifest
// without loading oclif at all (answerFromManifest): a TAB answered from the cache must take little
// more than Node's own start (bench/completion.ts).

export interface AnswerOptions {
  commands: CommandShape[]
  // the CLI's cache folder (oclif's config.cacheDir)
  cacheDir: string
  // the package's root, to start a background fill with the same install
  root: string
  env?: NodeJS.ProcessEnv
}

// The candidates for `words`, printed; never throws, never prints anything else, and gives up (an
// empty answer) once the budget counted from the process's start has run out.
export async function answerCompletion(words: string[], options: AnswerOptions): Promise<void> {
  const env = options.env ?? process.env
  const deadline = performance.timeOrigin + completionBudgetMs(env)
  setTimeout(() => process.exit(0), Math.max(0, Math.floor(deadline - Date.now())) + 50).unref()
  try {
    const deps = completionDeps(options, env, deadline)
    process.stdout.write(formatCandidates(await complete(words, deps)))
  } catch {
    // an empty answer
  }
}

// `__complete --fill=KEY`: one list into the cache, after the shell already has its answer.
export async function fillCompletionCache(key: string, options: AnswerOptions): Promise<void> {
  try {
    const env = options.env ?? process.env
    await fillCache(JSON.parse(key) as ListKey, completionDeps(options, env, Date.now() + 10_000))
  } catch {
    // the next TAB tries again
  }
}

// bin/run.js's way in: the commands from the built oclif.manifest.json, the cache folder worked out
// as oclif does.
export async function answerFromManifest(words: string[], root: string): Promise<void> {
  let commands: CommandShape[]
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, CommandShape>}
    commands = Object.values(manifest.commands)
  } catch {
    return
  }
  await answerCompletion(words, {commands, cacheDir: completionCacheDir(process.env), root})
}

// oclif's config.cacheDir for this CLI: ADDONKIT_CACHE_DIR, else ~/Library/Caches/addonkit on macOS,
// else XDG_CACHE_HOME (LOCALAPPDATA on Windows) or ~/.cache, then addonkit.
export function completionCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.ADDONKIT_CACHE_DIR) return env.ADDONKIT_CACHE_DIR
  const home = env.HOME || homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'addonkit')
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(home, '.cache')
  return join(base, 'addonkit')
}

function completionDeps(options: AnswerOptions, env: NodeJS.ProcessEnv, deadline: number): CompletionDeps {
  const deps: CompletionDeps = {
    commands: options.commands.filter((c) => c.id !== '__complete'),
    env,
    cacheDir: options.cacheDir,
    target: resolveTarget(env),
    deadline,
    api: async (target) => completionReader(target),
    fillLater: (key) => fillLater(options.root, deps, key),
  }
  return deps
}

// A detached `__complete --fill=KEY` of this same install, unless one already runs for that list.
function fillLater(root: string, deps: CompletionDeps, key: ListKey): void {
  try {
    if (!claimFill(key, deps)) return
    const fromSources = process.execArgv.some((arg) => arg.includes('tsx'))
    const entry = join(root, 'bin', fromSources ? 'dev.js' : 'run.js')
    spawn(process.execPath, [...process.execArgv, entry, '__complete', `--fill=${JSON.stringify(key)}`], {detached: true, stdio: 'ignore', env: deps.env}).unref()
  } catch {
    // the next TAB tries again
  }
}
