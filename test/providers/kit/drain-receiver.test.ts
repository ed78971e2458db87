import assert from 'node:assert/strict'
import {gzipSync} from 'node:zlib'
import {after, before, beforeEach, describe, test} from 'node:test'
import Fastify from 'fastify'
import {drainReceiver, receiveDrainBatch, type DrainBatch} from '../../../src/providers/kit/index.js'
import {httpsDrainFrame, type LogLine} from '../../../src/wire/logplex.js'

// A provider with two resources, each with the drain token its provision carried, and the receiver
// mounted at /drain of a real fastify server on 127.0.0.1 that also parses JSON for other routes.
const resources = new Map([
  ['d.11111111-1111-4111-8111-111111111111', {id: 'resource-a'}],
  ['d.22222222-2222-4222-8222-222222222222', {id: 'resource-b'}],
])
const [TOKEN_A] = resources.keys()
let kept: Array<{resource: string; batch: DrainBatch}> = []
let failing = false
const app = Fastify()
let url = ''

before(async () => {
  await app.register(
    drainReceiver({
      resourceForToken: async (token) => resources.get(token),
      receive(resource, batch) {
        if (failing) throw new Error('disk full')
        kept.push({resource: resource.id, batch})
      },
    }),
    {prefix: '/drain'},
  )
  app.post('/other', async (request) => request.body)
  url = `${await app.listen({host: '127.0.0.1', port: 0})}/drain`
})
after(() => app.close())
beforeEach(() => {
  kept = []
  failing = false
})

const lines: LogLine[] = [
  {time: '2026-12-02T10:00:00.123456+00:00', source: 'app', process: 'web.1', message: 'GET / 200'},
  {time: '2026-12-02T10:00:01.000000+00:00', source: 'heroku', process: 'router', message: 'at=info method=GET path="/" ünïcode'},
]
const body = lines.map((line) => httpsDrainFrame(line)).join('')

function deliver(overrides: {headers?: Record<string, string>; body?: string | Buffer; target?: string} = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/logplex-1',
    'logplex-msg-count': String(lines.length),
    'logplex-frame-id': '09C557EAFCFB6CF2740EE62F62971098',
    'logplex-drain-token': TOKEN_A,
    'user-agent': 'Logplex/v72',
    ...overrides.headers,
  }
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name]
  const payload = overrides.body ?? body
  return fetch(overrides.target ?? url, {method: 'POST', headers, body: typeof payload === 'string' ? payload : new Uint8Array(payload)})
}

async function answer(response: Response): Promise<[number, unknown]> {
  const text = await response.text()
  return [response.status, text ? JSON.parse(text) : undefined]
}

describe('drainReceiver', () => {
  test('a Logplex HTTPS drain batch is kept for the resource its token names: 204', async () => {
    assert.deepEqual(await answer(await deliver()), [204, undefined])
    assert.equal(kept.length, 1)
    assert.equal(kept[0].resource, 'resource-a')
    assert.equal(kept[0].batch.token, TOKEN_A)
    assert.equal(kept[0].batch.frameId, '09C557EAFCFB6CF2740EE62F62971098')
    assert.deepEqual(
      kept[0].batch.lines.map(({time, host, source, process, message}) => ({time, host, source, process, message})),
      lines.map((line) => ({...line, host: 'host'})),
    )
  })

  test('the older content type, gzip, no Logplex-Msg-Count and an empty batch are taken', async () => {
    assert.equal((await deliver({headers: {'content-type': 'application/x-logplex-1'}})).status, 204)
    assert.equal((await deliver({headers: {'content-encoding': 'gzip'}, body: gzipSync(body)})).status, 204)
    assert.equal((await deliver({headers: {'logplex-msg-count': ''}})).status, 204)
    assert.equal((await deliver({headers: {'logplex-msg-count': '0'}, body: ''})).status, 204)
    assert.deepEqual(kept.map((k) => k.batch.lines.length), [2, 2, 2, 0])
  })

  test('no token or an unknown one: 403 before anything else is looked at, nothing kept', async () => {
    assert.deepEqual(await answer(await deliver({headers: {'logplex-drain-token': ''}})), [403, {message: 'no Logplex-Drain-Token: this URL takes only Logplex drain deliveries'}])
    const unknown = await deliver({headers: {'logplex-drain-token': 'd.33333333-3333-4333-8333-333333333333', 'content-type': 'text/plain'}, body: 'junk'})
    assert.deepEqual(await answer(unknown), [403, {message: 'unknown drain token: no resource of this provider has it'}])
    assert.deepEqual(kept, [])
  })

  test('another content type or encoding: 415, even one the host app parses', async () => {
    assert.deepEqual(await answer(await deliver({headers: {'content-type': 'application/json'}, body: '{"a":1}'})), [415, {message: 'Content-Type must be application/logplex-1'}])
    assert.equal((await deliver({headers: {'content-type': ''}})).status, 415)
    assert.deepEqual(await answer(await deliver({headers: {'content-encoding': 'br'}})), [415, {message: 'Content-Encoding br is not taken: send gzip or none'}])
    assert.deepEqual(kept, [])
    // the host app's own routes still parse JSON
    const other = await fetch(`${url.replace(/\/drain$/, '')}/other`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"a":1}'})
    assert.deepEqual(await other.json(), {a: 1})
  })

  test('a bad frame or a wrong count: 400, and none of the batch is kept', async () => {
    const cut = await deliver({body: body.slice(0, -5)})
    assert.deepEqual(await answer(cut), [400, {message: 'Malformed log messages: frame 2 is cut short'}])
    const noLength = await deliver({body: `${body}<190>1 2026-12-02T10:00:00+00:00 host app web.1 - no length\n`})
    assert.deepEqual(await answer(noLength), [400, {message: 'Malformed log messages: frame 3 does not start with its byte length'}])
    assert.deepEqual(await answer(await deliver({headers: {'logplex-msg-count': '3'}})), [400, {message: 'Message count mismatch'}])
    assert.deepEqual(await answer(await deliver({headers: {'content-encoding': 'gzip'}})), [400, {message: 'Bad request: the gzip body could not be read'}])
    assert.deepEqual(kept, [])
  })

  test('a receiver that cannot keep the batch answers 500, so the platform tries again', async () => {
    failing = true
    assert.deepEqual(await answer(await deliver()), [500, {message: 'the delivery could not be kept: internal error'}])
  })

  test('receiveDrainBatch: the same answers without fastify, headers in any case', async () => {
    const options = {resourceForToken: (token: string) => resources.get(token), receive() {}}
    const headers = {'Content-Type': 'application/logplex-1', 'Logplex-Drain-Token': TOKEN_A, 'Logplex-Msg-Count': '2'}
    assert.deepEqual(await receiveDrainBatch({body: Buffer.from(body), headers}, options), {status: 204})
    assert.deepEqual(await receiveDrainBatch({body: Buffer.from(body), headers: {...headers, 'Logplex-Msg-Count': '1'}}, options), {status: 400, message: 'Message count mismatch'})
  })
})
