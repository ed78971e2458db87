import {Flags} from '@oclif/core'
import {exportAppJson, type ExportResult} from '../../lib/addons/export.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'

export default class AddonsExport extends BaseCommand {
  static description = "write an app's add-ons (plan, alias, a chosen name; never a config value) into an app.json's addons, keeping its other keys"
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> --app example-app --file review/app.json',
  ]
  static flags = {
    app: appFlag,
    file: Flags.string({description: 'the app.json to write (created if missing)', default: 'app.json'}),
  }

  async run(): Promise<ExportResult> {
    const {flags} = await this.parse(AddonsExport)
    const result = await exportAppJson(this.deps.api, {app: flags.app, file: flags.file, write: (line) => this.logToStderr(line)})
    const count = result.addons.length
    this.log(`Wrote ${count} ${count === 1 ? 'add-on' : 'add-ons'} of ${flags.app} to ${flags.file}`)
    return result
  }
}
