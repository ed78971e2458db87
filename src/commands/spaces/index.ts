import type {Space} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {formatSpaceList} from '../../lib/spaces/format.js'
import {listSpaces} from '../../lib/spaces/requests.js'

export default class Spaces extends BaseCommand {
  static description = 'list the private spaces you can use'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run(): Promise<Space[]> {
    await this.parse(Spaces)
    const spaces = await listSpaces(this.deps.api)
    if (!this.jsonEnabled()) for (const line of formatSpaceList(spaces)) this.log(line)
    return spaces
  }
}
