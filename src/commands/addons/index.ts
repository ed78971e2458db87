import {Flags} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {listAllAddons, listAppAddons, withAttachments, type AddonWithAttachments} from '../../lib/addons/list.js'
import {renderAllAddons} from '../../lib/addons/render.js'
import {BaseCommand} from '../../lib/base-command.js'
import {UsageError} from '../../lib/errors.js'

export default class Addons extends BaseCommand {
  static description = 'list the add-ons an app owns and the add-ons attached to it'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> --all',
    '<%= config.bin %> <%= command.id %> --app example-app --json',
  ]
  static flags = {
    app: Flags.string({char: 'a', description: 'app to list the add-ons of', env: 'ADDONKIT_APP'}),
    all: Flags.boolean({description: 'list every add-on you can see, across all apps'}),
  }

  async run(): Promise<Addon[] | AddonWithAttachments[]> {
    const {flags} = await this.parse(Addons)
    if (flags.all) {
      const addons = await listAllAddons(this.deps.api)
      for (const line of renderAllAddons(addons)) this.log(line)
      return addons
    }
    if (!flags.app) throw new UsageError('Missing required flag app: give --app APP, or --all for every add-on.')
    const {addons, attachments, lines} = await listAppAddons(this.deps.api, flags.app)
    for (const line of lines) this.log(line)
    return withAttachments(addons, attachments)
  }
}
