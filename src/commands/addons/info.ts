import {Args} from '@oclif/core'
import type {Addon, Attachment} from '../../lib/api/types.js'
import {listAddonAttachments} from '../../lib/addons/list.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatAddonInfo} from '../../lib/output/addon-info.js'
import {formatAddonCost} from '../../lib/billing/format.js'
import {getAddonCost} from '../../lib/billing/requests.js'

export default class AddonsInfo extends BaseCommand {
  static description = 'show details of an add-on: plan, price, state and where it is attached'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> important-redis',
    '<%= config.bin %> <%= command.id %> REDIS --app example-app --json',
  ]
  static args = {addon: Args.string({description: 'add-on name, id, or attachment alias (APP::ALIAS)', required: true})}
  static flags = {app: optionalAppFlag}

  async run(): Promise<Addon & {attachments: Attachment[]}> {
    const {args, flags} = await this.parse(AddonsInfo)
    const addon = await resolveAddon(this.deps.api, args.addon, flags.app)
    if (this.jsonEnabled()) return {...addon, attachments: await listAddonAttachments(this.deps.api, addon.id)}
    const [attachments, cost] = await Promise.all([listAddonAttachments(this.deps.api, addon.id), getAddonCost(this.deps.api, addon.id)])
    for (const line of formatAddonInfo(addon, attachments, cost && formatAddonCost(cost))) this.log(line)
    return {...addon, attachments}
  }
}
