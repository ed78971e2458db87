import {Flags} from '@oclif/core'
import type {Release} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {formatReleaseList} from '../../lib/releases/format.js'
import {listReleases} from '../../lib/releases/requests.js'

export default class Releases extends BaseCommand {
  static description = 'list the releases of an app, newest first: version, change, who and when'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> --app example-app -n 5 --json']
  static flags = {
    app: appFlag,
    num: Flags.integer({char: 'n', description: 'number of releases to show', default: 15, min: 1, max: 1000}),
  }

  async run(): Promise<Release[]> {
    const {flags} = await this.parse(Releases)
    const releases = await listReleases(this.deps.api, flags.app, flags.num)
    if (!this.jsonEnabled()) for (const line of formatReleaseList(flags.app, releases, Date.now())) this.log(line)
    return releases
  }
}
