import type {Addon, App} from '../../lib/api/types.js'
import {appArg, appOption, pickApp} from '../../lib/apps/app-arg.js'
import {formatAppInfo} from '../../lib/apps/format.js'
import {getApp, getAppAddons} from '../../lib/apps/requests.js'
import {BaseCommand} from '../../lib/base-command.js'

export default class AppsInfo extends BaseCommand {
  static description = 'show details of an app: owner, region, space, URLs and add-ons'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> example-app --json']
  static args = {app: appArg}
  static flags = {app: appOption}

  async run(): Promise<{app: App; addons: Addon[]}> {
    const {args, flags} = await this.parse(AppsInfo)
    const name = pickApp(args.app, flags.app)
    const app = await getApp(this.deps.api, name)
    const addons = await getAppAddons(this.deps.api, app.name)
    if (!this.jsonEnabled()) for (const line of formatAppInfo(app, addons)) this.log(line)
    return {app, addons}
  }
}
