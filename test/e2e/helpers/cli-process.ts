// The CLI as its own process, while it runs: for commands that keep going (`logs --tail`, `run`)
// and must be watched, signalled or run in a terminal. It is the built bin/run.js when the build
// is newer than every source file (CI builds before testing), otherwise bin/dev.js on the sources.
import {spawn, type ChildProcess} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {ROOT} from '../../helpers/cli.js'

let built: boolean | undefined
export function cliArgs(): string[] {
  built ??= buildIsCurrent()
  return built ? [join(ROOT, 'bin', 'run.js')] : ['--import', 'tsx', join(ROOT, 'bin', 'dev.js')]
}

// the manifest is the build's last step
function buildIsCurrent(): boolean {
  let builtAt: number
  try {
    builtAt = statSync(join(ROOT, 'oclif.manifest.json')).mtimeMs
  } catch {
    return false
  }
  const src = join(ROOT, 'src')
  return readdirSync(src, {recursive: true}).every((file) => statSync(join(src, String(file))).mtimeMs <= builtAt)
}

export interface CliProcess {
  child: ChildProcess
  stdout(): string
  stderr(): string
  // resolves once `check` holds for stdout and stderr; rejects if the process exits first
  until(check: (stdout: string, stderr: string) => boolean, what: string): Promise<void>
  // the exit code (128 + n after a signal)
  exited: Promise<number>
}

// `node [bin] ARGS`, or, with `terminal`, the same inside `script`, whose pseudo-terminal is the
// command's stdout: what a user at a terminal sees (with \r\n line ends).
export function startCli(args: string[], env: NodeJS.ProcessEnv, options: {terminal?: boolean} = {}): CliProcess {
  const argv = [process.execPath, ...cliArgs(), ...args]
  const child = options.terminal
    ? spawn('script', ['-qfec', argv.map(shellQuote).join(' '), '/dev/null'], {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']})
    : spawn(argv[0], argv.slice(1), {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  const waiters = new Set<() => void>()
  let done = false
  const wake = () => {
    for (const waiter of waiters) waiter()
  }
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    wake()
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    wake()
  })
  const exited = new Promise<number>((resolve) => child.on('close', (code, signal) => {
    done = true
    wake()
    resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : 15))
  }))
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    until(check, what) {
      return new Promise<void>((resolve, reject) => {
        const test = () => {
          if (check(stdout, stderr)) {
            waiters.delete(test)
            resolve()
          } else if (done) {
            waiters.delete(test)
            reject(new Error(`the CLI exited before ${what}:\n--- stdout\n${stdout}\n--- stderr\n${stderr}`))
          }
        }
        waiters.add(test)
        test()
      })
    },
  }
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
