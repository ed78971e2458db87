import {ux} from '@oclif/core'
import type {ApiClient} from '../api/client.js'
import type {Addon} from '../api/types.js'
import type {Deps} from '../deps.js'
import {AddonkitError} from '../errors.js'
import {doneWithPrice} from '../output/price-note.js'
import {latestReleaseVersion} from '../releases/latest.js'
import {withValidPlans} from '../plans/change.js'
import {sendConfirmed} from './confirmation.js'
import {priceOf} from './render.js'
import {waitForAddon} from './wait.js'

export interface CreateRequest {
  app: string
  // `service` or `service:plan`
  plan: string
  name?: string
  // the attachment name (alias) on the app
  as?: string
  // provider options
  config: Record<string, string>
  confirm?: string
}

// Provisions an add-on exactly as the heroku CLI asks for it, confirming when the platform says so.
export async function createAddon(deps: Deps, request: CreateRequest): Promise<Addon> {
  const {app} = request
  const body = (confirm?: string) => ({
    plan: {name: request.plan},
    ...(request.name ? {name: request.name} : {}),
    ...(request.as ? {attachment: {name: request.as}} : {}),
    config: request.config,
    ...(confirm ? {confirm} : {}),
  })
  try {
    return await sendConfirmed(deps, {
      app,
      confirm: request.confirm,
      send: (confirm) =>
        deps.api.post<Addon>(`/apps/${encodeURIComponent(app)}/addons`, body(confirm), {
          headers: {'accept-expansion': 'plan', 'x-heroku-legacy-provider-messages': 'true'},
        }),
      warnings: (refusal) => refusal.message.split('\n'),
    })
  } catch (error) {
    // `service:plan` with a plan the service lacks: name the ones it has
    const [service, plan] = request.plan.split(':')
    throw plan === undefined ? error : await withValidPlans(deps.api, error, service, request.plan)
  }
}

export interface AnnounceOptions {
  wait: boolean
  // the CLI's own name, for the addons:info hint
  bin: string
  write(line: string): void
}

// The seed's three progress lines after a create; for an add-on still provisioning, either the
// background notice or (with --wait) the wait. Returns the add-on as it ended up.
export async function announceCreated(api: ApiClient, app: string, created: Addon, options: AnnounceOptions): Promise<Addon> {
  const price = priceOf(created)
  ux.action.start(`Creating ${created.name}`)
  ux.action.stop(doneWithPrice(price))
  let addon = created
  if (addon.state === 'provisioning') {
    if (!options.wait) {
      options.write(`${addon.name} is being created in the background. The app will restart when complete...`)
      options.write(`Use ${options.bin} addons:info ${addon.name} to check creation progress`)
      return addon
    }
    ux.action.start(`Waiting for ${addon.name}`)
    addon = await waitForAddon(api, app, addon)
    if (addon.state !== 'provisioned') throw new AddonkitError(`The add-on was unable to be created, with status ${addon.state}`)
    ux.action.stop()
  }
  ux.action.start(`Adding ${addon.name} to ${app}`)
  ux.action.stop()
  const vars = addon.config_vars.length > 0 ? addon.config_vars.join(', ') : 'config vars'
  ux.action.start(`Setting ${vars} and restarting ${app}`)
  const version = await latestReleaseVersion(api, app)
  ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
  return addon
}
