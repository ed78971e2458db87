import {Args, ux} from '@oclif/core'
import type {Addon} from '../../lib/api/types.js'
import {priceOf} from '../../lib/addons/render.js'
import {resolveAddon} from '../../lib/addons/resolve.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {BaseCommand} from '../../lib/base-command.js'
import {doneWithPrice} from '../../lib/output/price-note.js'
import {changePlan, targetPlanName} from '../../lib/plans/change.js'

// addons:downgrade is this command under another name: a plan change has no direction on the wire.
export default class AddonsUpgrade extends BaseCommand {
  static description = "change an add-on's plan (to a bigger one)"
  static examples = [
    '<%= config.bin %> <%= command.id %> important-redis premium',
    '<%= config.bin %> <%= command.id %> REDIS redis:premium --app example-app',
  ]
  static args = {
    addon: Args.string({description: 'add-on name, id, or attachment alias (APP::ALIAS)', required: true}),
    plan: Args.string({description: 'plan to move to: PLAN or SERVICE:PLAN', required: true}),
  }
  static flags = {app: optionalAppFlag}

  async run(): Promise<Addon> {
    const {args, flags} = await this.parse()
    const addon = await resolveAddon(this.deps.api, args.addon, flags.app)
    ux.action.start(`Changing ${addon.name} on ${addon.app.name} from ${addon.plan.name} to ${targetPlanName(addon, args.plan)}`)
    const changed = await changePlan(this.deps.api, addon, args.plan)
    ux.action.stop(doneWithPrice(priceOf(changed)))
    if (changed.provision_message) this.log(changed.provision_message)
    return changed
  }
}
