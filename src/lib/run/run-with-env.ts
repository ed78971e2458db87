import {spawn} from 'node:child_process'
import {constants} from 'node:os'
import type {ConfigVars} from '../api/types.js'

export const COMMAND_NOT_FOUND = 127

export interface RunOptions {
  env: NodeJS.ProcessEnv
  // `inherit` for users; tests use `pipe` to read what the command printed
  stdio?: 'inherit' | 'pipe'
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
export function runWithEnv(argv: string[], options: RunOptions): Promise<RunOutcome> {
  const [command, ...args] = argv
  const viaShell = argv.length === 1 && /\s/.test(command)
  const stdio = options.stdio ?? 'inherit'
  return new Promise((resolve) => {
    const child = spawn(command, args, {env: options.env, stdio, shell: viaShell})
    const out: string[] = []
    const err: string[] = []
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk))
    // Ctrl-C reaches the child through the terminal; the CLI stays to report the child's exit code
    const ignore = () => {}
    if (stdio === 'inherit') process.on('SIGINT', ignore)
    const finish = (outcome: Omit<RunOutcome, 'stdout' | 'stderr'>) => {
      process.off('SIGINT', ignore)
      resolve({...outcome, stdout: out.join(''), stderr: err.join('')})
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT' || error.code === 'EACCES'
      finish({exitCode: notFound ? COMMAND_NOT_FOUND : 1, notFound})
    })
    child.on('close', (code, signal) => {
      const bySignal = signal ? 128 + (constants.signals[signal] ?? 0) : 1
      finish({exitCode: code ?? bySignal, notFound: false})
    })
  })
}
