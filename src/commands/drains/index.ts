import type {LogDrain} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatDrainList} from '../../lib/drains/format.js'
import {addonPlans, listDrains} from '../../lib/drains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class Drains extends BaseCommand {
  static description = "list an app's log drains: the URLs you added, with their tokens, and the add-ons that read the app's logs"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app --json']
  static flags = {app: appFlag}

  async run(): Promise<LogDrain[]> {
    const {flags} = await this.parse(Drains)
    const drains = await listDrains(this.deps.api, flags.app)
    if (this.jsonEnabled()) return drains
    if (drains.length === 0) this.logToStderr(`${flags.app} has no log drains.`)
    for (const line of formatDrainList(drains, await addonPlans(this.deps.api, flags.app, drains))) this.log(line)
    return drains
  }
}
