import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {UsageError} from '../../lib/errors.js'
import {manifestFlag} from '../../lib/provider/flags.js'
import {readManifestFile} from '../../lib/provider/manifest-file.js'
import {runInheritingStdio} from '../../lib/provider/run-command.js'
import {runExitCode, runWithAddon} from '../../lib/provider/run-flow.js'

export default class ProviderRun extends BaseCommand {
  static description = "provision a resource, run a command with its config vars, then change plan and deprovision"
  static strict = false
  static examples = [
    '<%= config.bin %> <%= command.id %> -- node use-my-addon.js',
    '<%= config.bin %> <%= command.id %> --plan premium -- printenv MYADDON_URL',
  ]

  static args = {command: Args.string({description: 'the command to run, after --, with its arguments', required: true})}
  static flags = {
    manifest: manifestFlag,
    plan: Flags.string({char: 'p', description: 'plan to change to after the command (default: the first non-default plan)'}),
    region: Flags.string({char: 'r', description: 'region to provision in: a manifest name (us, eu...) or a platform region'}),
    production: Flags.boolean({description: "use the manifest's production URLs instead of the test ones"}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ProviderRun)
    const command = argv as string[]
    if (command.length === 0) throw new UsageError('give the command to run after --')
    const result = await runWithAddon({
      manifest: await readManifestFile(flags.manifest),
      production: flags.production,
      plan: flags.plan,
      region: flags.region,
      options: {},
      command,
      env: this.deps.env,
      runCommand: runInheritingStdio,
      write: (line) => this.log(line),
    })
    this.log('')
    this.log(result.report.summary())
    const code = runExitCode(result)
    if (code !== 0) this.exit(code)
  }
}
