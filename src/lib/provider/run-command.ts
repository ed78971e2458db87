import {spawn} from 'node:child_process'

export type CommandRunner = (argv: string[], env: NodeJS.ProcessEnv) => Promise<CommandExit>

export type CommandExit = {code: number} | {error: string}

// Runs the user's command with the terminal attached; a signal death counts as 128 + the signal, as in shells.
export const runInheritingStdio: CommandRunner = (argv, env) =>
  new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {stdio: 'inherit', env})
    child.once('error', (error: NodeJS.ErrnoException) => resolve({error: error.code === 'ENOENT' ? `${argv[0]}: command not found` : error.message}))
    child.once('exit', (code, signal) => resolve({code: code ?? 128 + signalNumber(signal)}))
  })

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15}
  return (signal && numbers[signal]) ?? 0
}
