import {Args, Flags, ux} from '@oclif/core'
import type {App} from '../../lib/api/types.js'
import {createApp} from '../../lib/apps/requests.js'
import {BaseCommand} from '../../lib/base-command.js'

export default class AppsCreate extends BaseCommand {
  static description = 'create an app (the platform picks a name when none is given)'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> example-app',
    '<%= config.bin %> <%= command.id %> example-eu --region eu',
    '<%= config.bin %> <%= command.id %> example-private --space example-space',
  ]
  static args = {name: Args.string({description: 'name of the app (lower-case letters, digits and dashes)'})}
  static flags = {
    region: Flags.string({description: 'region to create the app in, e.g. us or eu (default us)'}),
    space: Flags.string({description: 'private space to create the app in (the app takes its region)'}),
  }

  async run(): Promise<App> {
    const {args, flags} = await this.parse(AppsCreate)
    ux.action.start(`Creating ${args.name ?? 'app'}`)
    const app = await createApp(this.deps.api, {name: args.name, region: flags.region, space: flags.space})
    ux.action.stop(args.name ? 'done' : `done, ${app.name}`)
    if (!this.jsonEnabled()) this.log(app.git_url ? `${app.web_url} | ${app.git_url}` : app.web_url)
    return app
  }
}
