import {Args} from '@oclif/core'
import type {Plan} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatMeterPrices} from '../../lib/billing/format.js'
import {formatPrice} from '../../lib/output/price.js'
import {renderTable} from '../../lib/output/table.js'
import {listPlans} from '../../lib/plans/list.js'

export default class AddonsPlans extends BaseCommand {
  static description = "list an add-on service's plans, cheapest first"
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> redis']
  static args = {service: Args.string({description: 'add-on service slug, e.g. redis', required: true})}

  async run(): Promise<Plan[]> {
    const {args} = await this.parse(AddonsPlans)
    const plans = await listPlans(this.deps.api, args.service)
    if (!this.jsonEnabled()) {
      this.log(
        renderTable<Plan>(
          [
            {header: ' ', get: (p) => (p.default ? 'default' : '')},
            {header: 'Slug', get: (p) => p.name},
            {header: 'Name', get: (p) => p.human_name},
            {header: 'Price', get: (p) => formatPrice(p.price)},
          ],
          plans,
        ),
      )
      for (const line of formatMeterPrices(plans)) this.log(line)
    }
    return plans
  }
}
