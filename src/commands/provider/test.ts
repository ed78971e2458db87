import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {runConformance} from '../../lib/provider/conformance/suite.js'
import {manifestFlag, testPlanFlag} from '../../lib/provider/flags.js'
import {readManifestFile} from '../../lib/provider/manifest-file.js'
import {parseTestTarget, testKinds} from '../../lib/provider/test-target.js'

export default class ProviderTest extends BaseCommand {
  static description = 'check that an add-on provider answers the platform as it should (provision, plan change, deprovision, SSO, partner API use)'
  static strict = false
  static examples = [
    '<%= config.bin %> <%= command.id %> all',
    '<%= config.bin %> <%= command.id %> provision --plan test --region eu -- size=large',
    '<%= config.bin %> <%= command.id %> planchange 8f3e... premium',
    '<%= config.bin %> <%= command.id %> sso 8f3e...',
    '<%= config.bin %> <%= command.id %> deprovision 8f3e...',
    '<%= config.bin %> <%= command.id %> all --json',
  ]

  static args = {
    check: Args.string({description: 'what to check; deprovision and sso take an ID, planchange ID PLAN; provision and all take KEY=VALUE options', options: [...testKinds], default: 'all'}),
  }

  static flags = {
    manifest: manifestFlag,
    plan: testPlanFlag,
    region: Flags.string({char: 'r', description: 'region to provision in: a manifest name (us, eu...) or a platform region (amazon-web-services::us-east-1)'}),
    production: Flags.boolean({description: "use the manifest's production URLs instead of the test ones"}),
    json: Flags.boolean({description: 'print {checks: [{name, ok, severity: must|should, reason?, warning?, note?}], ok} as JSON, for CI'}),
    'async-timeout': Flags.integer({description: 'seconds an asynchronous (202) provision may take to finish through the partner API', default: 60, min: 1}),
    'logs-timeout': Flags.integer({description: 'seconds to wait for frames at log_input_url after provisioning (manifests that require log_input)', default: 5, min: 1}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ProviderTest)
    const {target, options} = parseTestTarget(argv as string[])
    const manifest = await readManifestFile(flags.manifest)
    const {report, keptResourceId} = await runConformance(target, {
      manifest,
      production: flags.production,
      plan: flags.plan,
      region: flags.region,
      options,
      asyncTimeoutMs: flags['async-timeout'] * 1000,
      logWaitMs: flags['logs-timeout'] * 1000,
      write: flags.json ? () => {} : (line) => this.log(line),
    })
    if (flags.json) this.log(JSON.stringify(report.toJson(), null, 2))
    else {
      this.log('')
      this.log(report.summary())
      if (report.warnings > 0) this.log('[WARN] marks good practice that Heroku does not require; only [FAIL] (what it requires) makes the exit code non-zero.')
      if (keptResourceId !== undefined) {
        this.log(`Resource ${keptResourceId} stays provisioned: check it with "${this.config.bin} provider:test planchange|sso|deprovision ${keptResourceId}".`)
      }
    }
    if (!report.ok) this.exit(1)
  }
}
