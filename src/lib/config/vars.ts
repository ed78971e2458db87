import type {ApiClient} from '../api/client.js'
import type {ConfigVars} from '../api/types.js'
import {latestReleaseVersion} from '../releases/latest.js'

const path = (app: string) => `/apps/${encodeURIComponent(app)}/config-vars`

export function getConfigVars(api: ApiClient, app: string): Promise<ConfigVars> {
  return api.get<ConfigVars>(path(app))
}

// Applies a change (null unsets) and returns what the platform now holds for those keys plus the new release.
export async function patchConfigVars(
  api: ApiClient,
  app: string,
  change: Record<string, string | null>,
): Promise<{vars: ConfigVars; version?: number}> {
  const all = await api.patch<ConfigVars>(path(app), change)
  const vars: ConfigVars = {}
  for (const key of Object.keys(change)) if (all[key] !== undefined) vars[key] = all[key]
  return {vars, version: await latestReleaseVersion(api, app)}
}
