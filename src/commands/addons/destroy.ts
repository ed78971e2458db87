import {Args, Flags} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {destroyAddon, destructionWarnings, type DoomedAddon, doomedAddons, groupByOwner} from '../../lib/addons/destroy.js'
import {destroyPreview} from '../../lib/addons/dry-run.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {BaseCommand} from '../../lib/base-command.js'
import {confirmFlag, optionalAppFlag} from '../../lib/flags.js'
import {confirmApp} from '../../lib/prompts/confirm-app.js'

export default class AddonsDestroy extends BaseCommand {
  static description = 'permanently destroy one or more add-ons and all their attachments'
  static enableJsonFlag = true
  static strict = false
  static examples = [
    '<%= config.bin %> <%= command.id %> cooling-carefully-7273',
    '<%= config.bin %> <%= command.id %> HEROKU_REDIS_ROSE --app example-app --confirm example-app',
    '<%= config.bin %> <%= command.id %> important-redis --dry-run',
  ]
  static args = {
    addon: Args.string({description: 'add-ons to destroy: global names or ids, aliases on the app, or APP::ALIAS', required: true}),
  }
  static flags = {
    app: optionalAppFlag,
    force: Flags.boolean({char: 'f', description: 'destroy even if the add-on is attached to other apps'}),
    confirm: confirmFlag,
    wait: Flags.boolean({description: 'wait until the add-ons are deprovisioned before exiting'}),
    'dry-run': Flags.boolean({description: 'print the add-ons, attachments and config vars that would go, and change nothing'}),
  }

  async run(): Promise<Addon[] | DoomedAddon[]> {
    const {argv, flags} = await this.parse(AddonsDestroy)
    const addons: Addon[] = []
    for (const identifier of argv as string[]) addons.push(await resolveAddon(this.deps.api, identifier, flags.app))
    const write = (line: string) => this.logToStderr(line)
    const options = {force: flags.force === true, wait: flags.wait === true, write}
    if (flags['dry-run']) {
      // read as the real run reads them, without the question: nothing is going to change
      const doomed = await doomedAddons(this.deps.api, [...groupByOwner(addons).values()].flat())
      for (const line of destroyPreview(doomed)) this.log(line)
      return doomed
    }
    // every owning app is confirmed before anything is destroyed
    const doomed: DoomedAddon[] = []
    for (const [app, owned] of groupByOwner(addons)) {
      // read before the delete: afterwards the attachments are gone
      const ofApp = await doomedAddons(this.deps.api, owned)
      await confirmApp(this.deps, {app, confirm: flags.confirm, warnings: destructionWarnings(app, ofApp), write})
      doomed.push(...ofApp)
    }
    const destroyed: Addon[] = []
    for (const item of doomed) destroyed.push(await destroyAddon(this.deps.api, item, options))
    return destroyed
  }
}
