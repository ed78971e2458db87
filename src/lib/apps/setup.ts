import type {AppSetup, AppSetupRequest} from '../../wire/app-setup.js'
import type {ApiClient} from '../api/client.js'
import {AddonkitError, UsageError} from '../errors.js'

export function createAppSetup(api: ApiClient, request: AppSetupRequest): Promise<AppSetup> {
  return api.post<AppSetup>('/app-setups', request)
}

// Polls the setup until it has succeeded or failed.
export async function waitForAppSetup(api: ApiClient, setup: AppSetup, intervalMs: number): Promise<AppSetup> {
  let current = setup
  while (current.status === 'pending') {
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    current = await api.get<AppSetup>(`/app-setups/${encodeURIComponent(setup.id)}`)
  }
  return current
}

// A failed setup as one line: the platform's message, its manifest errors, and that nothing stayed.
export function setupFailure(setup: AppSetup): AddonkitError {
  const message = (setup.failure_message ?? 'The app setup failed').replace(/\.$/, '')
  const errors = setup.manifest_errors.length > 0 ? `: ${setup.manifest_errors.join('; ')}` : ''
  return new AddonkitError(`${message}${errors}. ${setup.app.name} and what was created for it have been removed.`)
}

// --env KEY=VALUE pairs.
export function parseEnvPairs(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--env takes KEY=VALUE, not ${pair}`)
    env[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return env
}
