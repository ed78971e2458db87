import {Flags} from '@oclif/core'
import {applyAppJson, type ApplyResult} from '../../lib/addons/apply/apply.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag, confirmFlag} from '../../lib/flags.js'

export default class AddonsApply extends BaseCommand {
  static description = "bring an app's add-ons and config vars in line with an app.json, showing the plan first"
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app --dry-run',
    '<%= config.bin %> <%= command.id %> --app example-app --file review/app.json --wait',
    '<%= config.bin %> <%= command.id %> --app example-app --prune --confirm example-app',
  ]
  static flags = {
    app: appFlag,
    file: Flags.string({description: 'the app.json to apply', default: 'app.json'}),
    'dry-run': Flags.boolean({description: 'print the plan and change nothing (with --json: the plan as data)'}),
    prune: Flags.boolean({description: 'destroy the add-ons of the app that app.json does not list (asks first)'}),
    confirm: confirmFlag,
    wait: Flags.boolean({description: 'wait until each add-on is provisioned (or destroyed) before the next step'}),
  }

  async run(): Promise<ApplyResult> {
    const {flags} = await this.parse(AddonsApply)
    return applyAppJson(this.deps, {
      app: flags.app,
      file: flags.file,
      dryRun: flags['dry-run'] === true,
      prune: flags.prune === true,
      confirm: flags.confirm,
      wait: flags.wait === true,
      bin: this.config.bin,
      print: (line) => this.log(line),
      write: (line) => this.logToStderr(line),
    })
  }
}
