import {Args, ux} from '@oclif/core'
import type {Domain} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatDnsInstructions} from '../../lib/domains/format.js'
import {addDomain} from '../../lib/domains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class DomainsAdd extends BaseCommand {
  static description = 'add a custom domain to an app and print the DNS target to point it at'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> www.example.com --app example-app',
    "<%= config.bin %> <%= command.id %> '*.example.com' --app example-app --json",
  ]
  static args = {hostname: Args.string({description: 'hostname to add, e.g. www.example.com (a leading *. for a wildcard)', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<Domain> {
    const {args, flags} = await this.parse(DomainsAdd)
    ux.action.start(`Adding ${args.hostname} to ${flags.app}`)
    const domain = await addDomain(this.deps.api, flags.app, args.hostname)
    ux.action.stop()
    if (!this.jsonEnabled()) for (const line of formatDnsInstructions(domain, flags.app, this.config.bin)) this.log(line)
    return domain
  }
}
