// Logplex's wire formats: the `application/logplex-1` bodies add-ons POST to their log_input_url,
// and the ones drains receive. A body is RFC 6587 octet-counted frames, `<byte length> <RFC 5424
// message>`, with no separator; the length counts bytes (not characters) and any trailing newline.

export const LOGPLEX_CONTENT_TYPE = 'application/logplex-1'
// Logplex also takes the older name
export const LOGPLEX_CONTENT_TYPES = [LOGPLEX_CONTENT_TYPE, 'application/x-logplex-1']
// SYSLOG_MAX_SIZE in Logplex: a longer frame makes the whole body malformed
export const MAX_FRAME_BYTES = 10_240
// local7.info, what log-shuttle and Heroku's own lines use
export const DEFAULT_PRI = 190

// What Logplex can deliver to (kensa's check of a provision answer's log_drain_url, and what
// POST /apps/{app}/log-drains takes): HTTPS or HTTP POSTs, or syslog over TCP, plain or TLS.
export const LOG_DRAIN_URL_PATTERN = /^(https?|syslog(\+tls)?):\/\/\S+$/

// One line of an app's log stream as every part of addonkit sees it.
export interface LogLine {
  // RFC 3339, as sent (the platform writes microseconds and +00:00, as Heroku shows them)
  time: string
  // `app`, `heroku`, or an add-on's name
  source: string
  // `api`, `web.1`, `run.3`, `worker.1`…
  process: string
  message: string
}

// A message from an input body: RFC 5424 `<PRI>1 TIME HOST APP PROC MSGID SD MSG`.
export interface InputMessage {
  pri: number
  time: string
  host: string
  app: string
  process: string
  message: string
}

// What a drain receives: `<PRI>1 TIME HOST SOURCE PROC - MSG` (HTTPS drains: HOST is the literal
// `host` and there is no SD field; syslog drains: HOST is the drain token and SD is `-`).
export interface DrainMessage {
  pri: number
  time: string
  host: string
  source: string
  process: string
  message: string
}

export class MalformedFrames extends Error {
  constructor(reason: string) {
    super(`Malformed log messages: ${reason}`)
  }
}

// Splits a body into its frames (each without its length prefix). Throws MalformedFrames for a
// missing or oversized length, or a frame cut short: Logplex drops trailing partial bytes, we refuse
// them so a line is never lost without a word.
export function splitFrames(body: Buffer): Buffer[] {
  const frames: Buffer[] = []
  let at = 0
  while (at < body.length) {
    const space = body.indexOf(0x20, at)
    const digits = space < 0 ? '' : body.toString('latin1', at, space)
    if (!/^[1-9][0-9]{0,5}$/.test(digits)) throw new MalformedFrames(`frame ${frames.length + 1} does not start with its byte length`)
    const length = Number(digits)
    if (length > MAX_FRAME_BYTES) throw new MalformedFrames(`frame ${frames.length + 1} is ${length} bytes (at most ${MAX_FRAME_BYTES})`)
    const start = space + 1
    if (start + length > body.length) throw new MalformedFrames(`frame ${frames.length + 1} is cut short`)
    frames.push(body.subarray(start, start + length))
    at = start + length
  }
  return frames
}

const HEADER = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+)(?: |\n?$)/

// Parses one input frame. Structured data is `-` or one or more `[id k="v"…]` elements.
export function parseInputMessage(frame: Buffer): InputMessage {
  const text = frame.toString('utf8')
  const head = HEADER.exec(text)
  if (!head || Number(head[1]) > 191) throw new MalformedFrames('a frame is not an RFC 5424 message')
  const rest = text.slice(head[0].length)
  const sdEnd = structuredDataEnd(rest)
  if (sdEnd < 0) throw new MalformedFrames('a frame has malformed structured data')
  const message = rest.slice(sdEnd).replace(/^ /, '')
  return {pri: Number(head[1]), time: head[2], host: head[3], app: head[4], process: head[5], message: stripNewline(message)}
}

// Parses one frame of an HTTPS drain (no SD field) or a syslog drain (SD `-`): MSGID is the
// sixth field; what follows it is the message.
export function parseDrainMessage(frame: Buffer, kind: 'https' | 'syslog' = 'https'): DrainMessage {
  const text = frame.toString('utf8')
  const head = HEADER.exec(text)
  if (!head) throw new MalformedFrames('a frame is not an RFC 5424 message')
  let message = text.slice(head[0].length)
  if (kind === 'syslog') message = message.replace(/^-( |\n?$)/, '')
  return {pri: Number(head[1]), time: head[2], host: head[3], source: head[4], process: head[5], message: stripNewline(message)}
}

// Splits and parses a whole input body; any bad frame rejects all of it.
export function parseInputBody(body: Buffer): InputMessage[] {
  return splitFrames(body).map(parseInputMessage)
}

export function parseDrainBody(body: Buffer, kind: 'https' | 'syslog' = 'https'): DrainMessage[] {
  return splitFrames(body).map((frame) => parseDrainMessage(frame, kind))
}

// A frame for a log_input_url: `<len> <190>1 TIME HOST APP PROC - - MSG` (no trailing newline).
export function inputFrame(message: {time?: string; host: string; app: string; process: string; message: string; pri?: number}): string {
  const body = `<${message.pri ?? DEFAULT_PRI}>1 ${message.time ?? logTime()} ${field(message.host)} ${field(message.app)} ${field(message.process)} - - ${oneLine(message.message)}`
  return octetCount(body)
}

// A frame for an HTTPS drain: `<len> <PRI>1 TIME host SOURCE PROC - MSG\n` (the length counts the newline).
export function httpsDrainFrame(line: LogLine, pri = DEFAULT_PRI): string {
  return octetCount(`<${pri}>1 ${line.time} host ${field(line.source)} ${field(line.process)} - ${oneLine(line.message)}\n`)
}

// A frame for a syslog drain: HOSTNAME is the drain token, SD is `-`.
export function syslogDrainFrame(line: LogLine, drainToken: string, pri = DEFAULT_PRI): string {
  return octetCount(`<${pri}>1 ${line.time} ${drainToken} ${field(line.source)} ${field(line.process)} - - ${oneLine(line.message)}\n`)
}

// What a drain is told, at the head of a later batch, when lines it never got were pushed out of
// its buffer: `heroku[logplex]: Error L10 (output buffer overflow): N messages dropped since TIME.`
export function overflowLine(dropped: number, since: string, time = logTime()): LogLine {
  return {time, source: 'heroku', process: 'logplex', message: `Error L10 (output buffer overflow): ${dropped} messages dropped since ${since}.`}
}

// How `heroku logs` prints a line: `TIME SOURCE[PROC]: MSG`.
export function formatLogLine(line: LogLine): string {
  return `${line.time} ${line.source}[${line.process}]: ${line.message}`
}

// Parses a printed line back (what SSE `data:` carries); undefined when it is not one.
export function parseLogLine(text: string): LogLine | undefined {
  const match = /^(\S+) ([^\s[]+)\[([^\]]*)\]: ?(.*)$/s.exec(text)
  if (!match) return undefined
  return {time: match[1], source: match[2], process: match[3], message: match[4]}
}

// Heroku's timestamps: microseconds and an explicit +00:00.
export function logTime(date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00')
}

function octetCount(message: string): string {
  return `${Buffer.byteLength(message)} ${message}`
}

// Header fields cannot be empty or hold spaces.
function field(value: string): string {
  const cleaned = value.replace(/\s+/g, '_')
  return cleaned === '' ? '-' : cleaned
}

function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ')
}

function stripNewline(message: string): string {
  return message.endsWith('\n') ? message.slice(0, message.endsWith('\r\n') ? -2 : -1) : message
}

// Where the structured data ends in `rest` (1 after `-`), or -1 when it is malformed. A space (or
// the frame's end) must follow it: `- -v` is not the message `-v` with a dash lost.
function structuredDataEnd(rest: string): number {
  const end = structuredDataLength(rest)
  return end < 0 || !/^(?: |\r?\n?$)/.test(rest.slice(end, end + 2)) ? -1 : end
}

function structuredDataLength(rest: string): number {
  if (rest.startsWith('-')) return 1
  let at = 0
  if (rest[0] !== '[') return -1
  while (rest[at] === '[') {
    let inQuotes = false
    at++
    for (;;) {
      if (at >= rest.length) return -1
      const char = rest[at]
      if (char === '\\' && inQuotes) at += 2
      else {
        if (char === '"') inQuotes = !inQuotes
        else if (char === ']' && !inQuotes) break
        at++
      }
    }
    at++
  }
  return at
}
