import {Args} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {removeDrain} from '../../lib/drains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class DrainsRemove extends BaseCommand {
  static description = "remove a log drain you added (an add-on's drain goes only with the add-on)"
  static examples = [
    '<%= config.bin %> <%= command.id %> https://logs.example.com/drain --app example-app',
    '<%= config.bin %> <%= command.id %> d.01234567-89ab-cdef-0123-456789abcdef --app example-app',
  ]
  static args = {drain: Args.string({description: 'URL or token (d.…) of the drain', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(DrainsRemove)
    const drain = await removeDrain(this.deps.api, flags.app, args.drain)
    this.log(`Successfully removed drain ${drain.url}`)
  }
}
