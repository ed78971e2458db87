import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {runUntilSignal} from '../../lib/run-until-signal.js'
import {AddonkitError, UsageError} from '../../lib/errors.js'
import {builtinServiceIds, defaultServePorts, type BuiltinServiceId} from '../../providers/builtin/service-ids.js'

const portDefaults = builtinServiceIds.map((id) => `${defaultServePorts[id]} for ${id}`).join(', ')

export default class ProviderServe extends BaseCommand {
  static description = 'run one built-in add-on service as its own provider, and write the manifest a platform registers it from'

  static examples = [
    '<%= config.bin %> <%= command.id %> kv',
    '<%= config.bin %> <%= command.id %> redis --port 6001 --manifest-out ./redis-manifest.json',
    '<%= config.bin %> <%= command.id %> postgresql --postgres-admin-url postgres://postgres:secret@127.0.0.1:5432/postgres',
    '<%= config.bin %> <%= command.id %> redis --metrics-interval 10',
  ]

  static args = {
    service: Args.string({description: 'the built-in service to run', required: true, options: [...builtinServiceIds]}),
  }

  static flags = {
    port: Flags.integer({description: `port to listen on (default: ${portDefaults}; 0 picks a free one)`, min: 0, max: 65535}),
    host: Flags.string({description: 'address to listen on', default: '127.0.0.1'}),
    data: Flags.string({description: "the service's data folder (default: providers/SERVICE in the addonkit data dir, where platform:start keeps it)"}),
    'platform-url': Flags.string({description: 'URL of the platform this provider reports to (no built-in needs it yet: an asynchronous provision reports to the callback_url sent with it)'}),
    'postgres-admin-url': Flags.string({description: 'PostgreSQL admin URL the postgresql service creates databases with (postgresql only, required there)'}),
    'manifest-out': Flags.string({description: 'where to write the manifest (default: manifest.json in the data folder)'}),
    'metrics-interval': Flags.integer({
      description: 'seconds between the metrics lines redis and postgresql write to the logs of the apps they are attached to; 0 for none (default: ADDONKIT_METRICS_INTERVAL_MS, else 60)',
      min: 0,
    }),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ProviderServe)
    const id = args.service as BuiltinServiceId
    if (flags['postgres-admin-url'] && id !== 'postgresql') throw new UsageError(`--postgres-admin-url is for the postgresql service, not ${id}`)
    if (flags['platform-url'] && !isHttpUrl(flags['platform-url'])) throw new UsageError(`--platform-url must be an http or https URL, got "${flags['platform-url']}"`)
    if (flags['metrics-interval'] !== undefined && id !== 'redis' && id !== 'postgresql') throw new UsageError(`--metrics-interval is for the redis and postgresql services, not ${id}`)
    // the server and the service's clients load only when this command runs
    const {serveBuiltinProvider} = await import('../../providers/builtin/serve.js')
    let served
    try {
      served = await serveBuiltinProvider({
        id, port: flags.port, host: flags.host, dataDir: flags.data, platformUrl: flags['platform-url'],
        postgresAdminUrl: flags['postgres-admin-url'], manifestOut: flags['manifest-out'], log: (line) => this.logToStderr(line),
        metricsIntervalMs: flags['metrics-interval'] === undefined ? undefined : flags['metrics-interval'] * 1000,
      })
    } catch (error) {
      throw new AddonkitError((error as Error).message.split('\n')[0])
    }
    this.log(`${id} provider listening on ${served.url} (data in ${served.dataDir})`)
    this.log(`manifest written to ${served.manifestPath}: register it with ${this.config.bin} platform:start --builtins none --manifest ${served.manifestPath}`)
    await runUntilSignal(() => served.close())
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
