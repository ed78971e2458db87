import {Args, Flags, ux} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {humanList} from '../../lib/config/format.js'
import {patchConfigVars} from '../../lib/config/vars.js'
import {appFlag} from '../../lib/flags.js'
import {previewUnset, unsetPreviewLines} from '../../lib/config/unset-preview.js'

export default class ConfigUnset extends BaseCommand {
  static description = 'unset one or more config vars, making a new release'
  static strict = false
  static examples = ['<%= config.bin %> <%= command.id %> RAILS_ENV --app example-app', '<%= config.bin %> <%= command.id %> RAILS_ENV WEB_CONCURRENCY --app example-app --dry-run']
  static args = {keys: Args.string({description: 'names of the config vars', required: true})}
  static flags = {
    app: appFlag,
    'dry-run': Flags.boolean({description: 'print which of the vars are set and would go, and change nothing'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigUnset)
    const keys = argv as string[]
    if (flags['dry-run']) {
      for (const line of unsetPreviewLines(flags.app, await previewUnset(this.deps.api, flags.app, keys))) this.log(line)
      return
    }
    ux.action.start(`Unsetting ${humanList(keys)} and restarting ${flags.app}`)
    const {version} = await patchConfigVars(this.deps.api, flags.app, Object.fromEntries(keys.map((k) => [k, null])))
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
  }
}
