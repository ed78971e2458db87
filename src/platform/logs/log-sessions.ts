import {randomUUID} from 'node:crypto'
import type {Actor} from '../services/context.js'
import {invalid, notFound, PlatformError} from '../services/errors.js'
import {findApp} from '../services/lookup.js'
import type {Db} from '../store/database.js'
import type {LogSessionRow} from '../store/schema.js'
import type {LogFeed} from './log-feed.js'
import {RETAINED_LINES, type LineFilter, type LogStream, type NumberedLine} from './log-stream.js'

// A session's URL must be opened this soon after it is made; an open tail lasts as long as its reader.
export const LOG_SESSION_TTL_MS = 5 * 60_000

export interface LogSessionInput {
  lines?: number
  source?: string | null
  // `dyno` (v5, what the heroku CLI sends), `dyno_name` and `type` (the current schema)
  dyno?: string | null
  dyno_name?: string | null
  type?: string | null
  tail?: boolean
}

// `heroku logs`: a session remembers what to show (how many lines, which source and process, whether
// to keep following); its id is the secret of its logplex_url, served by any instance.
export class LogSessions {
  constructor(private readonly db: Db, private readonly stream: LogStream, private readonly feed: LogFeed) {}

  async create(actor: Actor, appRef: string, input: LogSessionInput): Promise<LogSessionRow> {
    const app = await findApp(this.db, actor, appRef)
    const lines = input.lines ?? 100
    if (!Number.isInteger(lines) || lines < 0 || lines > RETAINED_LINES) throw invalid(`lines must be a whole number from 0 to ${RETAINED_LINES}.`)
    const at = new Date()
    const row: LogSessionRow = {
      id: randomUUID(),
      app_id: app.id,
      lines,
      source: input.source || null,
      dyno: input.dyno_name || input.dyno || input.type || null,
      tail: input.tail ? 1 : 0,
      expires_at: new Date(at.getTime() + LOG_SESSION_TTL_MS).toISOString(),
      created_at: at.toISOString(),
    }
    await this.db.insertInto('log_sessions').values(row).execute()
    // sessions nobody opened in time go as new ones are made
    await this.db.deleteFrom('log_sessions').where('expires_at', '<', at.toISOString()).execute()
    return row
  }

  async open(id: string): Promise<LogSessionRow> {
    const session = await this.db.selectFrom('log_sessions').selectAll().where('id', '=', id).executeTakeFirst()
    if (!session) throw notFound('log-session', 'Unknown or expired log session.')
    if (session.expires_at < new Date().toISOString()) throw new PlatformError(403, 'forbidden', 'This log session has expired; start a new one.')
    return session
  }

  // The session's lines, batch by batch: the history (or, when the reader says which line it saw
  // last, everything after it), then, when tailing, new lines as they commit, until `signal` aborts.
  async *follow(session: LogSessionRow, lastSeen: number | undefined, signal: AbortSignal): AsyncGenerator<NumberedLine[]> {
    const filter: LineFilter = {source: session.source ?? undefined, dyno: session.dyno ?? undefined}
    const {app_id: appId} = session
    // listening before reading: a line committed between the two wakes the loop below
    let wake: (() => void) | undefined
    let pending = false
    const unsubscribe = session.tail ? this.feed.subscribe(appId, () => {
      pending = true
      wake?.()
    }) : () => {}
    const onAbort = () => wake?.()
    signal.addEventListener('abort', onAbort)
    try {
      // lines up to `last` were shown or not wanted (the history is the newest ones)
      let last = lastSeen ?? await this.stream.lastSeq(appId)
      const history = lastSeen === undefined
        ? await this.stream.newest(appId, session.lines, filter)
        : await this.stream.after(appId, lastSeen, RETAINED_LINES, filter)
      if (history.length > 0) {
        last = Math.max(last, history.at(-1)!.seq)
        yield history
      }
      if (!session.tail) return
      pending = true
      while (!signal.aborted) {
        if (!pending) await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
        if (signal.aborted) return
        pending = false
        for (;;) {
          const lines = await this.stream.after(appId, last, 500, filter)
          if (lines.length === 0) break
          last = lines.at(-1)!.seq
          yield lines
        }
      }
    } finally {
      unsubscribe()
      signal.removeEventListener('abort', onAbort)
    }
  }
}
