import {randomUUID} from 'node:crypto'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {promisify} from 'node:util'
import {gunzip} from 'node:zlib'
import {LOGPLEX_CONTENT_TYPES, MalformedFrames, parseInputBody, type InputMessage} from '../../wire/logplex.js'

const gunzipAsync = promisify(gunzip)
// a provider's POST is a batch of frames; more than this is not a log line's worth
const MAX_BODY_BYTES = 8 * 1024 * 1024

// What a provider sent to the log_input_urls of one run.
export interface LogInputRecord {
  requests: number
  frames: InputMessage[]
  // each refused request, in words
  problems: string[]
}

export interface LogInputStandIn {
  url: string
  // the provision request's log_input_url: `http://token:t.<uuid>@127.0.0.1:PORT/logs`, one token per provision
  inputUrl(): string
  record: LogInputRecord
  // resolves at the first request, or at the deadline
  firstRequest(timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/**
 * Logplex's HTTP input for provider:test: `POST /logs` with Basic `token:<token of a provision>`,
 * `application/logplex-1` frames (gzip allowed) and an optional Logplex-Msg-Count, answered as
 * Logplex does: 204; 401 with a Basic challenge; 400 `Message count mismatch` or `Malformed log
 * messages` (and 415 for another Content-Type). Refusals are recorded with their reason.
 */
export async function startLogInputStandIn(): Promise<LogInputStandIn> {
  const tokens = new Set<string>()
  const record: LogInputRecord = {requests: 0, frames: [], problems: []}
  let wake: (() => void)[] = []

  const server = createServer((request, response) => {
    accept(request, response)
      .catch((error: Error) => answer(response, 400, 'Bad request', `a POST could not be read: ${error.message}`))
      .finally(() => {
        for (const resolve of wake) resolve()
        wake = []
      })
  })

  async function accept(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request)
    const path = (request.url ?? '').split('?')[0]
    if (request.method !== 'POST' || path !== '/logs') {
      return answer(response, 404, 'Not found', `${request.method} ${path}: the log input takes only POST /logs`)
    }
    record.requests++
    const token = basicToken(request.headers.authorization)
    if (token === undefined || !tokens.has(token)) {
      response.setHeader('www-authenticate', 'Basic realm="Logplex"')
      return answer(response, 401, 'Unauthorized', 'a POST came without the Basic credentials of its log_input_url (user "token", the token as password)')
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (!LOGPLEX_CONTENT_TYPES.includes(type)) return answer(response, 415, 'Unsupported Media Type', `a POST had Content-Type ${type || '(none)'}, not application/logplex-1`)
    let frames: InputMessage[]
    try {
      const text = (request.headers['content-encoding'] ?? '').toLowerCase() === 'gzip' ? await gunzipAsync(body) : body
      frames = parseInputBody(text)
    } catch (error) {
      if (error instanceof MalformedFrames) return answer(response, 400, 'Malformed log messages', `a POST was refused: ${error.message}`)
      return answer(response, 400, 'Bad request', 'a POST said gzip but its body is not gzip')
    }
    const count = request.headers['logplex-msg-count']
    if (typeof count === 'string' && Number(count) !== frames.length) {
      return answer(response, 400, 'Message count mismatch', `a POST said Logplex-Msg-Count: ${count} but held ${frames.length} frames`)
    }
    record.frames.push(...frames)
    response.writeHead(204).end()
  }

  function answer(response: ServerResponse, status: number, text: string, problem: string): void {
    record.problems.push(problem)
    response.writeHead(status, text, {'content-type': 'text/plain'}).end(text)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    inputUrl() {
      const token = `t.${randomUUID()}`
      tokens.add(token)
      return `http://token:${token}@127.0.0.1:${port}/logs`
    },
    record,
    firstRequest(timeoutMs) {
      if (record.requests > 0) return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        wake.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

// The password of `Basic token:<password>`.
function basicToken(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon > 0 && decoded.slice(0, colon) === 'token' ? decoded.slice(colon + 1) : undefined
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) request.destroy(new Error(`the body is over ${MAX_BODY_BYTES} bytes`))
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
