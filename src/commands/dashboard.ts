import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {dashboardSignInUrl} from '../lib/dashboard/sign-in-link.js'
import {openOrPrint} from '../lib/open/open-or-print.js'

export default class Dashboard extends BaseCommand {
  static description = "open the platform's dashboard in the browser, already signed in (a one-time link, valid a minute)"
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> --show-url',
  ]
  static flags = {
    app: Flags.string({char: 'a', description: "open this app's Resources page", env: 'ADDONKIT_APP'}),
    'show-url': Flags.boolean({description: 'print the sign-in link instead of opening the browser (it works once, within a minute)'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Dashboard)
    const url = await dashboardSignInUrl(this.deps.api, flags.app)
    await openOrPrint(this.deps, {
      url,
      label: 'the dashboard',
      showUrl: flags['show-url'],
      print: (line) => this.log(line),
      note: (line) => this.logToStderr(line),
    })
  }
}
