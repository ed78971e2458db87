import {Args, ux} from '@oclif/core'
import type {Attachment} from '../../lib/api/types.js'
import {resolveAttachment} from '../../lib/addons/resolve.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {latestReleaseVersion} from '../../lib/releases/latest.js'

export default class AddonsDetach extends BaseCommand {
  static description = 'remove one alias (attachment) of an add-on from an app, unsetting its config vars'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> REDIS --app example-app']
  static args = {
    attachment: Args.string({description: 'attachment name on the app (or APP::NAME)', required: true}),
  }
  static flags = {app: appFlag}

  async run(): Promise<Attachment> {
    const {args, flags} = await this.parse(AddonsDetach)
    const attachment = await resolveAttachment(this.deps.api, args.attachment, flags.app)
    const app = attachment.app.name
    ux.action.start(`Removing ${attachment.name} attachment to ${attachment.addon.name} from ${app}`)
    await this.deps.api.delete(`/addon-attachments/${encodeURIComponent(attachment.id)}`)
    ux.action.stop()
    ux.action.start(`Unsetting ${attachment.name} vars and restarting ${app}`)
    const version = await latestReleaseVersion(this.deps.api, app)
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
    return attachment
  }
}
