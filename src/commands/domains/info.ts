import {Args} from '@oclif/core'
import type {Domain} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatDomainInfo} from '../../lib/domains/format.js'
import {getDomain} from '../../lib/domains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class DomainsInfo extends BaseCommand {
  static description = "show one of an app's domains: its kind, DNS target and status"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> www.example.com --app example-app']
  static args = {hostname: Args.string({description: 'hostname (or id) of the domain', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<Domain> {
    const {args, flags} = await this.parse(DomainsInfo)
    const domain = await getDomain(this.deps.api, flags.app, args.hostname)
    if (!this.jsonEnabled()) for (const line of formatDomainInfo(domain)) this.log(line)
    return domain
  }
}
