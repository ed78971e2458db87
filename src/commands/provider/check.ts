import {Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {findManifestProblems} from '../../providers/kit/manifest-problems.js'
import {readManifestFile} from '../../lib/provider/manifest-file.js'
import {manifestFlag} from '../../lib/provider/flags.js'

export interface ManifestCheckJson {
  manifest: string
  ok: boolean
  problems: string[]
}

export default class ProviderCheck extends BaseCommand {
  static description = 'check an add-on manifest and list every problem at once'
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --manifest my-manifest.json --json']
  static flags = {
    manifest: manifestFlag,
    json: Flags.boolean({description: 'print {manifest, ok, problems} as JSON (exit code still 1 when invalid)'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(ProviderCheck)
    const problems = findManifestProblems(await readManifestFile(flags.manifest))
    const result: ManifestCheckJson = {manifest: flags.manifest, ok: problems.length === 0, problems}
    if (flags.json) this.log(JSON.stringify(result, null, 2))
    else if (result.ok) this.log(`${flags.manifest} is a valid add-on manifest.`)
    else {
      this.log(`${flags.manifest} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`)
      for (const problem of problems) this.log(`  ${problem}`)
    }
    if (!result.ok) this.exit(1)
  }
}
