import {Args, Flags} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {announceCreated, createAddon} from '../../lib/addons/create.js'
import {parseProviderOptions} from '../../lib/addons/provider-options.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag, confirmFlag} from '../../lib/flags.js'

export default class AddonsCreate extends BaseCommand {
  static description = 'create an add-on and attach it to an app'
  static enableJsonFlag = true
  // provider options follow `--`
  static strict = false
  static usage = '<%= command.id %> SERVICE[:PLAN] -a APP [--name NAME] [--as ALIAS] [--confirm APP] [--wait] [--json] [-- PROVIDER_OPTIONS...]'
  static examples = [
    '<%= config.bin %> <%= command.id %> kv --app example-app',
    '<%= config.bin %> <%= command.id %> redis:mini --app example-app --name important-redis --as BROKER',
    '<%= config.bin %> <%= command.id %> postgresql --app example-app --wait -- --fork other-db --fast',
  ]
  static args = {
    service: Args.string({description: 'add-on service, optionally with a plan (redis or redis:mini)', required: true}),
  }
  static flags = {
    app: appFlag,
    name: Flags.string({description: 'global name for the add-on (the platform picks one otherwise)'}),
    as: Flags.string({description: 'alias for the attachment: the prefix of the config vars it sets'}),
    confirm: confirmFlag,
    wait: Flags.boolean({description: 'wait until the add-on is provisioned before exiting'}),
  }

  async run(): Promise<Addon> {
    const {args, argv, flags} = await this.parse(AddonsCreate)
    const config = parseProviderOptions((argv as string[]).slice(1))
    const created = await createAddon(this.deps, {
      app: flags.app,
      plan: args.service,
      name: flags.name,
      as: flags.as,
      config,
      confirm: flags.confirm,
    })
    const addon = await announceCreated(this.deps.api, flags.app, created, {
      wait: flags.wait === true,
      bin: this.config.bin,
      write: (line) => this.logToStderr(line),
    })
    if (created.provision_message) this.log(created.provision_message)
    return addon
  }
}
