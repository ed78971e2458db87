import {ux} from '@oclif/core'
import {generateSecret, type AppJsonManifest} from '../../../wire/app-json.js'
import type {Addon} from '../../api/types.js'
import {humanList} from '../../config/format.js'
import {patchConfigVars} from '../../config/vars.js'
import type {Deps} from '../../deps.js'
import {doneWithPrice} from '../../output/price-note.js'
import {changePlan} from '../../plans/change.js'
import {confirmApp} from '../../prompts/confirm-app.js'
import {announceCreated, createAddon} from '../create.js'
import {destroyAddon, destructionWarnings, type DoomedAddon, doomedAddons} from '../destroy.js'
import {priceOf} from '../render.js'
import type {AppState, ApplyPlan, SetStep} from './plan.js'
import {failureReport} from './render.js'

export interface RunOptions {
  wait: boolean
  confirm?: string
  // the CLI's own name, for the hints it prints
  bin: string
  // progress and reports, on stderr
  write(line: string): void
}

// Makes the plan's changes one by one with the same calls (and the same progress lines) as the
// single commands. Destroys are confirmed before the first change. A failing step stops the run:
// what was done and what was not is printed, then the error; running again continues from there,
// since the next plan starts from what the app then holds.
export async function runPlan(deps: Deps, plan: ApplyPlan, manifest: AppJsonManifest, state: AppState, options: RunOptions): Promise<void> {
  const {app} = plan
  const addons = new Map(state.addons.map((addon) => [addon.id, addon]))
  const addon = (id: string): Addon => addons.get(id)!
  const destroys = plan.steps.flatMap((step) => (step.action === 'destroy' ? [addon(step.addon.id)] : []))
  const doomed = new Map<string, DoomedAddon>()
  if (destroys.length > 0) {
    // what goes with each add-on, read before anything is deleted, is what the question shows
    for (const item of await doomedAddons(deps.api, destroys)) doomed.set(item.addon.id, item)
    await confirmApp(deps, {app, confirm: options.confirm, warnings: destructionWarnings(app, [...doomed.values()]), write: options.write})
  }

  let done = 0
  try {
    while (done < plan.steps.length) {
      const step = plan.steps[done]
      switch (step.action) {
        case 'create': {
          const created = await createAddon(deps, {
            app,
            plan: step.plan ?? step.service,
            name: step.name ?? undefined,
            as: step.as ?? undefined,
            config: step.options,
            confirm: options.confirm,
          })
          await announceCreated(deps.api, app, created, {wait: options.wait, bin: options.bin, write: options.write})
          if (created.provision_message) options.write(created.provision_message)
          done++
          break
        }
        case 'change_plan': {
          ux.action.start(`Changing ${step.addon.name} on ${step.addon.app} from ${step.from} to ${step.to}`)
          const changed = await changePlan(deps.api, addon(step.addon.id), step.to)
          ux.action.stop(doneWithPrice(priceOf(changed)))
          if (changed.provision_message) options.write(changed.provision_message)
          done++
          break
        }
        case 'set': {
          // the vars go in one change, one release, as config:set makes it
          const sets = plan.steps.slice(done).filter((s): s is SetStep => s.action === 'set')
          const values = Object.fromEntries(sets.map((s) => [s.name, valueOf(manifest, s)]))
          ux.action.start(`Setting ${humanList(Object.keys(values))} and restarting ${app}`)
          const {version} = await patchConfigVars(deps.api, app, values)
          ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
          done += sets.length
          break
        }
        case 'destroy': {
          await destroyAddon(deps.api, doomed.get(step.addon.id)!, {force: false, wait: options.wait, write: options.write})
          done++
          break
        }
      }
    }
  } catch (error) {
    if (ux.action.running) ux.action.stop('!')
    for (const line of failureReport(plan, done, options.bin)) options.write(line)
    throw error
  }
}

function valueOf(manifest: AppJsonManifest, step: SetStep): string {
  if (step.source === 'generated') return generateSecret()
  return manifest.env.find((env) => env.name === step.name)!.value!
}
