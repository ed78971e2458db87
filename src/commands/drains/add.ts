import {Args} from '@oclif/core'
import type {LogDrain} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {addDrain} from '../../lib/drains/requests.js'
import {appFlag} from '../../lib/flags.js'

export default class DrainsAdd extends BaseCommand {
  static description = "add a log drain: every line of the app's log stream is delivered to the URL (https://, http://, syslog:// or syslog+tls://)"
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> https://logs.example.com/drain --app example-app',
    '<%= config.bin %> <%= command.id %> syslog+tls://logs.example.com:6514 --app example-app --json',
  ]
  static args = {url: Args.string({description: 'URL the lines are delivered to', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<LogDrain> {
    const {args, flags} = await this.parse(DrainsAdd)
    const drain = await addDrain(this.deps.api, flags.app, args.url)
    this.log(`Successfully added drain ${drain.url}`)
    return drain
  }
}
