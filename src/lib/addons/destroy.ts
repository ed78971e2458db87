import {ux} from '@oclif/core'
import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import {AddonkitError} from '../errors.js'
import {formatPrice} from '../output/price.js'
import {latestReleaseVersion} from '../releases.js'
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

export function destructionWarnings(app: string): string[] {
  return ['WARNING: Destructive Action', `This command will affect the app: ${app}`]
}

export interface DestroyOptions {
  force: boolean
  wait: boolean
  write(line: string): void
}

// Deprovisions one add-on, then reports the aliases whose vars went with it, one line per app.
export async function destroyAddon(api: ApiClient, addon: Addon, options: DestroyOptions): Promise<Addon> {
  const app = addon.app.name
  // read before the delete: afterwards the attachments are gone
  const attachments = await listAddonAttachments(api, addon.id)
  ux.action.start(`Destroying ${addon.name} on ${app}`)
  let result = await api.delete<Addon>(
    `/apps/${encodeURIComponent(app)}/addons/${encodeURIComponent(addon.id)}`,
    {force: options.force},
    {headers: {'accept-expansion': 'plan'}},
  )
  const price = priceOf(result) ?? priceOf(addon)
  ux.action.stop(price ? `done, (${formatPrice(price)})` : 'done')
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
