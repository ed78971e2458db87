import type {ProviderManifest} from '../../../providers/kit/manifest-types.js'

// kensa's development plan, used when a manifest lists no plans
const fallbackPlan = 'test'

export function defaultPlanName(manifest: ProviderManifest): string {
  const plans = manifest.plans ?? []
  return (plans.find((plan) => plan.default) ?? plans[0])?.name ?? fallbackPlan
}

// The plan a plan change goes to: the one asked for, else the first that is not the default,
// else the default itself (a provider must accept a change to the current plan too).
export function planChangeTarget(manifest: ProviderManifest, requested?: string): string {
  if (requested) return requested
  return (manifest.plans ?? []).find((plan) => !plan.default)?.name ?? defaultPlanName(manifest)
}
