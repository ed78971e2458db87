import {promisify} from 'node:util'
import {gunzip} from 'node:zlib'
import {LOGPLEX_CONTENT_TYPES, MalformedFrames, parseInputBody, type LogLine} from '../../wire/logplex.js'
import {basicCredentials} from '../http/basic-credentials.js'
import type {Store, Tx} from '../store/database.js'
import {AppendGroups} from './append-groups.js'
import {InputTokens} from './input-tokens.js'
import type {LogStream} from './log-stream.js'

const gunzipAsync = promisify(gunzip)
// what a gzipped body may grow to (frames of 10 KB, a few thousand per POST)
const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024

// A refusal in Logplex's words: its status, its text (body and status line), its headers.
export class LogInputRefused extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message)
  }
}

export interface LogInputRequest {
  authorization?: string
  contentType?: string
  contentEncoding?: string
  msgCount?: string
  body: Buffer
}

// What one POST brings to its app's next write: its lines under the name its token was last known
// by, and what they were read from, to label them again should the add-on have been renamed.
interface InputAppend {
  token: string
  source: string
  body: Buffer
  lines: LogLine[]
}

// Logplex's HTTP input (`POST /logs`): an add-on writes to the app it is attached to with the token
// of its log_input_url. A body is taken whole or not at all. POSTs to one app that arrive while one
// of its writes is under way go together in the next (append-groups.ts), which checks that their
// tokens still stand (input-tokens.ts): a POST whose attachment went meanwhile gets 401, the others
// are written.
export class LogInput {
  private readonly tokens: InputTokens
  private readonly groups = new AppendGroups<InputAppend, boolean>((appId, parts) => this.store.transaction((tx) => this.write(tx, appId, parts)))

  constructor(private readonly store: Store, private readonly stream: LogStream) {
    this.tokens = new InputTokens(store.db)
  }

  async accept(request: LogInputRequest): Promise<number> {
    const token = basicToken(request.authorization)
    const target = token === undefined ? undefined : await this.tokens.find(token)
    if (!target || token === undefined) throw unauthorized()
    const type = (request.contentType ?? '').split(';')[0].trim().toLowerCase()
    if (!LOGPLEX_CONTENT_TYPES.includes(type)) throw new LogInputRefused(415, `Content-Type must be ${LOGPLEX_CONTENT_TYPES[0]}`)
    const body = await unzipped(request)
    const lines = parse(body, token, target.source)
    if (request.msgCount !== undefined && Number(request.msgCount) !== lines.length) throw new LogInputRefused(400, 'Message count mismatch')
    if (!await this.groups.append(target.appId, {token, source: target.source, body, lines})) throw unauthorized()
    return lines.length
  }

  // One transaction for the POSTs of a group: those whose token still stands are written together;
  // the answer says, for each, whether it was.
  private async write(tx: Tx, appId: string, parts: InputAppend[]): Promise<boolean[]> {
    const live = await this.tokens.live(tx, [...new Set(parts.map((part) => part.token))])
    const written: LogLine[][] = []
    const outcomes = parts.map((part) => {
      const source = live.get(part.token)
      if (source === undefined) return false
      if (source !== part.source) Object.assign(part, {source, lines: parse(part.body, part.token, source)})
      written.push(part.lines)
      return true
    })
    await this.stream.append(appId, written.length === 1 ? written[0] : written.flat(), tx)
    return outcomes
  }
}

function unauthorized(): LogInputRefused {
  return new LogInputRefused(401, 'Unauthorized', {'WWW-Authenticate': 'Basic realm="Logplex"'})
}

async function unzipped(request: LogInputRequest): Promise<Buffer> {
  if ((request.contentEncoding ?? '').toLowerCase() !== 'gzip') return request.body
  try {
    return await gunzipAsync(request.body, {maxOutputLength: MAX_UNZIPPED_BYTES})
  } catch {
    throw new LogInputRefused(400, 'Bad request')
  }
}

function parse(body: Buffer, token: string, source: string): LogLine[] {
  try {
    // as Logplex does, the token never reaches a reader: it shows as the add-on's name
    return parseInputBody(body).map((message) => ({
      time: message.time, source, process: message.process,
      // includes() first: split/join on every line took about 6% of bench/logs.ts's CPU
      message: message.message.includes(token) ? message.message.split(token).join(source) : message.message,
    }))
  } catch (error) {
    if (error instanceof MalformedFrames) throw new LogInputRefused(400, 'Malformed log messages')
    throw error
  }
}

// The password of `Basic token:<password>`; undefined for anything else.
function basicToken(header: string | undefined): string | undefined {
  const credentials = basicCredentials(header)
  return credentials?.user === 'token' && credentials.password ? credentials.password : undefined
}
