import {createParser, type EventSourceMessage} from 'eventsource-parser'
import got, {RequestError} from 'got'
import {AddonkitError, ExitCode, exitCodeForStatus} from '../errors.js'

// The connection to a log stream broke or ended while it was being read (the platform restarted,
// the network went away): a tail may reconnect and carry on.
export class StreamLost extends Error {}

export interface OpenOptions {
  // the id of the last event seen: the stream starts after it
  lastEventId?: string
  signal: AbortSignal
}

// A log session's logplex_url read as Server-Sent Events. Resolves once the server has answered
// 200 (so a caller knows it is connected); `events()` then yields what arrives, a chunk at a time.
// The URL is the session's own secret: no API key is sent with it (on Heroku it is another host).
export async function openEventStream(url: string, options: OpenOptions): Promise<{events(): AsyncGenerator<EventSourceMessage[]>}> {
  const stream = got.stream(url, {
    headers: {accept: 'text/event-stream', 'user-agent': 'addonkit', ...(options.lastEventId === undefined ? {} : {'last-event-id': options.lastEventId})},
    throwHttpErrors: false,
    retry: {limit: 0},
    signal: options.signal,
  })
  let status: number
  try {
    status = await new Promise<number>((resolve, reject) => {
      stream.once('response', (response: {statusCode: number}) => resolve(response.statusCode))
      stream.once('error', reject)
    })
  } catch (error) {
    throw unreachable(error, url)
  }
  if (status !== 200) throw await refusal(stream, status)
  return {
    async *events() {
      const pending: EventSourceMessage[] = []
      const parser = createParser({onEvent: (event) => pending.push(event)})
      stream.setEncoding('utf8')
      try {
        for await (const chunk of stream) {
          parser.feed(chunk as string)
          if (pending.length > 0) yield pending.splice(0)
        }
      } catch (error) {
        if (options.signal.aborted) return
        throw new StreamLost(error instanceof Error ? error.message : String(error))
      }
    },
  }
}

// Heroku's CLI says the same when a tail's session is refused: sessions are short-lived.
async function refusal(stream: AsyncIterable<unknown>, status: number): Promise<AddonkitError> {
  let text = ''
  try {
    for await (const chunk of stream) text += String(chunk)
  } catch {
    // the status says enough
  }
  let message: string | undefined
  try {
    message = (JSON.parse(text) as {message?: string}).message
  } catch {
    // not the platform's JSON error
  }
  if (status === 403 || status === 404) message = `Log stream timed out. Please try again.${message ? ` (${message})` : ''}`
  return new AddonkitError(message ?? `The log stream answered ${status}.`, exitCodeForStatus(status))
}

function unreachable(error: unknown, url: string): AddonkitError {
  const host = new URL(url).host
  const code = error instanceof RequestError ? error.code : undefined
  return new AddonkitError(`Could not reach the log stream at ${host} (${code ?? (error as Error).message}).`, ExitCode.unreachable)
}
