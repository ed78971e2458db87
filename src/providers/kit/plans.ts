import {unprocessable} from './errors.js'
import type {ManifestPlan, ProviderManifest} from './manifest-types.js'
import {regionSupported} from './regions.js'

// The plan slug as the provider knows it: the platform may send `service:plan`.
export function planSlug(manifest: ProviderManifest, requested: string): string {
  return requested.startsWith(`${manifest.id}:`) ? requested.slice(manifest.id.length + 1) : requested
}

// A manifest without plans accepts any plan (kensa's `test` plan during development).
export function findPlan(manifest: ProviderManifest, requested: string): ManifestPlan | undefined {
  const slug = planSlug(manifest, requested)
  const plans = manifest.plans ?? []
  if (plans.length === 0) return {name: slug, price: {cents: 0, unit: 'month'}}
  const plan = plans.find((p) => p.name === slug)
  if (!plan) {
    throw unprocessable(`${manifest.id} has no plan "${slug}": use one of ${plans.map((p) => p.name).join(', ')}.`)
  }
  return plan
}

export function checkRegion(manifest: ProviderManifest, region: string | undefined): void {
  if (!regionSupported(manifest.api.regions, region)) {
    throw unprocessable(`${manifest.id} is not available in region ${region}: it serves ${manifest.api.regions.join(', ')}.`)
  }
}
