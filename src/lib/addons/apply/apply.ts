import {readAppJson} from '../../app-json/read.js'
import type {Deps} from '../../deps.js'
import {confirmApp} from '../../prompts/confirm-app.js'
import {computePlan, type ApplyPlan} from './plan.js'
import {appliedLine, dryRunLine, noChangesLine, planLines} from './render.js'
import {runPlan} from './run.js'
import {readAppState} from './state.js'

export interface ApplyRequest {
  app: string
  file: string
  dryRun: boolean
  prune: boolean
  confirm?: string
  wait: boolean
  bin: string
  // the plan and the closing line (stdout; nothing under --json)
  print(line: string): void
  // progress, prompts and reports (stderr)
  write(line: string): void
}

// What `addons:apply --json` prints: the plan, and whether it was carried out.
export interface ApplyResult extends ApplyPlan {
  applied: boolean
}

// Brings an app's add-ons and config vars in line with an app.json: reads the file (refused before
// any request when it is wrong), reads the app in three requests, prints the plan, then makes the
// changes unless it is a dry run or there are none.
export async function applyAppJson(deps: Deps, request: ApplyRequest): Promise<ApplyResult> {
  const {app} = request
  // a --confirm for another app is refused before anything is read
  if (request.confirm !== undefined) await confirmApp(deps, {app, confirm: request.confirm, warnings: [], write: request.write})
  const manifest = await readAppJson(request.file)
  const state = await readAppState(deps.api, app)
  const plan = computePlan(manifest, state, {prune: request.prune})
  for (const line of planLines(plan)) request.print(line)
  if (plan.steps.length === 0) {
    request.print(noChangesLine(plan))
    return {...plan, applied: false}
  }
  if (request.dryRun) {
    request.print(dryRunLine(plan))
    return {...plan, applied: false}
  }
  await runPlan(deps, plan, manifest, state, {wait: request.wait, confirm: request.confirm, bin: request.bin, write: request.write})
  request.print(appliedLine(plan))
  return {...plan, applied: true}
}
