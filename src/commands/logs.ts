import {Flags} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {MAX_LOG_LINES} from '../lib/logs/log-session.js'
import {rendererFor} from '../lib/logs/render.js'
import {showLogs} from '../lib/logs/show-logs.js'

export default class Logs extends BaseCommand {
  static description = "display an app's log: what the platform, its add-ons and its processes wrote"
  static examples = [
    '<%= config.bin %> <%= command.id %> --app example-app',
    '<%= config.bin %> <%= command.id %> --app example-app --num 500 --source app --dyno web',
    '<%= config.bin %> <%= command.id %> --app example-app --tail',
    '<%= config.bin %> <%= command.id %> --app example-app --json',
  ]
  static flags = {
    app: Flags.string({char: 'a', description: 'app whose log to show', env: 'ADDONKIT_APP', required: true}),
    num: Flags.integer({char: 'n', description: `number of lines of history to show (1 to ${MAX_LOG_LINES})`, default: 100, min: 1, max: MAX_LOG_LINES}),
    tail: Flags.boolean({char: 't', default: false, description: 'keep showing new lines as they are written (Ctrl-C ends)'}),
    source: Flags.string({char: 's', description: 'only lines from this source ("app", "heroku", an add-on\'s name)'}),
    dyno: Flags.string({char: 'd', description: 'only lines from this process ("web.1"), or every process of a type ("web")'}),
    json: Flags.boolean({description: 'one JSON object per line: {id, time, source, process, message}'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Logs)
    const abort = new AbortController()
    const stop = () => abort.abort()
    process.once('SIGINT', stop)
    // `logs | head`: the reader left, and so do we
    const closed = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' && stop()
    process.stdout.on('error', closed)
    try {
      const render = await rendererFor({json: flags.json, colour: this.deps.stdoutIsTTY && !this.deps.env.NO_COLOR})
      await showLogs(this.deps.api, {app: flags.app, lines: flags.num, tail: flags.tail, source: flags.source, dyno: flags.dyno}, render, {
        write: (text) => {
          if (text !== '' && !abort.signal.aborted) process.stdout.write(text)
        },
        warn: (line) => process.stderr.write(`${line}\n`),
        signal: abort.signal,
      })
    } finally {
      process.off('SIGINT', stop)
      process.stdout.off('error', closed)
    }
  }
}
