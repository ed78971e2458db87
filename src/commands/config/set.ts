import {Args, ux} from '@oclif/core'
import type {ConfigVars} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatConfigVars, humanList, parseAssignments} from '../../lib/config/format.js'
import {patchConfigVars} from '../../lib/config/vars.js'
import {UsageError} from '../../lib/errors.js'
import {appFlag} from '../../lib/flags.js'

export default class ConfigSet extends BaseCommand {
  static description = 'set one or more config vars, making a new release'
  static enableJsonFlag = true
  static strict = false
  static examples = ['<%= config.bin %> <%= command.id %> RAILS_ENV=staging WEB_CONCURRENCY=2 --app example-app']
  static args = {vars: Args.string({description: 'KEY=VALUE pairs', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<ConfigVars> {
    const {argv, flags} = await this.parse(ConfigSet)
    let change: Record<string, string>
    try {
      change = parseAssignments(argv as string[])
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    ux.action.start(`Setting ${humanList(Object.keys(change))} and restarting ${flags.app}`)
    const {vars, version} = await patchConfigVars(this.deps.api, flags.app, change)
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
    if (!this.jsonEnabled()) for (const line of formatConfigVars(vars)) this.log(line)
    return vars
  }
}
