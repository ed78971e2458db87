import {Args} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {getConfigVars} from '../lib/config/vars.js'
import {UsageError} from '../lib/errors.js'
import {appFlag} from '../lib/flags.js'
import {isHerokuApi, RunLog} from '../lib/run/run-log.js'
import {dynoEnv, runWithEnv} from '../lib/run/run-with-env.js'

export default class Run extends BaseCommand {
  static description = "run a local command with the app's config vars in its environment, as a dyno sees them; what it prints also goes to the app's log (as app[run.N])"
  static strict = false
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app -- node worker.js',
    `<%= config.bin %> <%= command.id %> --app example-app -- 'echo $REDIS_URL'`,
  ]
  static args = {command: Args.string({description: 'command and its arguments (put them after --)', required: true})}
  static flags = {app: appFlag}

  async run(): Promise<void> {
    const {flags, raw} = await this.parse(Run)
    // from the raw tokens: oclif's argv reorders repeated words
    const argv = raw.filter((token) => token.type === 'arg').map((token) => token.input)
    if (argv.length === 0) throw new UsageError('Name the command to run, e.g. run --app APP -- node worker.js')
    const {api} = this.deps
    const vars = await getConfigVars(api, flags.app)
    // the local platform keeps the output in the app's log; Heroku has no place for it
    const log = isHerokuApi(api.target.url) ? undefined : new RunLog(api, flags.app, (line) => this.logToStderr(line))
    await log?.start(argv.join(' '))
    const outcome = await runWithEnv(argv, {env: dynoEnv(this.deps.env, vars), onLine: log && ((line) => log.push(line))})
    if (outcome.notFound) this.logToStderr(`Error: ${argv[0]}: command not found`)
    await log?.close(outcome.exitCode)
    if (outcome.exitCode !== 0) this.exit(outcome.exitCode)
  }
}
