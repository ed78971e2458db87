import {ApiClient} from './api/client.js'

// What a command needs from the outside world, in one object that tests replace.
export interface Deps {
  api: ApiClient
  // prompts are allowed only when both stdin and stderr are terminals
  isTTY: boolean
  // whether stdout is a terminal (colours, when NO_COLOR does not turn them off)
  stdoutIsTTY: boolean
  // asks one question on stderr and returns the typed line
  ask(question: string): Promise<string>
  // opens a URL in the user's browser
  openUrl(url: string): Promise<void>
  // whether a browser can be opened at all (a display, or a desktop OS)
  canOpenBrowser: boolean
  env: NodeJS.ProcessEnv
}

let overrides: Partial<Deps> | undefined

// Tests call this to swap in a client pointed at nock, a scripted prompter or a fake TTY.
export function setDepsForTests(next: Partial<Deps> | undefined): void {
  overrides = next
}

async function askOnStderr(question: string): Promise<string> {
  const {input} = await import('@inquirer/prompts')
  return input({message: question, theme: {prefix: ''}}, {output: process.stderr})
}

async function openInBrowser(url: string): Promise<void> {
  const {default: open} = await import('open')
  await open(url)
}

export function createDeps(): Deps {
  const env = overrides?.env ?? process.env
  return {
    api: overrides?.api ?? new ApiClient(),
    isTTY: overrides?.isTTY ?? Boolean(process.stdin.isTTY && process.stderr.isTTY),
    stdoutIsTTY: overrides?.stdoutIsTTY ?? Boolean(process.stdout.isTTY),
    ask: overrides?.ask ?? askOnStderr,
    openUrl: overrides?.openUrl ?? openInBrowser,
    canOpenBrowser: overrides?.canOpenBrowser ?? (process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)),
    env,
  }
}
