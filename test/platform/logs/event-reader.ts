import {createParser, type EventSourceMessage} from 'eventsource-parser'
import got from 'got'

// A log session's logplex_url read as its readers do (Server-Sent Events), kept open for tails.
export interface EventReader {
  status: number
  events: EventSourceMessage[]
  // the `data` of every event so far
  lines(): string[]
  // resolves once `check` holds for what has arrived; rejects if the stream ends first
  until(check: (lines: string[]) => boolean, what: string): Promise<void>
  // resolves when the server ends the stream
  ended: Promise<void>
  close(): void
}

export async function readEvents(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
  const abort = new AbortController()
  const events: EventSourceMessage[] = []
  const waiters = new Set<() => void>()
  let finished = false
  const parser = createParser({onEvent: (event) => {
    events.push(event)
    for (const wake of waiters) wake()
  }})
  const stream = got.stream(url, {headers: {accept: 'text/event-stream', ...headers}, throwHttpErrors: false, retry: {limit: 0}, signal: abort.signal})
  const status = await new Promise<number>((resolve, reject) => {
    stream.once('response', (response: {statusCode: number}) => resolve(response.statusCode))
    stream.once('error', reject)
  })
  stream.setEncoding('utf8')
  const ended = new Promise<void>((resolve) => {
    stream.on('data', (chunk: string) => parser.feed(chunk))
    const end = () => {
      finished = true
      for (const wake of waiters) wake()
      resolve()
    }
    stream.once('end', end)
    stream.once('error', end)
  })
  const lines = () => events.map((e) => e.data)
  return {
    status,
    events,
    lines,
    ended,
    until(check, what) {
      return new Promise<void>((resolve, reject) => {
        const test = () => {
          if (check(lines())) {
            waiters.delete(test)
            resolve()
          } else if (finished) {
            waiters.delete(test)
            reject(new Error(`the stream ended before ${what}; it had:\n${lines().join('\n')}`))
          }
        }
        waiters.add(test)
        test()
      })
    },
    close: () => abort.abort(),
  }
}
