import {Args, ux} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {removeDomain} from '../../lib/domains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class DomainsRemove extends BaseCommand {
  static description = 'remove a custom domain from an app'
  static examples = ['<%= config.bin %> <%= command.id %> www.example.com --app example-app']
  static args = {hostname: Args.string({description: 'hostname (or id) of the domain to remove', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(DomainsRemove)
    ux.action.start(`Removing ${args.hostname} from ${flags.app}`)
    await removeDomain(this.deps.api, flags.app, args.hostname)
    ux.action.stop()
  }
}
