import {Args, ux} from '@oclif/core'
import type {AppWebhook} from '../../wire/webhooks.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {removeWebhook} from '../../lib/webhooks/requests.js'

export default class WebhooksRemove extends BaseCommand {
  static description = "remove an app's webhook; deliveries not yet made are dropped"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 99999999-9999-4999-8999-999999999999 --app example-app']
  static args = {id: Args.string({description: 'id of the webhook', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<AppWebhook> {
    const {args, flags} = await this.parse(WebhooksRemove)
    ux.action.start(`Removing webhook ${args.id} from ${flags.app}`)
    const webhook = await removeWebhook(this.deps.api, flags.app, args.id)
    ux.action.stop()
    return webhook
  }
}
