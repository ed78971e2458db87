import {Args, Flags, ux} from '@oclif/core'
import type {Attachment} from '../../lib/api/types.js'
import {detachPreview} from '../../lib/addons/dry-run.js'
import {listAddonAttachments} from '../../lib/addons/list.js'
import {resolveAttachment} from '../../lib/addons/resolve.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {latestReleaseVersion} from '../../lib/releases/latest.js'

export default class AddonsDetach extends BaseCommand {
  static description = 'remove one alias (attachment) of an add-on from an app, unsetting its config vars'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> REDIS --app example-app', '<%= config.bin %> <%= command.id %> REDIS --app example-app --dry-run']
  static args = {
    attachment: Args.string({description: 'attachment name on the app (or APP::NAME)', required: true}),
  }
  static flags = {
    app: appFlag,
    'dry-run': Flags.boolean({description: 'print the attachment and config vars that would go, and change nothing'}),
  }

  async run(): Promise<Attachment> {
    const {args, flags} = await this.parse(AddonsDetach)
    const attachment = await resolveAttachment(this.deps.api, args.attachment, flags.app)
    const app = attachment.app.name
    if (flags['dry-run']) {
      // the add-on's attachments, with the config vars each one sets
      const all = await listAddonAttachments(this.deps.api, attachment.addon.id)
      const withVars = all.find((a) => a.id === attachment.id) ?? attachment
      for (const line of detachPreview(withVars, all)) this.log(line)
      return withVars
    }
    ux.action.start(`Removing ${attachment.name} attachment to ${attachment.addon.name} from ${app}`)
    await this.deps.api.delete(`/addon-attachments/${encodeURIComponent(attachment.id)}`)
    ux.action.stop()
    ux.action.start(`Unsetting ${attachment.name} vars and restarting ${app}`)
    const version = await latestReleaseVersion(this.deps.api, app)
    ux.action.stop(version === undefined ? 'done' : `done, v${version}`)
    return attachment
  }
}
