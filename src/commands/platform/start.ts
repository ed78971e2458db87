import {Flags} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {runUntilSignal} from '../../lib/run-until-signal.js'
import {parseDuration} from '../../lib/duration.js'
import {AddonkitError, ExitCode, UsageError} from '../../lib/errors.js'

export default class PlatformStart extends BaseCommand {
  static description = 'run the local platform: the Platform API add-ons surface, provisioning through add-on providers'

  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --port 0 --data ./tmp/platform --account dev@example.com:secret-key',
    '<%= config.bin %> <%= command.id %> --manifest ./addon-manifest.json --database-url postgres://localhost/addonkit',
    '<%= config.bin %> <%= command.id %> --builtins none --manifest ./kv-manifest.json --database-url postgres://localhost/addonkit',
  ]

  static flags = {
    port: Flags.integer({description: 'port to listen on (0 picks a free one)', default: 5000, min: 0, max: 65535}),
    host: Flags.string({description: 'address to listen on', default: '127.0.0.1'}),
    'public-url': Flags.string({description: 'URL clients and providers reach the platform by, e.g. a load balancer in front of several instances (default: the address listened on)'}),
    data: Flags.string({description: 'data directory (defaults to the addonkit data dir)'}),
    account: Flags.string({description: 'account to create or keep, as EMAIL:API_KEY (repeatable)', multiple: true}),
    manifest: Flags.string({description: 'register an add-on service from a provider manifest file (repeatable)', multiple: true}),
    'database-url': Flags.string({description: 'PostgreSQL URL to store platform data in instead of SQLite'}),
    'postgres-admin-url': Flags.string({description: 'PostgreSQL admin URL the built-in postgresql provider creates databases with'}),
    builtins: Flags.string({
      description: 'built-in services to serve from this process: all, or none to offer only the services of --manifest (e.g. run by provider:serve)',
      options: ['all', 'none'],
      default: 'all',
    }),
    'webhook-retry-window': Flags.custom<number>({
      description: 'how long a sync webhook delivery is retried, e.g. 72h (Heroku\'s window, the default) or 30s for tests',
      env: 'ADDONKIT_WEBHOOK_RETRY_WINDOW',
      parse: async (input) => parseDuration(input),
    })(),
    'webhook-backoff': Flags.custom<number>({
      description: 'wait after a failed webhook delivery attempt, doubling after each next one up to an hour, e.g. 5s (the default) or 100ms',
      env: 'ADDONKIT_WEBHOOK_BACKOFF',
      parse: async (input) => parseDuration(input),
    })(),
    'rate-limit': Flags.integer({description: 'requests an account may burst before 429 (refilled at 20 a minute, as on Heroku); 0 turns the limit off', default: 2400, min: 0}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(PlatformStart)
    const accounts = (flags.account ?? []).map((value) => {
      const colon = value.indexOf(':')
      if (colon <= 0 || colon === value.length - 1) throw new UsageError(`--account must be EMAIL:API_KEY, got "${value}"`)
      return {email: value.slice(0, colon), apiKey: value.slice(colon + 1)}
    })
    if (flags['public-url'] !== undefined && !/^https?:\/\/[^/]+/.test(flags['public-url'])) {
      throw new UsageError(`--public-url must be an http(s) URL, got "${flags['public-url']}"`)
    }
    if (flags.builtins === 'none' && flags['postgres-admin-url']) {
      throw new UsageError('--postgres-admin-url is for the built-in postgresql service, which --builtins none leaves out: give it to provider:serve postgresql')
    }
    // the server and its database drivers load only when this command runs
    const {startPlatform} = await import('../../platform/start.js')
    let platform
    try {
      platform = await startPlatform({
        port: flags.port, host: flags.host, publicUrl: flags['public-url'], dataDir: flags.data, accounts, manifestFiles: flags.manifest,
        databaseUrl: flags['database-url'], postgresAdminUrl: flags['postgres-admin-url'], builtinProviders: flags.builtins !== 'none',
        rateLimit: flags['rate-limit'] === 0 ? false : {bucket: flags['rate-limit'], refillPerMinute: 20},
        webhookRetryWindowMs: flags['webhook-retry-window'], webhookBackoffMs: flags['webhook-backoff'],
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new AddonkitError(`${flags.host}:${flags.port} is already in use (is a platform already running?): choose another --port`, ExitCode.error)
      }
      throw new AddonkitError((error as Error).message.split('\n')[0], ExitCode.error)
    }
    this.log(`platform listening on ${platform.url} (account ${platform.email})`)
    this.log(`point the heroku CLI at it with HEROKU_HOST=${platform.url} HEROKU_API_KEY=${platform.apiKey}`)
    await runUntilSignal(() => platform.close())
  }
}
