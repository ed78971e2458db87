import {Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {UsageError} from '../../lib/errors.js'
import {writeManifestFile} from '../../lib/provider/manifest-file.js'
import {logStyles, manifestTemplate, type LogStyle, type SsoStyle} from '../../lib/provider/manifest-template.js'
import {manifestFlag} from '../../lib/provider/flags.js'

export default class ProviderInit extends BaseCommand {
  static description = 'write a new add-on manifest with fresh secrets, ready for provider:test'
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --sso get --manifest my-manifest.json',
    '<%= config.bin %> <%= command.id %> --logs drain',
    '<%= config.bin %> <%= command.id %> --force',
  ]

  static flags = {
    manifest: manifestFlag,
    sso: Flags.string({
      description: 'single sign-on style: post (a form to sso_url), get (legacy URL with a query) or none',
      options: ['post', 'get', 'none'],
      default: 'post',
    }),
    logs: Flags.string({
      description: "what the add-on does with the app's logs: input (writes to them: requires log_input), drain (reads them: requires syslog_drain), both, or none",
      options: [...logStyles],
      default: 'none',
    }),
    force: Flags.boolean({char: 'f', description: 'overwrite the manifest if it exists'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(ProviderInit)
    try {
      await writeManifestFile(flags.manifest, manifestTemplate(flags.sso as SsoStyle, flags.logs as LogStyle), flags.force)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${flags.manifest} already exists: use --force to overwrite it`)
      throw error
    }
    this.log(`Initialized new add-on manifest in ${flags.manifest}`)
    if (flags.logs === 'input' || flags.logs === 'both') {
      this.log("Each provision request will carry log_input_url: write the app's log lines there (the provider kit's resourceLogger does).")
    }
    if (flags.logs === 'drain' || flags.logs === 'both') {
      this.log("Each provision request will carry log_drain_token: answer with log_drain_url, where the platform delivers the app's lines (the provider kit's drainReceiver takes them).")
    }
    this.log('Change the id, name and test URLs, then run provider:check and provider:test.')
  }
}
