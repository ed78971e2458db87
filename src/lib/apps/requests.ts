import type {ApiClient} from '../api/client.js'
import type {Addon, App} from '../api/types.js'

const appPath = (app: string) => `/apps/${encodeURIComponent(app)}`

export interface NewApp {
  name?: string
  region?: string
  space?: string
}

export function listApps(api: ApiClient): Promise<App[]> {
  return api.list<App>('/apps')
}

// Only the fields given are sent: the platform picks a name and the default region otherwise.
export function createApp(api: ApiClient, app: NewApp): Promise<App> {
  const body = Object.fromEntries(Object.entries(app).filter(([, value]) => value !== undefined))
  return api.post<App>('/apps', body)
}

export function getApp(api: ApiClient, app: string): Promise<App> {
  return api.get<App>(appPath(app))
}

// The add-ons on an app with their plans expanded, for the plan names `apps:info` lists.
export function getAppAddons(api: ApiClient, app: string): Promise<Addon[]> {
  return api.list<Addon>(`${appPath(app)}/addons`, {headers: {'accept-expansion': 'addon_service,plan'}})
}

export function destroyApp(api: ApiClient, app: string): Promise<App> {
  return api.delete<App>(appPath(app))
}
