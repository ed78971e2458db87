import {randomBytes} from 'node:crypto'
import {setTimeout as sleep} from 'node:timers/promises'
import got from 'got'
import {inputFrame, LOGPLEX_CONTENT_TYPE, logTime, MAX_FRAME_BYTES} from '../../wire/logplex.js'

export interface ResourceLoggerOptions {
  // HOSTNAME of every frame: the add-on's service name, as Logplex's docs ask
  host: string
  // names the add-on to the platform, e.g. `MyAddon (https://example.com/my-addon; Node/20)`
  userAgent: string
  // APPNAME of every frame. The platform shows the add-on's own name as the source whatever it holds
  // (Logplex reserves the field for its token, which this logger never writes into a frame).
  app?: string
  // A batch leaves when it holds this many lines (log-shuttle's 500)...
  maxLines?: number
  // ...or this many bytes (under the platform's 1 MB request limit)...
  maxBytes?: number
  // ...or this long after the first line of it was written.
  flushIntervalMs?: number
  // tries per batch, counting the first; 5xx, 429 and network errors are tried again
  tries?: number
  // the wait before the first retry, doubled before each next one
  retryDelayMs?: number
  timeoutMs?: number
  // lines held while the platform is slow or away; beyond, the oldest go (and a warning counts them)
  maxBuffered?: number
  // where the logger reports lines it had to drop; never given the token
  warn?: (message: string) => void
  // told instead of `warn` when the platform refused a batch with a 4xx (the URL's token is no longer
  // valid: its attachment is gone): a caller that knows the attachments come and go stays quiet
  refused?: (status: number) => void
}

const defaults = {
  app: 'app',
  maxLines: 500,
  maxBytes: 512 * 1024,
  flushIntervalMs: 1000,
  tries: 3,
  retryDelayMs: 500,
  timeoutMs: 5000,
  maxBuffered: 10_000,
}

/**
 * Writes a resource's lines to the app's log stream through the provision's `log_input_url`
 * (`https://token:t.<uuid>@HOST/logs`), as Logplex HTTP input: batches of octet-counted frames,
 * Basic auth from the URL, retries with back-off. Writing never throws and never waits: call
 * `flush()` to wait for what was written so far, `close()` when the resource goes away.
 */
export function resourceLogger(logInputUrl: string, options: ResourceLoggerOptions): ResourceLogger {
  return new ResourceLogger(logInputUrl, options)
}

export class ResourceLogger {
  private readonly settings: Required<Omit<ResourceLoggerOptions, 'warn' | 'refused'>>
  private readonly warn: (message: string) => void
  private readonly refused?: (status: number) => void
  private readonly endpoint: string
  private readonly authorization: string
  private readonly token: string
  private frames: string[] = []
  private sending?: Promise<void>
  private timer?: NodeJS.Timeout
  private dropped = 0
  private closed = false
  private warnedClosed = false

  constructor(logInputUrl: string, options: ResourceLoggerOptions) {
    const url = parseLogInputUrl(logInputUrl)
    this.token = decodeURIComponent(url.password)
    this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${this.token}`).toString('base64')}`
    url.username = ''
    url.password = ''
    this.endpoint = url.toString()
    this.settings = {...defaults, ...definedOnly(options), host: options.host, userAgent: options.userAgent}
    this.refused = options.refused
    const warn = options.warn ?? ((message: string) => process.emitWarning(message, 'ResourceLogger'))
    // whatever a server or a network error says, the token does not get into a warning
    this.warn = (message) => warn(message.split(this.token).join('***'))
  }

  // One line (or one per line of a multi-line message) from `process` (`worker.1`, `backup`...).
  log(process: string, message: string, time?: Date): void {
    if (this.closed) {
      if (!this.warnedClosed) this.warn(`a log line was written after close(); it is dropped, and so will be any later ones`)
      this.warnedClosed = true
      return
    }
    const stamp = logTime(time)
    for (const line of message.split(/\r?\n/)) {
      if (line === '' && message !== '') continue
      for (const part of this.fitted(process, line, stamp)) this.frames.push(part)
    }
    const overflow = this.frames.length - this.settings.maxBuffered
    if (overflow > 0) {
      this.frames.splice(0, overflow)
      this.dropped += overflow
    }
    if (this.frames.length >= this.settings.maxLines) void this.flush()
    else this.arm()
  }

  // A short wait gathers the next lines into the same batch; the timer never keeps a process alive.
  private arm(): void {
    if (this.sending || this.timer || this.frames.length === 0) return
    this.timer = setTimeout(() => void this.flush(), this.settings.flushIntervalMs)
    this.timer.unref()
  }

  // Sends everything written so far; resolves once it is delivered or given up on (never rejects).
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.sending ??= this.sendAll().finally(() => {
      this.sending = undefined
      // written while the last batch was finishing
      this.arm()
    })
    return this.sending
  }

  // Flushes; later lines are dropped, with one warning.
  async close(): Promise<void> {
    this.closed = true
    await this.flush()
  }

  private async sendAll(): Promise<void> {
    while (this.frames.length > 0) await this.send(this.takeBatch())
    if (this.dropped > 0) {
      this.warn(`${logLines(this.dropped)} dropped before they could be sent to ${this.endpoint}`)
      this.dropped = 0
    }
  }

  private takeBatch(): string[] {
    let bytes = 0
    let count = 0
    while (count < this.frames.length && count < this.settings.maxLines) {
      const size = Buffer.byteLength(this.frames[count])
      if (count > 0 && bytes + size > this.settings.maxBytes) break
      bytes += size
      count++
    }
    return this.frames.splice(0, count)
  }

  private async send(batch: string[]): Promise<void> {
    const body = batch.join('')
    // the same id on every try, so a platform that saw the first one can tell a repeat
    const frameId = randomBytes(16).toString('hex').toUpperCase()
    const {tries, retryDelayMs, timeoutMs} = this.settings
    let problem = ''
    for (let attempt = 1; attempt <= tries; attempt++) {
      try {
        const response = await got.post(this.endpoint, {
          body,
          headers: {
            authorization: this.authorization,
            'content-type': LOGPLEX_CONTENT_TYPE,
            'logplex-msg-count': String(batch.length),
            'logplex-frame-id': frameId,
            'user-agent': this.settings.userAgent,
          },
          throwHttpErrors: false,
          retry: {limit: 0},
          timeout: {request: timeoutMs},
        })
        const status = response.statusCode
        if (status < 300) return
        problem = `${status}${response.body ? `: ${String(response.body).slice(0, 200)}` : ''}`
        // a 4xx will not change on a retry (a destroyed add-on's token, a malformed frame)
        if (status < 500 && status !== 429) {
          if (this.refused) return this.refused(status)
          this.warn(`${this.endpoint} refused ${logLines(batch.length)} (${problem}): dropped`)
          return
        }
      } catch (error) {
        problem = (error as Error).message
      }
      if (attempt < tries) await sleep(retryDelayMs * 2 ** (attempt - 1))
    }
    this.warn(`${logLines(batch.length)} could not be sent to ${this.endpoint} in ${tries} tries (${problem}): dropped`)
  }

  // The frames for one line: a line longer than a frame may be is cut into several.
  private fitted(process: string, line: string, time: string): string[] {
    const fields = {host: this.settings.host, app: this.settings.app, process, time}
    const whole = inputFrame({...fields, message: line})
    if (frameBytes(whole) <= MAX_FRAME_BYTES) return [whole]
    const room = MAX_FRAME_BYTES - frameBytes(inputFrame({...fields, message: ''}))
    return splitByBytes(line, room).map((part) => inputFrame({...fields, message: part}))
  }
}

function parseLogInputUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // the text itself is not repeated: it may hold the token
    throw new Error('log_input_url is not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`log_input_url must be an http or https URL, not ${url.protocol.replace(':', '')}`)
  if (!url.password) throw new Error('log_input_url carries no token: expected https://token:t.<uuid>@HOST/logs')
  return url
}

// The byte length a frame declares (what MAX_FRAME_BYTES limits).
function frameBytes(frame: string): number {
  return Number(frame.slice(0, frame.indexOf(' ')))
}

// Pieces of `text` of at most `limit` UTF-8 bytes each, never cutting a character.
function splitByBytes(text: string, limit: number): string[] {
  const parts: string[] = []
  let current = ''
  let bytes = 0
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (bytes + size > limit) {
      parts.push(current)
      current = ''
      bytes = 0
    }
    current += char
    bytes += size
  }
  if (current) parts.push(current)
  return parts
}

function logLines(count: number): string {
  return count === 1 ? '1 log line' : `${count} log lines`
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([name, value]) => value !== undefined && name !== 'warn' && name !== 'refused')) as Partial<T>
}
