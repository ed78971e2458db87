import {Args, Flags, ux} from '@oclif/core'
import type {Space} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatSpaceInfo} from '../../lib/spaces/format.js'
import {createSpace} from '../../lib/spaces/requests.js'

export default class SpacesCreate extends BaseCommand {
  static description = 'create a private space in a region that can host one'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> example-space --region virginia']
  static args = {name: Args.string({description: 'name of the space (lower-case letters, digits and dashes)', required: true})}
  static flags = {
    region: Flags.string({description: 'region for the space (see `regions --private`)', required: true}),
    team: Flags.string({description: 'team that owns the space (needed on Heroku, optional locally)'}),
  }

  async run(): Promise<Space> {
    const {args, flags} = await this.parse(SpacesCreate)
    ux.action.start(`Creating space ${args.name} in region ${flags.region}`)
    const space = await createSpace(this.deps.api, {name: args.name, region: flags.region, team: flags.team})
    ux.action.stop()
    if (!this.jsonEnabled()) for (const line of formatSpaceInfo(space)) this.log(line)
    return space
  }
}
