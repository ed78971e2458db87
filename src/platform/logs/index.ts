import type {Store} from '../store/database.js'
import {AppOutput} from './app-output.js'
import {LogFeed} from './log-feed.js'
import {LogInput} from './log-input.js'
import {LogSessions} from './log-sessions.js'
import {LogStream} from './log-stream.js'

// The app's log stream: lines kept per app (log-stream.ts, one row per append: log-batches.ts;
// appends that meet are written together: append-groups.ts), written by the platform, by add-ons
// through Logplex's input (log-input.ts; where its tokens write: input-tokens.ts) and by `addonkit
// run`; read by `heroku logs` sessions (log-sessions.ts), woken across instances by log-feed.ts;
// delivered to drains (drains/).
export interface Logs {
  stream: LogStream
  feed: LogFeed
  input: LogInput
  sessions: LogSessions
  // what `addonkit run` prints (app-output.ts)
  output: AppOutput
  // aborted when the platform stops: open tails end
  closing: AbortSignal
  start(): Promise<void>
  stop(): Promise<void>
}

export function createLogs(store: Store): Logs {
  const feed = new LogFeed(store)
  const stream = new LogStream(store, feed)
  const closing = new AbortController()
  return {
    stream,
    feed,
    input: new LogInput(store, stream),
    sessions: new LogSessions(store.db, stream, feed),
    output: new AppOutput(store, stream),
    closing: closing.signal,
    start: () => feed.start(),
    async stop() {
      closing.abort()
      await feed.stop()
    },
  }
}
