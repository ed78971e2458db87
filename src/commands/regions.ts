import {Flags} from '@oclif/core'
import type {Region} from '../lib/api/types.js'
import {BaseCommand} from '../lib/base-command.js'
import {formatRegions, selectRegions} from '../lib/spaces/regions.js'
import {listRegions} from '../lib/spaces/requests.js'

export default class Regions extends BaseCommand {
  static description = 'list the regions apps and private spaces can run in'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --private']
  static flags = {
    private: Flags.boolean({description: 'show only the regions that can host Private Spaces', exclusive: ['common']}),
    common: Flags.boolean({description: 'show only the Common Runtime regions', exclusive: ['private']}),
  }

  async run(): Promise<Region[]> {
    const {flags} = await this.parse(Regions)
    const regions = await listRegions(this.deps.api)
    const only = flags.private ? 'private' : flags.common ? 'common' : undefined
    const shown = selectRegions(regions, only)
    if (!this.jsonEnabled()) this.log(formatRegions(shown))
    return shown
  }
}
