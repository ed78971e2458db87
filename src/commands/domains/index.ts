import type {Domain} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatDomainList} from '../../lib/domains/format.js'
import {listDomains} from '../../lib/domains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class Domains extends BaseCommand {
  static description = "list an app's domains: its default one and the custom ones, with the DNS target of each"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app --json']
  static flags = {app: appFlag}

  async run(): Promise<Domain[]> {
    const {flags} = await this.parse(Domains)
    const domains = await listDomains(this.deps.api, flags.app)
    if (!this.jsonEnabled()) for (const line of formatDomainList(domains[0]?.app.name ?? flags.app, domains)) this.log(line)
    return domains
  }
}
