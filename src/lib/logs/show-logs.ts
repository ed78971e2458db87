import type {ApiClient} from '../api/client.js'
import {AddonkitError, ExitCode} from '../errors.js'
import {openEventStream, StreamLost} from './event-stream.js'
import {createLogSession, type LogQuery} from './log-session.js'
import type {Renderer} from './render.js'

export interface LogsIO {
  write(text: string): void
  // one line on stderr
  warn(line: string): void
  // Ctrl-C: the logs end there, successfully
  signal: AbortSignal
  // waits between reconnection attempts (tests shorten it)
  backoffMs?: (attempt: number) => number
}

export const LOST_LINE = 'Lost the connection to the log stream; reconnecting...'
export const BACK_LINE = 'Reconnected to the log stream.'

// a platform restart takes a second or two: try again soon, then every few seconds
const defaultBackoff = (attempt: number) => Math.min(250 * 2 ** attempt, 5000)

// Prints an app's log: the history, and with `tail` what follows. A tail whose connection drops
// (the platform restarted, the network went away) says so once, keeps trying, says so again when
// it is back, and carries on after the last line it printed: a new session, opened with that
// line's id as Last-Event-ID, so no line shows twice.
export async function showLogs(api: ApiClient, query: LogQuery, render: Renderer, io: LogsIO): Promise<void> {
  const {signal} = io
  const backoff = io.backoffMs ?? defaultBackoff
  let lastId: string | undefined
  let connected = false
  let lost = false
  let attempt = 0
  while (!signal.aborted) {
    try {
      const session = await createLogSession(api, query, signal)
      const stream = await openEventStream(session.logplex_url, {lastEventId: lastId, signal})
      connected = true
      if (lost) {
        io.warn(BACK_LINE)
        lost = false
      }
      attempt = 0
      for await (const events of stream.events()) {
        let text = ''
        for (const event of events) {
          for (const line of logLines(event.data)) text += render({id: event.id, text: line})
          if (event.id !== undefined) lastId = event.id
        }
        io.write(text)
      }
      // the history has all been shown; a tail that ends was cut off
      if (!query.tail) return
    } catch (error) {
      if (signal.aborted) return
      // only a tail that was connected carries on: anything else is the command's answer
      if (!(query.tail && connected && isPassing(error))) throw error
    }
    if (signal.aborted) return
    if (!lost) io.warn(LOST_LINE)
    lost = true
    await sleep(backoff(attempt++), signal)
  }
}

// An event's data is one log line or several (`heroku logs` splits it at newlines); a data line
// that does not start like a log line continues the message before it (one that held a line break).
function logLines(data: string): string[] {
  const lines: string[] = []
  for (const part of data.split('\n')) {
    if (part === '') continue
    if (lines.length > 0 && !LINE_START.test(part)) lines[lines.length - 1] += `\n${part}`
    else lines.push(part)
  }
  return lines
}

const LINE_START = /^\S+ [^\s[]+\[[^\]]*\]:/

// What a restarting platform answers: nothing at all, a cut connection, or a 5xx/429 while it starts.
function isPassing(error: unknown): boolean {
  if (error instanceof StreamLost) return true
  if (error instanceof AddonkitError && error.exitCode === ExitCode.unreachable) return true
  const status = (error as {status?: number}).status
  return status !== undefined && (status >= 500 || status === 429)
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}
