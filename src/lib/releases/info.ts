import type {ApiClient} from '../api/client.js'
import type {ConfigVars, Release} from '../api/types.js'
import {isApiError, NotFoundError} from '../errors.js'
import {getRelease, getReleaseConfigVars, listReleases} from './requests.js'
import {releaseRefArg} from './version-arg.js'

export interface ReleaseDetails {
  release: Release
  // the release's config vars, when asked for
  configVars?: ReleaseConfigVars
}

// The vars, or why the platform cannot give them (a release made before they were kept).
export type ReleaseConfigVars = {vars: ConfigVars} | {unavailable: string}

// One release (the current one when `version` is omitted) and, when asked, its config vars.
export async function releaseDetails(api: ApiClient, app: string, version: string | undefined, withConfigVars: boolean): Promise<ReleaseDetails> {
  const ref = version === undefined ? undefined : releaseRefArg(version)
  const release = ref === undefined ? await currentRelease(api, app) : await getRelease(api, app, ref)
  if (!withConfigVars) return {release}
  try {
    return {release, configVars: {vars: await getReleaseConfigVars(api, app, release.version)}}
  } catch (error) {
    // the release itself is worth showing even when its vars were never recorded
    if (isApiError(error) && error.status === 422) return {release, configVars: {unavailable: error.message}}
    throw error
  }
}

async function currentRelease(api: ApiClient, app: string): Promise<Release> {
  const [newest] = await listReleases(api, app, 1)
  if (!newest) throw new NotFoundError(`${app} has no releases.`)
  return newest
}
