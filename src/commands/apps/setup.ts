import {Args, Flags, ux} from '@oclif/core'
import type {AppSetup} from '../../wire/app-setup.js'
import {waitIntervalMs} from '../../lib/addons/wait.js'
import {createAppSetup, parseEnvPairs, setupFailure, waitForAppSetup} from '../../lib/apps/setup.js'
import {packFileSource, sourceUrl} from '../../lib/apps/setup-source.js'
import {BaseCommand} from '../../lib/base-command.js'

export default class AppsSetup extends BaseCommand {
  static description = `create an app from an app.json: the platform creates the app, its add-ons and its config vars (the app-setups API), and removes them all if any fails
--file (default ./app.json) needs the platform on this machine: the CLI packs the file into a tarball in its cache folder and hands the platform its file:// URL. Any platform can be given --source, the URL of a gzipped tarball with app.json at its root or in its top folder (a GitHub tarball URL, say).`
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> example-app --wait',
    '<%= config.bin %> <%= command.id %> example-review --file review/app.json --env API_TOKEN=secret --wait',
    '<%= config.bin %> <%= command.id %> --source https://github.com/example/app/tarball/main --region eu',
  ]
  static args = {name: Args.string({description: 'name of the app (the platform picks one otherwise)'})}
  static flags = {
    file: Flags.string({description: 'the app.json to set the app up from (default ./app.json; the local platform only)', exclusive: ['source']}),
    source: Flags.string({description: 'URL of a gzipped tarball holding app.json, which the platform fetches (or a local tarball, for the local platform)', exclusive: ['file']}),
    region: Flags.string({description: 'region to create the app in, e.g. us or eu (default us)'}),
    space: Flags.string({description: 'private space to create the app in (the app takes its region)'}),
    env: Flags.string({char: 'e', multiple: true, description: "KEY=VALUE set on the app over app.json's env (repeatable); gives required vars their value"}),
    wait: Flags.boolean({description: 'wait until the app is set up (or the setup failed and was removed)'}),
  }

  async run(): Promise<AppSetup> {
    const {args, flags} = await this.parse(AppsSetup)
    const {api} = this.deps
    const env = parseEnvPairs(flags.env ?? [])
    const url = flags.source === undefined
      ? await packFileSource({file: flags.file ?? 'app.json', overrides: env, apiUrl: api.target.url, cacheDir: this.config.cacheDir})
      : sourceUrl(flags.source, api.target.url)
    const app = Object.fromEntries(Object.entries({name: args.name, region: flags.region, space: flags.space}).filter(([, v]) => v !== undefined))
    ux.action.start(`Setting up ${args.name ?? 'a new app'}`)
    const created = await createAppSetup(api, {app, source_blob: {url}, ...(Object.keys(env).length > 0 ? {overrides: {env}} : {})})
    if (!flags.wait) {
      ux.action.stop(`${args.name ? '' : `${created.app.name}, `}started`)
      if (!this.jsonEnabled()) this.log(`${created.app.name} is being set up in the background (app setup ${created.id}); --wait waits for it.`)
      return created
    }
    ux.action.status = 'creating add-ons and config vars'
    const done = await waitForAppSetup(api, created, waitIntervalMs(this.deps.env))
    if (done.status === 'failed') {
      ux.action.stop('failed')
      throw setupFailure(done)
    }
    ux.action.stop(args.name ? 'done' : `done, ${done.app.name}`)
    if (!this.jsonEnabled()) this.log(`${done.app.name} is set up.`)
    return done
  }
}
