import {Args, Flags} from '@oclif/core'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {BaseCommand} from '../../lib/base-command.js'
import {addonDashboardUrl} from '../../lib/open/dashboard-url.js'
import {openOrPrint} from '../../lib/open/open-or-print.js'

export default class AddonsOpen extends BaseCommand {
  static description = "open an add-on's dashboard in the browser (logged in through SSO)"
  static examples = [
    '<%= config.bin %> <%= command.id %> important-redis',
    '<%= config.bin %> <%= command.id %> REDIS --app example-app --show-url',
  ]
  static args = {addon: Args.string({description: 'add-on name, id, or attachment alias (APP::ALIAS)', required: true})}
  static flags = {
    app: optionalAppFlag,
    'show-url': Flags.boolean({description: 'print the URL instead of opening the browser'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(AddonsOpen)
    const addon = await resolveAddon(this.deps.api, args.addon, flags.app)
    const url = await addonDashboardUrl(this.deps.api, addon, flags.app ?? addon.app.name)
    await openOrPrint(this.deps, {
      url,
      label: addon.name,
      showUrl: flags['show-url'],
      print: (line) => this.log(line),
      note: (line) => this.logToStderr(line),
    })
  }
}
