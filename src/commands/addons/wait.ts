import {Args, Flags, ux} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {isPending, waitForAddon, waitIntervalMs} from '../../lib/addons/wait.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {BaseCommand} from '../../lib/base-command.js'
import {AddonkitError, UsageError} from '../../lib/errors.js'

const EXPAND = {'accept-expansion': 'addon_service,plan'}

export default class AddonsWait extends BaseCommand {
  static description = 'wait until add-ons being created or destroyed are done'
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> important-redis --wait-interval 10',
  ]
  static args = {addon: Args.string({description: 'add-on to wait for (default: every pending add-on of --app)'})}
  static flags = {
    app: optionalAppFlag,
    'wait-interval': Flags.integer({description: 'seconds between two checks (default 5)', min: 0}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(AddonsWait)
    const {api} = this.deps
    let pending: Addon[]
    if (args.addon) {
      pending = [await resolveAddon(api, args.addon, flags.app)].filter(isPending)
    } else {
      if (!flags.app) throw new UsageError('Name an add-on or pass --app APP to wait for all of its add-ons.')
      const addons = await api.list<Addon>(`/apps/${encodeURIComponent(flags.app)}/addons`, {headers: EXPAND})
      pending = addons.filter(isPending)
    }
    const intervalMs = flags['wait-interval'] === undefined ? waitIntervalMs(this.deps.env) : flags['wait-interval'] * 1000
    for (const addon of pending) {
      ux.action.start(`Waiting for ${addon.name}`)
      const done = await waitForAddon(api, addon.app.name, addon, {intervalMs})
      if (addon.state === 'provisioning' && done.state !== 'provisioned') {
        throw new AddonkitError(`The add-on was unable to be created, with status ${done.state}`)
      }
      ux.action.stop('done')
    }
  }
}
