import {AddonkitError, ExitCode, UsageError} from '../errors.js'
import type {Deps} from '../deps.js'

export interface ConfirmOptions {
  app: string
  // the value of --confirm, if given
  confirm?: string
  // the lines shown before the question, e.g. "WARNING: Destructive Action"
  warnings: string[]
  write(line: string): void
}

// The type-the-app-name confirmation. `--confirm APP` skips it; off a TTY it fails before anything changes.
export async function confirmApp(deps: Deps, options: ConfirmOptions): Promise<void> {
  const {app, confirm} = options
  if (confirm !== undefined) {
    if (confirm === app) return
    throw new UsageError(`Confirmation ${confirm} did not match ${app}. Re-run with --confirm ${app}.`)
  }
  if (!deps.isTTY) {
    // the first warning ends in ": re-run ...", so its own full stop goes
    const reason = (options.warnings[0] ?? 'This action needs confirmation').replace(/\.$/, '')
    throw new UsageError(`${reason}: re-run this command with --confirm ${app}`)
  }
  for (const line of options.warnings) options.write(` !    ${line}`)
  options.write(` !    To proceed, type "${app}" or re-run this command with --confirm ${app}`)
  let answer: string
  try {
    answer = await deps.ask('>')
  } catch {
    throw new AddonkitError('Aborted.', ExitCode.usage)
  }
  if (answer.trim() !== app) throw new AddonkitError(`Confirmation did not match ${app}. Aborted.`, ExitCode.usage)
}
