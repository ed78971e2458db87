import {ux} from '@oclif/core'
import type {WebhookDelivery} from '../../../wire/webhooks.js'
import {BaseCommand} from '../../../lib/base-command.js'
import {appFlag} from '../../../lib/flags.js'
import {deliveryStatusFlag} from '../../../lib/webhooks/flags.js'
import {formatDeliveryList} from '../../../lib/webhooks/format.js'
import {listDeliveries} from '../../../lib/webhooks/requests.js'

// the heroku CLI's page: the newest thousand
const MAX = 1000

export default class WebhooksDeliveries extends BaseCommand {
  static description = "list the deliveries of an app's webhooks, oldest first: status, attempts, the receiver's last answer"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app -s failed']
  static flags = {app: appFlag, status: deliveryStatusFlag}

  async run(): Promise<WebhookDelivery[]> {
    const {flags} = await this.parse(WebhooksDeliveries)
    const deliveries = await listDeliveries(this.deps.api, flags.app, flags.status, MAX)
    if (!this.jsonEnabled()) {
      if (deliveries.length === MAX) ux.warn(`Only the ${MAX} newest deliveries are shown: --status narrows them down.`)
      for (const line of formatDeliveryList(flags.app, deliveries)) this.log(line)
    }
    return deliveries
  }
}
