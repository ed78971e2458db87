import type {ApiClient} from '../api/client.js'
import type {ConfigVars, Release} from '../api/types.js'

const releasesPath = (app: string) => `/apps/${encodeURIComponent(app)}/releases`

// The newest `max` releases, newest first: one page, asked for as the heroku CLI asks.
export function listReleases(api: ApiClient, app: string, max: number): Promise<Release[]> {
  return api.get<Release[]>(releasesPath(app), {headers: {range: `version ..; max=${max}, order=desc`}, partial: true})
}

// `ref`: a version number or a release id.
export function getRelease(api: ApiClient, app: string, ref: string): Promise<Release> {
  return api.get<Release>(`${releasesPath(app)}/${encodeURIComponent(ref)}`)
}

export function getReleaseConfigVars(api: ApiClient, app: string, version: number): Promise<ConfigVars> {
  return api.get<ConfigVars>(`${releasesPath(app)}/${version}/config-vars`)
}

// Heroku's rollback: a new release made from an earlier one, named by its id.
export function postRollback(api: ApiClient, app: string, releaseId: string): Promise<Release> {
  return api.post<Release>(releasesPath(app), {release: releaseId})
}
