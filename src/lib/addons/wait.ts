import type {ApiClient} from '../api/client.js'
import type {Addon, AddonState} from '../api/types.js'
import {isApiError} from '../errors.js'

const DEFAULT_INTERVAL_MS = 5000
const PENDING: AddonState[] = ['provisioning', 'deprovisioning']

export interface WaitOptions {
  // pause between two polls; defaults to ADDONKIT_WAIT_INTERVAL_MS or 5 s, as the heroku CLI waits
  intervalMs?: number
  // called with every add-on read while waiting, e.g. to show its state
  onState?: (addon: Addon) => void
}

export function isPending(addon: Pick<Addon, 'state'>): boolean {
  return PENDING.includes(addon.state)
}

export function waitIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.ADDONKIT_WAIT_INTERVAL_MS)
  return Number.isFinite(configured) && configured >= 0 && env.ADDONKIT_WAIT_INTERVAL_MS !== '' ? configured : DEFAULT_INTERVAL_MS
}

// Polls an add-on on its app until it leaves provisioning/deprovisioning. A 404 means the platform
// has already removed it: that is the end of a deprovision, reported as state `deprovisioned`.
export async function waitForAddon(api: ApiClient, app: string, addon: Addon, options: WaitOptions = {}): Promise<Addon> {
  const interval = options.intervalMs ?? waitIntervalMs()
  const path = `/apps/${encodeURIComponent(app)}/addons/${encodeURIComponent(addon.id)}`
  let current = addon
  while (isPending(current)) {
    await sleep(interval)
    try {
      current = await api.get<Addon>(path, {headers: {'accept-expansion': 'addon_service,plan'}})
    } catch (error) {
      if (isApiError(error) && error.status === 404) return {...current, state: 'deprovisioned'}
      throw error
    }
    options.onState?.(current)
  }
  return current
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms)
  })
}
