import type {CheckReport} from './check-report.js'
import {checkDeprovision} from './conformance/deprovision.js'
import {checkPlanChange} from './conformance/plan-change.js'
import {planChangeTarget} from './conformance/plans.js'
import {checkProvision} from './conformance/provision.js'
import {cleanUp, prepare, provisionSettings, type ConformanceSettings} from './conformance/suite.js'
import type {CommandRunner} from './run-command.js'

export interface RunFlowSettings extends ConformanceSettings {
  command: string[]
  runCommand: CommandRunner
  env: NodeJS.ProcessEnv
}

export interface RunFlowResult {
  report: CheckReport
  // undefined when the command never ran (no resource to give it)
  commandExitCode?: number
}

// Exit code for a command that could not be started, as shells use.
export const notStartedExitCode = 127

/**
 * `provider:run`: provision, run the command with the resource's config vars in its environment,
 * change plan, deprovision. The resource is removed whatever the command did: a failing consumer
 * test must not leave resources behind on the provider.
 */
export async function runWithAddon(settings: RunFlowSettings): Promise<RunFlowResult> {
  const {report, context} = prepare(settings)
  if (!context) return {report}
  const {manifest} = context
  const outcome = await checkProvision(context, provisionSettings(manifest, settings))
  let commandExitCode: number | undefined
  if (outcome.id !== undefined) {
    const vars = Object.keys(outcome.config)
    report.info(`\nStarting ${settings.command.join(' ')}${vars.length ? ` with ${vars.join(', ')}` : ' (no config vars were returned)'}...`)
    const exit = await settings.runCommand(settings.command, {...settings.env, ...outcome.config})
    if ('error' in exit) {
      commandExitCode = notStartedExitCode
      report.info(`Could not start the command: ${exit.error}`)
    } else {
      commandExitCode = exit.code
      report.info(exit.code === 0 ? `End of ${settings.command[0]}` : `${settings.command[0]} exited with code ${exit.code}`)
    }
    await checkPlanChange(context, outcome.id, planChangeTarget(manifest, settings.plan))
    await checkDeprovision(context, outcome.id)
  } else report.info('\nNo resource id: the command is not run.')
  await cleanUp(context, outcome)
  return {report, commandExitCode}
}

// The command's code when it failed; otherwise 0 when every check passed and 1 when one did not.
export function runExitCode(result: RunFlowResult): number {
  if (result.commandExitCode !== undefined && result.commandExitCode !== 0) return result.commandExitCode
  return result.report.ok && result.commandExitCode !== undefined ? 0 : 1
}
