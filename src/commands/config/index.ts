import {Flags} from '@oclif/core'
import type {ConfigVars} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatConfigVars, formatShell} from '../../lib/config/format.js'
import {getConfigVars} from '../../lib/config/vars.js'
import {appFlag} from '../../lib/flags.js'

export default class Config extends BaseCommand {
  static description = 'display the config vars of an app'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app --shell']
  static flags = {
    app: appFlag,
    shell: Flags.boolean({char: 's', description: 'output config vars in shell format', exclusive: ['json']}),
  }

  async run(): Promise<ConfigVars> {
    const {flags} = await this.parse(Config)
    const vars = await getConfigVars(this.deps.api, flags.app)
    if (!this.jsonEnabled()) {
      const lines = flags.shell ? formatShell(vars) : formatConfigVars(vars)
      for (const line of lines) this.log(line)
    }
    return vars
  }
}
