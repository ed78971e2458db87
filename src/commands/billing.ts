import {Flags} from '@oclif/core'
import type {BillingStatement} from '../wire/billing.js'
import {BaseCommand} from '../lib/base-command.js'
import {getStatement, getStatementText} from '../lib/billing/requests.js'
import {UsageError} from '../lib/errors.js'

export default class Billing extends BaseCommand {
  static description = 'what your add-ons cost in a month: per app and add-on, the plans, time on them, meters, costs so far and the total (-a APP: each plan period)'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --month 2024-02',
    '<%= config.bin %> <%= command.id %> --app example-app --json',
  ]
  static flags = {
    month: Flags.string({description: 'the month to show, YYYY-MM (default: this month, so far)'}),
    app: Flags.string({char: 'a', description: 'only the add-ons billed to this app, a line for each plan period', env: 'ADDONKIT_APP'}),
  }

  async run(): Promise<BillingStatement | void> {
    const {flags} = await this.parse(Billing)
    if (flags.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.month)) throw new UsageError(`--month ${flags.month} is not a month: use YYYY-MM, e.g. 2024-02.`)
    if (this.jsonEnabled()) return getStatement(this.deps.api, flags.month, flags.app)
    // an account's statement may run to ten thousand lines: the platform writes them, printed as they are
    this.print(await getStatementText(this.deps.api, flags.month, flags.app))
  }
}
