import {ux} from '@oclif/core'
import type {ApiClient} from '../api/client.js'
import type {Release} from '../api/types.js'
import type {Deps} from '../deps.js'
import {AddonkitError} from '../errors.js'
import {confirmApp} from '../prompts/confirm-app.js'
import {getRelease, listReleases, postRollback} from './requests.js'
import {releaseRefArg} from './version-arg.js'

// Plans on the app now that it did not have then, and the other way round.
export interface AddonChanges {
  attached: string[]
  removed: string[]
}

// A rollback does not touch add-ons, so what changed since then stays changed: the release rolled back
// to and the new one each list the app's add-on plans, and the difference is what the user is told.
export function addonChangesSince(then: string[], now: string[]): AddonChanges {
  const before = new Set(then)
  const after = new Set(now)
  return {attached: [...after].filter((p) => !before.has(p)).sort(), removed: [...before].filter((p) => !after.has(p)).sort()}
}

// The default target: the newest release older than the current one that can be rolled back to.
export function previousEligible(releases: Release[]): Release | undefined {
  const newestFirst = [...releases].sort((a, b) => b.version - a.version)
  const current = newestFirst.find((r) => r.current) ?? newestFirst[0]
  return current && newestFirst.find((r) => r.version < current.version && r.eligible_for_rollback)
}

// Shown above the type-the-app-name question; the first line is also the error off a TTY.
export function rollbackWarnings(app: string, version: number): string[] {
  return [`Rolling back ${app} to v${version} replaces its config vars with those of v${version}.`, 'Add-ons and their config vars stay as they are.']
}

// One warning line, or none when the add-ons are the same as then.
export function addonChangeWarning(version: number, changes: AddonChanges): string | undefined {
  const parts: string[] = []
  if (changes.attached.length > 0) parts.push(`attached since v${version}: ${changes.attached.join(', ')}`)
  if (changes.removed.length > 0) parts.push(`removed since v${version}: ${changes.removed.join(', ')}`)
  return parts.length === 0 ? undefined : `Warning: rollback does not affect add-ons; ${parts.join('; ')}.`
}

export interface RollbackRequest {
  app: string
  // v5, 5 or a release id; the one before the current when omitted
  version?: string
  confirm?: string
  write(line: string): void
}

export interface RollbackResult {
  target: Release
  release: Release
  changes: AddonChanges
}

// Finds the release, asks (or takes --confirm), then rolls back: nothing changes before the answer.
export async function rollbackApp(deps: Deps, request: RollbackRequest): Promise<RollbackResult> {
  const {app} = request
  // a --confirm naming another app fails before anything is read
  if (request.confirm !== undefined && request.confirm !== app) await confirmApp(deps, {app, confirm: request.confirm, warnings: [], write: request.write})
  const target = await rollbackTarget(deps.api, app, request.version)
  await confirmApp(deps, {app, confirm: request.confirm, warnings: rollbackWarnings(app, target.version), write: request.write})
  ux.action.start(`Rolling back ${app} to v${target.version}`)
  const release = await postRollback(deps.api, app, target.id)
  ux.action.stop(`done, v${release.version}`)
  return {target, release, changes: addonChangesSince(target.addon_plan_names, release.addon_plan_names)}
}

async function rollbackTarget(api: ApiClient, app: string, version: string | undefined): Promise<Release> {
  if (version === undefined) {
    const target = previousEligible(await listReleases(api, app, 10))
    if (!target) throw new AddonkitError(`No eligible release found for ${app} to roll back to.`)
    return target
  }
  const release = await getRelease(api, app, releaseRefArg(version))
  if (!release.eligible_for_rollback) throw new AddonkitError(`v${release.version} of ${app} is not eligible for rollback.`)
  return release
}
