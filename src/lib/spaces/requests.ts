import type {ApiClient} from '../api/client.js'
import type {Region, Space} from '../api/types.js'

export function listSpaces(api: ApiClient): Promise<Space[]> {
  return api.list<Space>('/spaces')
}

// `team` is what real Heroku needs for a space; the local platform owns spaces by account and ignores its absence.
export function createSpace(api: ApiClient, input: {name: string; region: string; team?: string}): Promise<Space> {
  const body = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
  return api.post<Space>('/spaces', body)
}

export function listRegions(api: ApiClient): Promise<Region[]> {
  return api.list<Region>('/regions')
}
