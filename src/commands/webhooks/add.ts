import {ux} from '@oclif/core'
import type {AppWebhook} from '../../wire/webhooks.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {webhookFlags} from '../../lib/webhooks/flags.js'
import {formatSigningSecret} from '../../lib/webhooks/format.js'
import {addWebhook, splitInclude, type AddedWebhook} from '../../lib/webhooks/requests.js'

export default class WebhooksAdd extends BaseCommand {
  static description = 'add a webhook to an app; a signing secret is generated unless --secret gives one, and printed only this once'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> -i api:release,api:domain -l notify -u https://example.com/hooks --app example-app',
    '<%= config.bin %> <%= command.id %> -i api:addon-attachment -l sync -u https://example.com/hooks -s my-secret -t "Bearer 0123" --app example-app',
  ]
  static flags = {app: appFlag, ...webhookFlags(true)}

  // --json: the webhook as the API gives it, with `secret`: the generated one, or null when --secret gave it
  async run(): Promise<AppWebhook & {secret: string | null}> {
    const {flags} = await this.parse(WebhooksAdd)
    ux.action.start(`Adding webhook to ${flags.app}`)
    const added: AddedWebhook = await addWebhook(this.deps.api, flags.app, {
      include: splitInclude(flags.include!), level: flags.level!, url: flags.url!, secret: flags.secret, authorization: flags.authorization,
    })
    ux.action.stop()
    if (!this.jsonEnabled() && added.secret !== null) for (const line of formatSigningSecret(added.secret)) this.log(line)
    return {...added.webhook, secret: added.secret}
  }
}
