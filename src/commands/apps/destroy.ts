import {ux} from '@oclif/core'
import {appArg, appOption, pickApp} from '../../lib/apps/app-arg.js'
import {destroyApp} from '../../lib/apps/requests.js'
import {BaseCommand} from '../../lib/base-command.js'
import {UsageError} from '../../lib/errors.js'
import {confirmFlag} from '../../lib/flags.js'
import {confirmApp} from '../../lib/prompts/confirm-app.js'

export default class AppsDestroy extends BaseCommand {
  static description = 'permanently destroy an app and all of its add-ons'
  static examples = [
    '<%= config.bin %> <%= command.id %> example-app',
    '<%= config.bin %> <%= command.id %> --app example-app --confirm example-app',
  ]
  static args = {app: appArg}
  static flags = {app: appOption, confirm: confirmFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(AppsDestroy)
    const app = pickApp(args.app, flags.app)
    const warning = `WARNING: This will delete ${app} including all add-ons.`
    // checked here so the one-line error reads well; confirmApp would append to the warning
    if (flags.confirm === undefined && !this.deps.isTTY) {
      throw new UsageError(`This will delete ${app} including all add-ons: re-run this command with --confirm ${app}`)
    }
    await confirmApp(this.deps, {app, confirm: flags.confirm, warnings: [warning], write: (line) => this.logToStderr(line)})
    ux.action.start(`Destroying ${app} (including all add-ons)`)
    await destroyApp(this.deps.api, app)
    ux.action.stop()
  }
}
