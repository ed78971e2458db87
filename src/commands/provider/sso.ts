import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {AddonkitError} from '../../lib/errors.js'
import {findManifestProblems} from '../../providers/kit/manifest-problems.js'
import {readManifestFile} from '../../lib/provider/manifest-file.js'
import {manifestFlag} from '../../lib/provider/flags.js'
import {serveSsoFormPage} from '../../lib/provider/sso-form-page.js'
import {signedSsoRequest} from '../../lib/provider/sso-session.js'
import type {ProviderManifest} from '../../providers/kit/manifest-types.js'

// Providers refuse tokens older than five minutes: no point serving the form longer.
const formLifetimeMs = 5 * 60_000

export default class ProviderSso extends BaseCommand {
  static description = "sign in to a resource's dashboard on the provider, as the platform's SSO would"
  static examples = [
    '<%= config.bin %> <%= command.id %> 8f3e0c2a-...',
    '<%= config.bin %> <%= command.id %> 8f3e0c2a-... --show-url',
    '<%= config.bin %> <%= command.id %> 8f3e0c2a-... --manifest my-manifest.json --production',
  ]

  static args = {id: Args.string({description: "the provider's resource id (what provision answered)", required: true})}
  static flags = {
    manifest: manifestFlag,
    'show-url': Flags.boolean({description: 'print the URL instead of opening a browser'}),
    production: Flags.boolean({description: "use the manifest's production SSO URL instead of the test one"}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ProviderSso)
    const candidate = await readManifestFile(flags.manifest)
    const problems = findManifestProblems(candidate)
    if (problems.length > 0) throw new AddonkitError(`${flags.manifest} is not a valid manifest: ${problems[0]} (see provider:check)`)
    const request = signedSsoRequest(candidate as ProviderManifest, args.id, flags.production)
    const openBrowser = this.deps.canOpenBrowser && !flags['show-url']

    if (request.method === 'get') {
      if (openBrowser) {
        this.logToStderr(`Opening ${request.url}`)
        await this.deps.openUrl(request.url)
      } else this.log(request.url)
      return
    }
    // POST style: a browser cannot be sent to a form post by URL, so a local page does the posting
    const manifest = candidate as ProviderManifest
    const page = await serveSsoFormPage(manifest.name ?? manifest.id, request.url, request.fields, formLifetimeMs)
    try {
      this.logToStderr(`POSTing the signed form to ${request.url} through ${page.url} (served once, valid 5 minutes)`)
      if (openBrowser) await this.deps.openUrl(page.url)
      else this.log(page.url)
      await page.served
      this.logToStderr('Form sent to the browser.')
    } finally {
      await page.close()
    }
  }
}
