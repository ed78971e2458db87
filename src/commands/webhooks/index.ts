import type {AppWebhook} from '../../wire/webhooks.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {formatWebhookList} from '../../lib/webhooks/format.js'
import {listWebhooks} from '../../lib/webhooks/requests.js'

export default class Webhooks extends BaseCommand {
  static description = "list an app's webhooks: where each sends which events, and how (notify or sync)"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app --json']
  static flags = {app: appFlag}

  async run(): Promise<AppWebhook[]> {
    const {flags} = await this.parse(Webhooks)
    const webhooks = await listWebhooks(this.deps.api, flags.app)
    if (!this.jsonEnabled()) for (const line of formatWebhookList(flags.app, webhooks, this.config.bin)) this.log(line)
    return webhooks
  }
}
