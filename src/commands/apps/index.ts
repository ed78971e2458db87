import type {App} from '../../lib/api/types.js'
import {formatAppList} from '../../lib/apps/format.js'
import {listApps} from '../../lib/apps/requests.js'
import {BaseCommand} from '../../lib/base-command.js'

export default class Apps extends BaseCommand {
  static description = 'list your apps'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run(): Promise<App[]> {
    await this.parse(Apps)
    const apps = await listApps(this.deps.api)
    if (!this.jsonEnabled()) for (const line of formatAppList(apps)) this.log(line)
    return apps
  }
}
