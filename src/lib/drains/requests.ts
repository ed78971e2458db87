import type {ApiClient} from '../api/client.js'
import type {Addon, LogDrain} from '../api/types.js'

const drainsPath = (app: string) => `/apps/${encodeURIComponent(app)}/log-drains`

export function listDrains(api: ApiClient, app: string): Promise<LogDrain[]> {
  return api.list<LogDrain>(drainsPath(app))
}

export function addDrain(api: ApiClient, app: string, url: string): Promise<LogDrain> {
  return api.post<LogDrain>(drainsPath(app), {url})
}

// `ref`: the drain's URL, token or id (a URL travels encoded as one path segment).
export function removeDrain(api: ApiClient, app: string, ref: string): Promise<LogDrain> {
  return api.delete<LogDrain>(`${drainsPath(app)}/${encodeURIComponent(ref)}`)
}

// The plan of each add-on that brought a drain, by add-on name (what `drains` prints for them,
// as the heroku CLI does): one request per add-on, side by side.
export async function addonPlans(api: ApiClient, app: string, drains: LogDrain[]): Promise<Map<string, string>> {
  const names = [...new Set(drains.flatMap((d) => (d.addon ? [d.addon.name] : [])))]
  const addons = await Promise.all(names.map((name) => api.get<Addon>(`/apps/${encodeURIComponent(app)}/addons/${encodeURIComponent(name)}`)))
  return new Map(addons.map((addon) => [addon.name, addon.plan.name]))
}
