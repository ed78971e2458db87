import {Args, ux} from '@oclif/core'
import type {AppWebhook} from '../../wire/webhooks.js'
import {BaseCommand} from '../../lib/base-command.js'
import {UsageError} from '../../lib/errors.js'
import {appFlag} from '../../lib/flags.js'
import {webhookFlags} from '../../lib/webhooks/flags.js'
import {splitInclude, updateWebhook, type WebhookFields} from '../../lib/webhooks/requests.js'

export default class WebhooksUpdate extends BaseCommand {
  static description = "change an app's webhook: only the flags given change"
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 99999999-9999-4999-8999-999999999999 -l sync --app example-app',
    '<%= config.bin %> <%= command.id %> 99999999-9999-4999-8999-999999999999 -i api:release -u https://example.com/hooks/v2 --app example-app',
  ]
  static args = {id: Args.string({description: 'id of the webhook', required: true})}
  static flags = {app: appFlag, ...webhookFlags(false)}

  async run(): Promise<AppWebhook> {
    const {args, flags} = await this.parse(WebhooksUpdate)
    const fields: WebhookFields = {
      ...(flags.include === undefined ? {} : {include: splitInclude(flags.include)}),
      ...(flags.level === undefined ? {} : {level: flags.level}),
      ...(flags.url === undefined ? {} : {url: flags.url}),
      ...(flags.secret === undefined ? {} : {secret: flags.secret}),
      ...(flags.authorization === undefined ? {} : {authorization: flags.authorization}),
    }
    if (Object.keys(fields).length === 0) throw new UsageError('Nothing to change: give --include, --level, --url, --secret or --authorization.')
    ux.action.start(`Updating webhook ${args.id} of ${flags.app}`)
    const webhook = await updateWebhook(this.deps.api, flags.app, args.id, fields)
    ux.action.stop()
    return webhook
  }
}
