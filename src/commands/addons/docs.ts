import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {optionalAppFlag} from '../../lib/flags.js'
import {serviceDocsUrl} from '../../lib/open/docs-url.js'
import {openOrPrint} from '../../lib/open/open-or-print.js'

export default class AddonsDocs extends BaseCommand {
  static description = "open an add-on service's documentation in the browser"
  static examples = [
    '<%= config.bin %> <%= command.id %> redis',
    '<%= config.bin %> <%= command.id %> redis --show-url',
    '<%= config.bin %> <%= command.id %> REDIS --app example-app',
  ]
  static args = {service: Args.string({description: 'add-on service slug (SERVICE:PLAN, or an add-on, stands for its service)', required: true})}
  static flags = {
    app: optionalAppFlag,
    'show-url': Flags.boolean({description: 'print the URL instead of opening the browser'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(AddonsDocs)
    const url = await serviceDocsUrl(this.deps.api, args.service, flags.app)
    await openOrPrint(this.deps, {
      url,
      label: `the ${args.service.split(':')[0]} docs`,
      showUrl: flags['show-url'],
      print: (line) => this.log(line),
      note: (line) => this.logToStderr(line),
    })
  }
}
