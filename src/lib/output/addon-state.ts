import type {AddonState} from '../api/types.js'

// The words `addons:info` shows for an add-on's state; they describe what the user asked for, not the wire enum.
const LABELS: Record<AddonState, string> = {
  provisioning: 'creating',
  provisioned: 'created',
  deprovisioning: 'destroying',
  deprovisioned: 'destroyed',
}

export function addonStateLabel(state: string): string {
  return LABELS[state as AddonState] ?? state
}
