import {Args, Flags, ux} from '@oclif/core'
import type {Attachment} from '../../lib/api/types.js'
import {attachAddon} from '../../lib/addons/attach.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag, confirmFlag} from '../../lib/flags.js'
import {latestReleaseVersion} from '../../lib/releases/latest.js'

export default class AddonsAttach extends BaseCommand {
  static description = 'attach an existing add-on to an app under an alias (chosen by the platform when --as is not given)'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> important-redis --as SESSION_STORE --app example-app',
    '<%= config.bin %> <%= command.id %> example-app::BROKER --as BROKER --app example-tasker',
    '<%= config.bin %> <%= command.id %> important-redis --app example-tasker',
  ]
  static args = {
    addon: Args.string({description: 'add-on: its global name or id, an alias on the app, or APP::ALIAS', required: true}),
  }
  static flags = {
    app: appFlag,
    as: Flags.string({description: 'alias for the attachment: the prefix of the config vars it sets (default: the provider\'s default alias, or SERVICE_COLOR when taken)'}),
    confirm: confirmFlag,
  }

  async run(): Promise<Attachment> {
    const {args, flags} = await this.parse(AddonsAttach)
    const addon = await resolveAddon(this.deps.api, args.addon, flags.app)
    ux.action.start(`Attaching ${addon.name}${flags.as ? ` as ${flags.as}` : ''} to ${flags.app}`)
    const attachment = await attachAddon(this.deps, {addon, app: flags.app, as: flags.as, confirm: flags.confirm})
    ux.action.stop()
    ux.action.start(`Setting ${attachment.name} vars and restarting ${flags.app}`)
    const version = await latestReleaseVersion(this.deps.api, flags.app)
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
    return attachment
  }
}
