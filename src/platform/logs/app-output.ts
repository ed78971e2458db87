import {randomUUID} from 'node:crypto'
import {logTime, MAX_FRAME_BYTES, type LogLine} from '../../wire/logplex.js'
import type {Dyno} from '../../wire/platform-api.js'
import type {Actor} from '../services/context.js'
import {invalid} from '../services/errors.js'
import {findApp} from '../services/lookup.js'
import type {Store} from '../store/database.js'
import type {AppRow} from '../store/schema.js'
import type {LogStream} from './log-stream.js'
import {apiLine} from './platform-lines.js'

// what one POST may carry (the CLI sends a few hundred at a time)
export const MAX_LINES_PER_WRITE = 1500
// RFC 3339 with a time zone, and no space: a printed line is `TIME SOURCE[PROC]: MSG`
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

export interface RunInput {
  command: string
  type?: string
  attach?: boolean
}

export interface OutputInput {
  process: string
  lines: Array<{time?: string; message: string}>
  // the command's exit status, sent with its last lines
  exit_status?: number
}

// The output of `addonkit run`: the command runs on the user's machine, and the platform gives it
// a one-off process name (`run.N`, counting up per app) and writes what it prints to the app's log
// as `app[run.N]`, with the platform's own `heroku[run.N]` lines around it, as Heroku does.
export class AppOutput {
  constructor(private readonly store: Store, private readonly stream: LogStream) {}

  async startRun(actor: Actor, appRef: string, input: RunInput): Promise<Dyno> {
    const app = await findApp(this.store.db, actor, appRef)
    const type = input.type ?? 'run'
    if (type !== 'run') throw invalid('Only one-off processes (type "run") can be started here: the local platform runs no dynos.')
    if (input.attach) throw invalid('attach is not supported: the command runs where `addonkit run` was typed, and its output reaches the app\'s log.')
    const command = input.command.trim()
    if (command === '') throw invalid('command must not be empty.')
    return this.store.transaction(async (tx) => {
      // one statement takes the number and counts it, so two runs started at once never share a name
      const {run_count: number} = await tx.updateTable('apps').set((eb) => ({run_count: eb('run_count', '+', 1)}))
        .where('id', '=', app.id).returning('run_count').executeTakeFirstOrThrow()
      const name = `run.${Number(number)}`
      const release = await tx.selectFrom('releases').select(['id', 'version']).where('app_id', '=', app.id).orderBy('version', 'desc').limit(1).executeTakeFirst()
      // a log line is one line, whatever the command
      const shown = command.replace(/\s*[\r\n]+\s*/g, ' ')
      await this.stream.append(app.id, [
        apiLine(`Starting process with command \`${shown}\` by user ${actor.email}`),
        platformLine(name, `Starting process with command \`${shown}\``),
        platformLine(name, 'State changed from starting to up'),
      ], tx)
      const at = new Date().toISOString()
      const dyno: Dyno = {
        id: randomUUID(), name, command, type, size: 'Basic', state: 'up', attach_url: null,
        app: {id: app.id, name: app.name},
        release: release ? {id: release.id, version: Number(release.version)} : null,
        created_at: at, updated_at: at,
      }
      return dyno
    })
  }

  // Lines a run printed, in the order it printed them; with `exit_status`, the run has ended.
  async write(actor: Actor, appRef: string, input: OutputInput): Promise<number> {
    const app = await findApp(this.store.db, actor, appRef)
    checkRunProcess(app, input.process)
    if (input.lines.length > MAX_LINES_PER_WRITE) throw invalid(`At most ${MAX_LINES_PER_WRITE} lines per request.`)
    const now = logTime()
    const lines: LogLine[] = input.lines.map((line, i) => {
      if (line.time !== undefined && !RFC3339.test(line.time)) throw invalid(`lines.${i}.time must be an RFC 3339 time, like ${now}.`)
      if (Buffer.byteLength(line.message) > MAX_FRAME_BYTES) throw invalid(`lines.${i}.message is longer than ${MAX_FRAME_BYTES} bytes.`)
      return {time: line.time ?? now, source: 'app', process: input.process, message: line.message}
    })
    if (input.exit_status !== undefined) {
      lines.push(platformLine(input.process, `Process exited with status ${input.exit_status}`), platformLine(input.process, 'State changed from up to complete'))
    }
    await this.stream.append(app.id, lines)
    return lines.length
  }
}

// Only this app's own one-off processes write here: `run.N` for an N the platform handed out.
function checkRunProcess(app: AppRow, process: string): void {
  const match = /^run\.([1-9]\d*)$/.exec(process)
  if (!match || Number(match[1]) > Number(app.run_count)) throw invalid(`${process} is not a process of ${app.name}: start one with POST /apps/${app.name}/dynos.`)
}

function platformLine(process: string, message: string): LogLine {
  return {time: logTime(), source: 'heroku', process, message}
}
