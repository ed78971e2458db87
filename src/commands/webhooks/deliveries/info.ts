import {Args} from '@oclif/core'
import type {WebhookDelivery, WebhookEvent} from '../../../wire/webhooks.js'
import {BaseCommand} from '../../../lib/base-command.js'
import {appFlag} from '../../../lib/flags.js'
import {formatDeliveryInfo} from '../../../lib/webhooks/format.js'
import {getDelivery, getEvent} from '../../../lib/webhooks/requests.js'

export default class WebhooksDeliveriesInfo extends BaseCommand {
  static description = 'show one webhook delivery and the event it carries'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 99999999-9999-4999-8999-999999999999 --app example-app']
  static args = {id: Args.string({description: 'id of the delivery', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<{delivery: WebhookDelivery; event: WebhookEvent}> {
    const {args, flags} = await this.parse(WebhooksDeliveriesInfo)
    const delivery = await getDelivery(this.deps.api, flags.app, args.id)
    const event = await getEvent(this.deps.api, flags.app, delivery.event.id)
    if (!this.jsonEnabled()) for (const line of formatDeliveryInfo(delivery, event)) this.log(line)
    return {delivery, event}
  }
}
