import assert from 'node:assert/strict'
import {createServer} from 'node:net'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {ApiClient} from '../../../src/lib/api/client.js'
import {ApiError, ExitCode} from '../../../src/lib/errors.js'

const URL_ = 'https://api.client-test'
const client = (retries = 0) => new ApiClient({target: {url: URL_, token: 'secret-token', source: 'env'}, retries})

describe('ApiClient', () => {
  afterEach(() => nock.cleanAll())

  it('sends the v3 Accept header and the token as a Bearer', async () => {
    const scope = nock(URL_, {reqheaders: {accept: 'application/vnd.heroku+json; version=3', authorization: 'Bearer secret-token'}})
      .get('/account')
      .reply(200, {email: 'a@example.com'})
    assert.deepEqual(await client().get('/account'), {email: 'a@example.com'})
    scope.done()
  })

  it('follows Next-Range until the last page and asks with the range it was given', async () => {
    const scope = nock(URL_)
      .get('/apps')
      .reply(206, [{n: 1}], {'next-range': 'id ]1..; max=1'})
      .get('/apps')
      .matchHeader('range', 'id ]1..; max=1')
      .reply(206, [{n: 2}], {'next-range': 'id ]2..; max=1'})
      .get('/apps')
      .matchHeader('range', 'id ]2..; max=1')
      .reply(200, [{n: 3}])
    assert.deepEqual(await client().get('/apps'), [{n: 1}, {n: 2}, {n: 3}])
    scope.done()
  })

  it('asks for whole lists in pages of 1,000 and still follows Next-Range past them', async () => {
    const first = Array.from({length: 1000}, (_, n) => ({n}))
    const scope = nock(URL_)
      .get('/apps/example/addons')
      .matchHeader('range', 'id ..; max=1000')
      .reply(206, first, {'next-range': 'id ]999..; max=1000'})
      .get('/apps/example/addons')
      .matchHeader('range', 'id ]999..; max=1000')
      .reply(200, [{n: 1000}])
    const all = await client().list<{n: number}>('/apps/example/addons')
    assert.equal(all.length, 1001)
    assert.deepEqual(all.at(-1), {n: 1000})
    scope.done()
  })

  it('retries a GET answered 429 or 503, then succeeds', async () => {
    const scope = nock(URL_)
      .get('/apps')
      .reply(429, {id: 'rate_limit', message: 'Your account reached the API rate limit'}, {'retry-after': '0'})
      .get('/apps')
      .reply(503, {id: 'unavailable', message: 'try later'})
      .get('/apps')
      .reply(200, [])
    assert.deepEqual(await client(2).get('/apps'), [])
    scope.done()
  })

  it('never retries a POST: a 503 is reported once', async () => {
    const scope = nock(URL_).post('/apps').reply(503, {id: 'unavailable', message: 'The provider is down.'})
    await assert.rejects(client(2).post('/apps', {}), (error: ApiError) => {
      assert.equal(error.status, 503)
      assert.equal(error.message, 'The provider is down.')
      assert.equal(error.exitCode, ExitCode.error)
      return true
    })
    scope.done()
  })

  it('maps the API error shape to one line and the documented exit codes', async () => {
    const cases: [number, string, number][] = [
      [401, 'unauthorized', ExitCode.auth],
      [403, 'forbidden', ExitCode.auth],
      [404, 'not_found', ExitCode.notFound],
      [422, 'invalid_params', ExitCode.error],
    ]
    for (const [status, id, exitCode] of cases) {
      nock(URL_).get('/x').reply(status, {id, message: `line one\n  line two`, resource: 'app'})
      await assert.rejects(client().get('/x'), (error: ApiError) => {
        assert.equal(error.id, id)
        assert.equal(error.message, 'line one line two')
        assert.equal(error.exitCode, exitCode)
        assert.equal(error.resource, 'app')
        return true
      })
    }
  })

  it('a body that is not the error shape still gives a one-line message', async () => {
    nock(URL_).get('/x').reply(502, '<html>bad gateway</html>')
    await assert.rejects(client().get('/x'), {message: 'The platform answered 502: <html>bad gateway</html>'})
  })

  it('a refused connection is exit code 5 naming the platform', async () => {
    const port = await closedPort()
    const api = new ApiClient({target: {url: `http://127.0.0.1:${port}`, source: 'none'}, retries: 0})
    await assert.rejects(api.get('/apps'), (error: Error & {exitCode: number}) => {
      assert.equal(error.exitCode, ExitCode.unreachable)
      assert.match(error.message, new RegExp(`^Could not reach the platform at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\.$`))
      return true
    })
  })
})

// a port nothing listens on: bind, read the number, close
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolve(port))
    })
  })
}

describe('ApiClient with DEBUG=addonkit*', () => {
  afterEach(() => nock.cleanAll())

  it('logs each request with its headers, the token redacted', async () => {
    const {default: createDebug} = await import('debug')
    const logged: string[] = []
    const previous = createDebug.log
    createDebug.enable('addonkit*')
    createDebug.log = (...args: unknown[]) => logged.push(args.map(String).join(' '))
    try {
      nock(URL_).get('/account').reply(200, {})
      await client().get('/account')
    } finally {
      createDebug.disable()
      createDebug.log = previous
    }
    const line = logged.find((l) => l.includes('GET https://api.client-test/account'))
    assert.ok(line, logged.join('\n'))
    assert.match(line, /authorization: '\[redacted\]'/)
    assert.ok(!logged.join('\n').includes('secret-token'))
  })
})

describe('ApiClient without a token', () => {
  afterEach(() => nock.cleanAll())

  it('a 401 says where an API key can come from, exit code 4', async () => {
    nock(URL_).get('/apps').reply(401, {id: 'unauthorized', message: 'Invalid credentials provided.'})
    const api = new ApiClient({target: {url: URL_, source: 'none'}, retries: 0})
    await assert.rejects(api.get('/apps'), (error: Error & {exitCode: number}) => {
      assert.equal(error.exitCode, ExitCode.auth)
      assert.match(error.message, /^No API key for https:\/\/api\.client-test: set ADDONKIT_API_KEY, start the local platform/)
      return true
    })
  })
})
