import {Args, Flags} from '@oclif/core'
import type {Release} from '../../lib/api/types.js'
import {BaseCommand} from '../../lib/base-command.js'
import {appFlag} from '../../lib/flags.js'
import {formatReleaseConfigVars, formatReleaseInfo} from '../../lib/releases/format.js'
import {releaseDetails} from '../../lib/releases/info.js'

export default class ReleasesInfo extends BaseCommand {
  static description = 'show one release (the current one when VERSION is omitted): change, who, when, add-ons and config vars'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> --app example-app', '<%= config.bin %> <%= command.id %> v3 --app example-app --shell']
  static args = {version: Args.string({description: 'release version (v3 or 3) or id; the current release when omitted'})}
  static flags = {
    app: appFlag,
    shell: Flags.boolean({char: 's', description: 'output the config vars in shell format', exclusive: ['json']}),
  }

  async run(): Promise<Release> {
    const {args, flags} = await this.parse(ReleasesInfo)
    const json = this.jsonEnabled()
    // --json is the release as the API gives it (as the heroku CLI's), so its config vars are not read
    const {release, configVars} = await releaseDetails(this.deps.api, flags.app, args.version, !json)
    if (configVars) {
      for (const line of formatReleaseInfo(release, Date.now())) this.log(line)
      this.log('')
      for (const line of formatReleaseConfigVars(release.version, configVars, flags.shell)) this.log(line)
    }
    return release
  }
}
