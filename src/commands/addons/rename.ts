import {Args} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {BaseCommand} from '../../lib/base-command.js'

export default class AddonsRename extends BaseCommand {
  static description = "rename an add-on (its global name; attachment aliases and config vars stay as they are)"
  static examples = ['<%= config.bin %> <%= command.id %> shining-calmly-4402 important-redis']
  static args = {
    addon: Args.string({description: 'add-on name, id, or attachment alias (APP::ALIAS)', required: true}),
    name: Args.string({description: 'new global name for the add-on', required: true}),
  }
  static flags = {app: optionalAppFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(AddonsRename)
    const addon = await resolveAddon(this.deps.api, args.addon, flags.app)
    const path = `/apps/${encodeURIComponent(addon.app.id)}/addons/${encodeURIComponent(addon.id)}`
    await this.deps.api.patch<Addon>(path, {name: args.name})
    this.log(`${addon.name} successfully renamed to ${args.name}.`)
  }
}
