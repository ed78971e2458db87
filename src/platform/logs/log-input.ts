import {promisify} from 'node:util'
import {gunzip} from 'node:zlib'
import {LOGPLEX_CONTENT_TYPES, MalformedFrames, parseInputBody, type LogLine} from '../../wire/logplex.js'
import {basicCredentials} from '../http/basic-credentials.js'
import type {Db} from '../store/database.js'
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

// Logplex's HTTP input (`POST /logs`): an add-on writes to the app it is attached to with the token
// of its log_input_url. A body is taken whole or not at all.
export class LogInput {
  constructor(private readonly db: Db, private readonly stream: LogStream) {}

  async accept(request: LogInputRequest): Promise<number> {
    const token = basicToken(request.authorization)
    const target = token === undefined ? undefined : await this.db.selectFrom('attachments')
      .innerJoin('addons', 'addons.id', 'attachments.addon_id')
      .select(['attachments.app_id', 'addons.name'])
      .where('attachments.log_input_token', '=', token)
      .executeTakeFirst()
    if (!target || token === undefined) throw new LogInputRefused(401, 'Unauthorized', {'WWW-Authenticate': 'Basic realm="Logplex"'})
    const type = (request.contentType ?? '').split(';')[0].trim().toLowerCase()
    if (!LOGPLEX_CONTENT_TYPES.includes(type)) throw new LogInputRefused(415, `Content-Type must be ${LOGPLEX_CONTENT_TYPES[0]}`)
    const lines = await this.parse(request, token, target.name)
    if (request.msgCount !== undefined && Number(request.msgCount) !== lines.length) throw new LogInputRefused(400, 'Message count mismatch')
    await this.stream.append(target.app_id, lines)
    return lines.length
  }

  private async parse(request: LogInputRequest, token: string, source: string): Promise<LogLine[]> {
    let body = request.body
    if ((request.contentEncoding ?? '').toLowerCase() === 'gzip') {
      try {
        body = await gunzipAsync(body, {maxOutputLength: MAX_UNZIPPED_BYTES})
      } catch {
        throw new LogInputRefused(400, 'Bad request')
      }
    }
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
}

// The password of `Basic token:<password>`; undefined for anything else.
function basicToken(header: string | undefined): string | undefined {
  const credentials = basicCredentials(header)
  return credentials?.user === 'token' && credentials.password ? credentials.password : undefined
}
