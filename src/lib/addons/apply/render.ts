import {planSlug} from '../../plans/list.js'
import type {ApplyPlan, PlanStep, Unchanged, Unmanaged} from './plan.js'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const aliasList = (aliases: string[]) => (aliases.length > 0 ? ` (${aliases.join(', ')})` : '')

// One line per step, as the plan is shown before anything is applied and in the failure report.
export function stepLine(step: PlanStep): string {
  switch (step.action) {
    case 'create': {
      const options = Object.entries(step.options).map(([key, value]) => `${key}=${value}`)
      return [
        `+ create ${step.plan ?? step.service}`,
        step.as ? ` as ${step.as}` : '',
        step.name ? ` named ${step.name}` : '',
        options.length > 0 ? ` with ${options.join(', ')}` : '',
      ].join('')
    }
    case 'change_plan':
      return `~ plan ${step.addon.name} (${step.as}): ${planSlug(step.from)} → ${planSlug(step.to)}`
    case 'set':
      return `+ set ${step.name} (${step.source === 'generated' ? 'generated' : 'from app.json'})`
    case 'destroy':
      return `- destroy ${step.addon.name}${aliasList(step.aliases)}`
  }
}

export function unchangedLine(item: Unchanged): string {
  return `= ${item.addon.name} (${item.as}) ${item.plan} unchanged`
}

export function unmanagedLine(item: Unmanaged): string {
  const why = item.reason === 'other_app' ? `it belongs to ${item.addon.app}` : '--prune destroys it'
  return `? ${item.addon.name}${aliasList(item.aliases)} ${item.plan} is not in app.json: left alone (${why})`
}

// The whole plan: the changes in the order they are made, then what stays as it is.
export function planLines(plan: ApplyPlan): string[] {
  return [...plan.steps.map(stepLine), ...plan.unchanged.map(unchangedLine), ...plan.unmanaged.map(unmanagedLine)]
}

export function noChangesLine(plan: ApplyPlan): string {
  return `No changes: ${plural(plan.unchanged.length, 'add-on matches', 'add-ons match')} app.json.`
}

export function dryRunLine(plan: ApplyPlan): string {
  return `Dry run: ${plural(plan.steps.length, 'change', 'changes')} planned for ${plan.app}, nothing changed.`
}

export function appliedLine(plan: ApplyPlan): string {
  return `Applied ${plural(plan.steps.length, 'change', 'changes')} to ${plan.app}.`
}

// What a failed run leaves: the steps made and those not, so the next run is no surprise.
export function failureReport(plan: ApplyPlan, done: number, bin: string): string[] {
  const made = plan.steps.slice(0, done).map((step) => `  ${stepLine(step)}`)
  const left = plan.steps.slice(done).map((step) => `  ${stepLine(step)}`)
  return [
    made.length > 0 ? 'Done:' : 'Done: nothing',
    ...made,
    `Not done (run ${bin} addons:apply again to continue):`,
    ...left,
  ]
}
