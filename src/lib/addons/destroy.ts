import {ux} from '@oclif/core'
import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import {AddonkitError} from '../errors.js'
import {doneWithPrice} from '../output/price-note.js'
import {latestReleaseVersion} from '../releases/latest.js'
import {listAddonAttachments} from './list.js'
import {priceOf} from './render.js'
import {waitForAddon} from './wait.js'

// Add-ons grouped by the app that owns them: the app the user is asked to confirm.
export function groupByOwner(addons: Addon[]): Map<string, Addon[]> {
  const groups = new Map<string, Addon[]>()
  for (const addon of addons) {
    if (groups.get(addon.app.name)?.some((known) => known.id === addon.id)) continue
    groups.set(addon.app.name, [...(groups.get(addon.app.name) ?? []), addon])
  }
  return groups
}

// The seed's two lines, then what goes with each add-on, so nobody destroys an add-on thinking it is an alias.
export function destructionWarnings(app: string, doomed: DoomedAddon[] = []): string[] {
  return ['WARNING: Destructive Action', `This command will affect the app: ${app}`, ...doomed.map(describeLoss).filter((line) => line !== '')]
}

export interface DoomedAddon {
  addon: Addon
  // every attachment of the add-on, on any app, with its config var names
  attachments: Attachment[]
}

// `cooling-carefully-7273 takes with it: HEROKU_REDIS_ROSE (HEROKU_REDIS_ROSE_URL) on example-app`
export function describeLoss({addon, attachments}: DoomedAddon): string {
  if (attachments.length === 0) return ''
  const parts = [...attachments]
    .sort((a, b) => a.app.name.localeCompare(b.app.name) || a.name.localeCompare(b.name))
    .map((attachment) => {
      const vars = attachment.config_vars?.length ? ` (${attachment.config_vars.join(', ')})` : ''
      return `${attachment.name}${vars} on ${attachment.app.name}`
    })
  return `${addon.name} takes with it: ${parts.join(', ')}`
}

// Reads what will go with each add-on, before anything is deleted.
export async function doomedAddons(api: ApiClient, addons: Addon[]): Promise<DoomedAddon[]> {
  const doomed: DoomedAddon[] = []
  for (const addon of addons) doomed.push({addon, attachments: await listAddonAttachments(api, addon.id)})
  return doomed
}

export interface DestroyOptions {
  force: boolean
  wait: boolean
  write(line: string): void
}

// Deprovisions one add-on, then reports the aliases whose vars went with it, one line per app.
export async function destroyAddon(api: ApiClient, {addon, attachments}: DoomedAddon, options: DestroyOptions): Promise<Addon> {
  const app = addon.app.name
  ux.action.start(`Destroying ${addon.name} on ${app}`)
  let result = await api.delete<Addon>(
    `/apps/${encodeURIComponent(app)}/addons/${encodeURIComponent(addon.id)}`,
    {force: options.force},
    {headers: {'accept-expansion': 'plan'}},
  )
  const price = priceOf(result) ?? priceOf(addon)
  ux.action.stop(doneWithPrice(price))
  if (result.state === 'deprovisioning') {
    if (!options.wait) {
      options.write(`${addon.name} is being destroyed in the background. The app will restart when complete...`)
      return result
    }
    ux.action.start(`Waiting for ${addon.name}`)
    result = await waitForAddon(api, app, result)
    if (result.state === 'deprovisioned') ux.action.stop()
  }
  if (result.state !== 'deprovisioned') throw new AddonkitError(`The add-on was unable to be destroyed, with status ${result.state}`)
  await reportRemovedVars(api, app, attachments)
  return result
}

// `Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, v16`: the owning app first.
async function reportRemovedVars(api: ApiClient, owner: string, attachments: Attachment[]): Promise<void> {
  const byApp = new Map<string, string[]>()
  for (const attachment of attachments) byApp.set(attachment.app.name, [...(byApp.get(attachment.app.name) ?? []), attachment.name])
  const apps = [...byApp.keys()].sort((a, b) => Number(b === owner) - Number(a === owner) || (a < b ? -1 : 1))
  for (const app of apps) {
    ux.action.start(`Removing vars for ${byApp.get(app)!.sort().join(', ')} from ${app} and restarting`)
    const version = await latestReleaseVersion(api, app)
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
  }
}
