import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {formatShell} from '../../lib/config/format.js'
import {getConfigVars} from '../../lib/config/vars.js'
import {appFlag} from '../../lib/flags.js'

export default class ConfigGet extends BaseCommand {
  static description = 'display one config var of an app (an empty line when it is not set)'
  static examples = ['<%= config.bin %> <%= command.id %> REDIS_URL --app example-app']
  static args = {key: Args.string({description: 'name of the config var', required: true})}
  static flags = {
    app: appFlag,
    shell: Flags.boolean({char: 's', description: 'output as KEY=value'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ConfigGet)
    const vars = await getConfigVars(this.deps.api, flags.app)
    const value = vars[args.key]
    if (flags.shell) this.log(value === undefined ? `${args.key}=` : formatShell({[args.key]: value})[0])
    else this.log(value ?? '')
  }
}
