import {Args} from '@oclif/core'
import type {Release} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag, confirmFlag} from '../../lib/flags.js'
import {addonChangeWarning, rollbackApp} from '../../lib/releases/rollback.js'

export default class ReleasesRollback extends BaseCommand {
  static description = "make a new release with an earlier release's config vars (add-ons stay as they are); asks first"
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> v3 --app example-app --confirm example-app',
  ]
  static args = {version: Args.string({description: 'release to roll back to (v3, 3 or an id); the one before the current when omitted'})}
  static flags = {app: appFlag, confirm: confirmFlag}

  async run(): Promise<Release> {
    const {args, flags} = await this.parse(ReleasesRollback)
    const write = (line: string) => this.logToStderr(line)
    const {target, release, changes} = await rollbackApp(this.deps, {app: flags.app, version: args.version, confirm: flags.confirm, write})
    const warning = addonChangeWarning(target.version, changes)
    if (warning) write(warning)
    write(`To undo, run: ${this.config.bin} releases:rollback v${release.version - 1} --app ${flags.app}`)
    return release
  }
}
