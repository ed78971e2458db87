import {Args} from '@oclif/core'
import type {AppWebhook} from '../../wire/webhooks.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {formatWebhookInfo} from '../../lib/webhooks/format.js'
import {getWebhook} from '../../lib/webhooks/requests.js'

export default class WebhooksInfo extends BaseCommand {
  static description = "show one of an app's webhooks"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 99999999-9999-4999-8999-999999999999 --app example-app']
  static args = {id: Args.string({description: 'id of the webhook', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<AppWebhook> {
    const {args, flags} = await this.parse(WebhooksInfo)
    const webhook = await getWebhook(this.deps.api, flags.app, args.id)
    if (!this.jsonEnabled()) for (const line of formatWebhookInfo(webhook)) this.log(line)
    return webhook
  }
}
