import {Command, Errors, ux} from '@oclif/core'
import {AddonkitError, ExitCode} from './errors.js'
import {createDeps, type Deps} from './deps.js'

// Every addonkit command: the shared dependencies, and failures as one line plus a documented exit code.
export abstract class BaseCommand extends Command {
  protected deps!: Deps

  async init(): Promise<void> {
    await super.init()
    this.deps = createDeps()
  }

  // oclif colours JSON one token at a time, which took longer than drawing the tables for 1,000 add-ons;
  // a pipe or NO_COLOR gets the same text straight from JSON.stringify
  logJson(json: unknown): void {
    if (process.stdout.isTTY && !process.env.NO_COLOR) return super.logJson(json)
    ux.stdout(JSON.stringify(json, null, 2))
  }

  // Long text exactly as it is (a statement of ten thousand lines): this.log runs it through
  // util.format twice (oclif's and console's), reading every character for a %.
  protected print(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<never> {
    if (error instanceof Errors.ExitError) throw error
    // a running progress action holds stdout and stderr until it stops
    if (ux.action.running) ux.action.stop('!')
    const {message, code} = describeFailure(error)
    // ux.stderr, not logToStderr: oclif silences the latter under --json, and a failure must still say why
    ux.stderr(`Error: ${message}`)
    if (process.env.DEBUG?.includes('addonkit') && error.stack) ux.stderr(error.stack)
    this.exit(code)
  }
}

function describeFailure(error: Error & {oclif?: {exit?: number}}): {message: string; code: number} {
  if (error instanceof AddonkitError) return {message: error.message, code: error.exitCode}
  if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') return {message: 'Aborted.', code: ExitCode.usage}
  const firstLine = meaningfulLine(error.message || String(error))
  // oclif's own parse errors (missing arg, unknown flag) are usage errors
  const exit = error.oclif?.exit
  return {message: firstLine.trim(), code: exit === 2 ? ExitCode.usage : ExitCode.error}
}

// oclif's parse errors span several lines ("The following error occurred:", the error, "See more help
// with --help"; "Missing 2 required args:" then a line per argument): keep one line that says what is wrong.
function meaningfulLine(message: string): string {
  const raw = message.split('\n')
  const lines = raw
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^The following errors? occurred:?$/.test(line) && !/^See more help with/.test(line))
  if (lines.length > 1 && /^Missing \d+ required args?:$/.test(lines[0])) {
    // one "name  description" line per argument; wrapped descriptions continue on indented lines
    const start = raw.findIndex((line) => /^Missing \d+ required args?:$/.test(line.trim()))
    const names = raw
      .slice(start + 1)
      .filter((line) => /^\S/.test(line) && !/^See more help with/.test(line))
      .map((line) => line.split(/\s+/)[0].toUpperCase())
    return `Missing required argument${names.length > 1 ? 's' : ''}: ${names.join(', ')}`
  }
  // "Parsing --port" alone does not say what was wrong with it
  if (lines.length > 1 && /^Parsing --\S+$/.test(lines[0])) return `${lines[0]}: ${lines[1]}`
  return lines[0] ?? 'Unknown error'
}
