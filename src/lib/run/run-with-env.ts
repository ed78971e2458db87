import {spawn} from 'node:child_process'
import {constants} from 'node:os'
import type {Readable, Writable} from 'node:stream'
import type {ConfigVars} from '../api/types.js'
import {LineSplitter} from './line-splitter.js'

export const COMMAND_NOT_FOUND = 127
// how long the command's output may stay open after it exited (a process it left in the background)
const OUTPUT_GRACE_MS = 1000

export interface RunOptions {
  env: NodeJS.ProcessEnv
  // `inherit` for users; tests use `pipe` to read what the command printed
  stdio?: 'inherit' | 'pipe'
  // every line the command prints, on stdout or stderr, as it prints it (the app's log); the
  // terminal still gets every byte as it comes
  onLine?: (line: string) => void
  // where the output is written on when its lines are wanted (tests); default: this process's own
  terminal?: {stdout: Writable; stderr: Writable}
}

export interface RunOutcome {
  exitCode: number
  // true when the command could not be started at all
  notFound: boolean
  // only with stdio `pipe`
  stdout: string
  stderr: string
}

// The environment a dyno would give the command: the local one with the app's config vars on top.
export function dynoEnv(local: NodeJS.ProcessEnv, vars: ConfigVars): NodeJS.ProcessEnv {
  return {...local, ...vars}
}

// Runs a command as `run -- CMD ARGS...` asked. A single argument with spaces is a shell line
// (`run "echo $REDIS_URL"`), as on a dyno; otherwise the words are passed as they are, without a shell.
//
// Its output reaches the terminal byte for byte. When its lines are wanted too (`onLine`), stdout
// and stderr go through pipes and are written on as they come; stdin stays the terminal's. A
// program that finds a pipe where a terminal was might drop its colours or its width: it is told
// about the terminal the way heroku run tells a dyno (COLUMNS and LINES) and FORCE_COLOR.
export function runWithEnv(argv: string[], options: RunOptions): Promise<RunOutcome> {
  const [command, ...args] = argv
  const viaShell = argv.length === 1 && /\s/.test(command)
  const mode = options.stdio ?? 'inherit'
  const teed = mode === 'inherit' && options.onLine !== undefined
  const env = teed ? withTerminalHints(options.env) : options.env
  return new Promise((resolve) => {
    const child = spawn(command, args, {env, stdio: mode === 'pipe' ? 'pipe' : teed ? ['inherit', 'pipe', 'pipe'] : 'inherit', shell: viaShell})
    const out: Buffer[] = []
    const err: Buffer[] = []
    // one per stream: a line half-written on stdout must not take in what stderr says meanwhile
    const splitters = options.onLine ? [new LineSplitter(options.onLine), new LineSplitter(options.onLine)] : undefined
    if (mode === 'pipe') {
      child.stdout?.on('data', (chunk: Buffer) => {
        out.push(chunk)
        splitters?.[0].push(chunk)
      })
      child.stderr?.on('data', (chunk: Buffer) => {
        err.push(chunk)
        splitters?.[1].push(chunk)
      })
    } else if (teed) {
      writeThrough(child.stdout!, options.terminal?.stdout ?? process.stdout, splitters![0])
      writeThrough(child.stderr!, options.terminal?.stderr ?? process.stderr, splitters![1])
    }
    // Ctrl-C reaches the child through the terminal; the CLI stays to report the child's exit code
    const ignore = () => {}
    if (mode === 'inherit') process.on('SIGINT', ignore)
    let grace: NodeJS.Timeout | undefined
    let done = false
    const finish = (outcome: Omit<RunOutcome, 'stdout' | 'stderr'>) => {
      if (done) return
      done = true
      clearTimeout(grace)
      process.off('SIGINT', ignore)
      for (const splitter of splitters ?? []) splitter.end()
      resolve({...outcome, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    }
    const exitCode = (code: number | null, signal: NodeJS.Signals | null) => code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)
    child.on('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT' || error.code === 'EACCES'
      finish({exitCode: notFound ? COMMAND_NOT_FOUND : 1, notFound})
    })
    // 'close' comes once the output has ended too; a process the command left running may hold
    // it open, so after a moment the command's own exit decides, and its pipes stop holding us up
    child.on('exit', (code, signal) => {
      if (!teed) return
      grace = setTimeout(() => {
        for (const stream of [child.stdout, child.stderr]) (stream as (Readable & {unref?: () => void}) | null)?.unref?.()
        finish({exitCode: exitCode(code, signal), notFound: false})
      }, OUTPUT_GRACE_MS)
    })
    child.on('close', (code, signal) => finish({exitCode: exitCode(code, signal), notFound: false}))
  })
}

// Every byte on to the terminal (pausing the command while the terminal catches up, as a terminal
// would), every line to the splitter.
function writeThrough(from: Readable, to: Writable, splitter: LineSplitter): void {
  from.on('data', (chunk: Buffer) => {
    splitter.push(chunk)
    if (!to.write(chunk)) {
      from.pause()
      to.once('drain', () => from.resume())
    }
  })
}

function withTerminalHints(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const hints: NodeJS.ProcessEnv = {}
  const terminal = process.stdout.isTTY ? process.stdout : undefined
  if (terminal) {
    if (!env.COLUMNS && terminal.columns) hints.COLUMNS = String(terminal.columns)
    if (!env.LINES && terminal.rows) hints.LINES = String(terminal.rows)
    if (env.FORCE_COLOR === undefined && !env.NO_COLOR) hints.FORCE_COLOR = '1'
  }
  return {...env, ...hints}
}
