import assert from 'node:assert/strict'
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http'
import {after, before, beforeEach, describe, test} from 'node:test'
import {resourceLogger} from '../../../src/providers/kit/index.js'
import {MAX_FRAME_BYTES, parseInputBody, splitFrames} from '../../../src/wire/logplex.js'

// A stand-in for the platform's POST /logs on 127.0.0.1: records every request and answers with the
// next scripted status (204 once the script runs out); 'hang-up' closes the connection unanswered.
interface Received {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
}

const TOKEN = 't.6f1c2d3e-0000-4000-8000-000000000001'
let server: Server
let base = ''
let received: Received[] = []
let script: Array<number | 'hang-up'> = []

before(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({method: request.method!, path: request.url!, headers: request.headers, body: Buffer.concat(chunks)})
      const next = script.shift() ?? 204
      if (next === 'hang-up') return request.socket.destroy()
      response.writeHead(next, {'content-type': 'text/plain'}).end(next >= 400 ? `refused, token was ${TOKEN}` : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  base = `127.0.0.1:${port}`
})
after(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  received = []
  script = []
})

const inputUrl = () => `http://token:${TOKEN}@${base}/logs`

function logger(warnings: string[] = [], overrides = {}) {
  return resourceLogger(inputUrl(), {host: 'acme', userAgent: 'Acme (https://acme.example.com; Node)', retryDelayMs: 1, warn: (m) => warnings.push(m), ...overrides})
}

describe('resourceLogger', () => {
  test('lines written together leave in one Logplex input request, with Basic auth from the URL', async () => {
    const log = logger()
    log.log('worker.1', 'sample#used_memory=1.2MB')
    log.log('worker.1', 'ünïcode ✓')
    log.log('backup', 'two\nlines')
    await log.flush()

    assert.equal(received.length, 1)
    const [request] = received
    assert.equal(request.method, 'POST')
    assert.equal(request.path, '/logs')
    assert.equal(request.headers.authorization, `Basic ${Buffer.from(`token:${TOKEN}`).toString('base64')}`)
    assert.equal(request.headers['content-type'], 'application/logplex-1')
    assert.equal(request.headers['logplex-msg-count'], '4')
    assert.match(String(request.headers['logplex-frame-id']), /^[0-9A-F]{32}$/)
    assert.equal(request.headers['user-agent'], 'Acme (https://acme.example.com; Node)')
    const messages = parseInputBody(request.body)
    assert.deepEqual(
      messages.map((m) => [m.host, m.app, m.process, m.message]),
      [
        ['acme', 'app', 'worker.1', 'sample#used_memory=1.2MB'],
        ['acme', 'app', 'worker.1', 'ünïcode ✓'],
        ['acme', 'app', 'backup', 'two'],
        ['acme', 'app', 'backup', 'lines'],
      ],
    )
    assert.match(messages[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/)
    // the token is in the Authorization header only, never in a frame
    assert.ok(!request.body.toString().includes(TOKEN))
    await log.close()
  })

  test('a batch leaves once it holds maxLines lines, without waiting for a flush', async () => {
    const log = logger([], {maxLines: 500, flushIntervalMs: 60_000})
    for (let i = 0; i < 1200; i++) log.log('web.1', `line ${i}`)
    await log.flush()
    assert.deepEqual(received.map((r) => r.headers['logplex-msg-count']), ['500', '500', '200'])
    const all = received.flatMap((r) => parseInputBody(r.body).map((m) => m.message))
    assert.deepEqual(all, Array.from({length: 1200}, (_, i) => `line ${i}`))
    await log.close()
  })

  test('a lone line leaves by itself after the flush interval', async () => {
    const log = logger([], {flushIntervalMs: 20})
    log.log('web.1', 'alone')
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    assert.equal(received.length, 1)
    assert.deepEqual(parseInputBody(received[0].body).map((m) => m.message), ['alone'])
    await log.close()
  })

  test('5xx and lost connections are tried again, 3 tries in all, with the same body and frame id', async () => {
    script = [503, 'hang-up']
    const warnings: string[] = []
    const log = logger(warnings)
    log.log('web.1', 'eventually')
    await log.flush()
    assert.equal(received.length, 3)
    assert.equal(new Set(received.map((r) => r.headers['logplex-frame-id'])).size, 1)
    assert.equal(new Set(received.map((r) => r.body.toString())).size, 1)
    assert.deepEqual(warnings, [])
    await log.close()
  })

  test('a batch still failing after 3 tries is dropped with one warning that does not show the token', async () => {
    script = [500, 502, 503]
    const warnings: string[] = []
    const log = logger(warnings)
    log.log('web.1', 'lost')
    await log.flush()
    assert.equal(received.length, 3)
    assert.equal(warnings.length, 1)
    assert.match(warnings[0], new RegExp(`^1 log line could not be sent to http://${base}/logs in 3 tries \\(503: refused, token was \\*\\*\\*\\): dropped$`))
    // the next batch goes out as usual
    log.log('web.1', 'next')
    await log.flush()
    assert.deepEqual(parseInputBody(received[3].body).map((m) => m.message), ['next'])
    await log.close()
  })

  test('a 4xx drops the batch at once (the token is never printed); 429 is tried again', async () => {
    script = [401]
    const warnings: string[] = []
    const log = logger(warnings)
    log.log('web.1', 'refused')
    await log.flush()
    assert.equal(received.length, 1)
    assert.deepEqual(warnings, [`http://${base}/logs refused 1 log line (401: refused, token was ***): dropped`])

    script = [429]
    log.log('web.1', 'later')
    await log.flush()
    assert.equal(received.length, 3)
    assert.equal(warnings.length, 1)
    await log.close()
  })

  test('nothing listening: 3 tries, then a warning without the token', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const {port} = closed.address() as {port: number}
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const warnings: string[] = []
    const log = resourceLogger(`http://token:${TOKEN}@127.0.0.1:${port}/logs`, {host: 'acme', userAgent: 'Acme', retryDelayMs: 1, warn: (m) => warnings.push(m)})
    log.log('web.1', 'nobody home')
    await log.flush()
    assert.equal(warnings.length, 1)
    assert.match(warnings[0], /could not be sent to http:\/\/127\.0\.0\.1:\d+\/logs in 3 tries \(.*ECONNREFUSED.*\)/)
    assert.ok(!warnings[0].includes(TOKEN))
    await log.close()
  })

  test('a line longer than a frame may be is cut into frames of at most 10,240 bytes', async () => {
    const log = logger()
    const long = 'é'.repeat(12_000)
    log.log('web.1', long)
    await log.flush()
    const frames = splitFrames(received[0].body)
    assert.equal(frames.length, 3)
    for (const frame of frames) assert.ok(frame.length <= MAX_FRAME_BYTES)
    assert.equal(parseInputBody(received[0].body).map((m) => m.message).join(''), long)
    await log.close()
  })

  test('while the platform is away, at most maxBuffered lines wait; the dropped ones are counted', async () => {
    script = ['hang-up', 'hang-up', 'hang-up']
    const warnings: string[] = []
    const log = logger(warnings, {maxBuffered: 10, maxLines: 5})
    for (let i = 0; i < 5; i++) log.log('web.1', `first ${i}`)
    // the first batch is on its way (and failing); 30 more lines arrive meanwhile
    for (let i = 0; i < 30; i++) log.log('web.1', `more ${i}`)
    await log.flush()
    const delivered = received.slice(3).flatMap((r) => parseInputBody(r.body).map((m) => m.message))
    assert.deepEqual(delivered, Array.from({length: 10}, (_, i) => `more ${i + 20}`))
    assert.deepEqual(warnings.slice(1), [`20 log lines dropped before they could be sent to http://${base}/logs`])
    await log.close()
  })

  test('after close() lines are dropped with one warning', async () => {
    const warnings: string[] = []
    const log = logger(warnings)
    log.log('web.1', 'kept')
    await log.close()
    log.log('web.1', 'too late')
    log.log('web.1', 'still too late')
    await log.flush()
    assert.equal(received.length, 1)
    assert.deepEqual(warnings, ['a log line was written after close(); it is dropped, and so will be any later ones'])
  })

  test('a log_input_url that is not one is refused without repeating it', () => {
    const options = {host: 'acme', userAgent: 'Acme'}
    assert.throws(() => resourceLogger(`token:${TOKEN}`, options), {message: 'log_input_url must be an http or https URL, not token'})
    assert.throws(() => resourceLogger(`::${TOKEN}`, options), {message: 'log_input_url is not a URL'})
    assert.throws(() => resourceLogger(`http://${base}/logs`, options), {message: 'log_input_url carries no token: expected https://token:t.<uuid>@HOST/logs'})
  })
})
