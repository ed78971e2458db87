import type {AppUsage} from '../wire/billing.js'
import {BaseCommand} from '../lib/base-command.js'
import {formatUsage} from '../lib/billing/format.js'
import {getAppUsage} from '../lib/billing/requests.js'
import {appFlag} from '../lib/flags.js'

export default class Usage extends BaseCommand {
  static description = "this month's usage of an app's metered add-ons: each meter's quantity so far"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app --json']
  static flags = {app: appFlag}

  async run(): Promise<AppUsage> {
    const {flags} = await this.parse(Usage)
    const {usage, addons} = await getAppUsage(this.deps.api, flags.app)
    if (!this.jsonEnabled()) for (const line of formatUsage(flags.app, usage, addons)) this.log(line)
    return usage
  }
}
