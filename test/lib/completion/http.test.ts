import assert from 'node:assert/strict'
import {createServer, type IncomingHttpHeaders} from 'node:http'
import {after, before, describe, test} from 'node:test'
import {completionReader} from '../../../src/lib/completion/http.js'

// Completion's own GETs against a real server: the account's key and the API version sent, a list
// followed over Next-Range, and anything but a 2xx answer refused.
describe('completion reader', () => {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    if (request.headers.authorization !== 'Bearer key') return response.writeHead(401).end('{"id":"unauthorized"}')
    if (request.url === '/apps' && request.headers.range === 'id ..; max=1000') {
      return response.writeHead(206, {'next-range': ']app-2..; max=1000', 'content-type': 'application/json'}).end('[{"name":"app-1"},{"name":"app-2"}]')
    }
    if (request.url === '/apps') return response.writeHead(200, {'content-type': 'application/json'}).end('[{"name":"app-3"}]')
    if (request.url === '/apps/app-1/config-vars') return response.writeHead(200).end('{"A":"1"}')
    response.writeHead(404).end('{"id":"not_found"}')
  })
  let url: string
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as {port: number}).port}`
  })
  after(() => new Promise((resolve) => server.close(resolve)))

  test('lists follow Next-Range; gets answer the body; failures reject', async () => {
    const reader = completionReader({url: `${url}/`, token: 'key', source: 'env'})
    assert.deepEqual(await reader.list('/apps', {}), [{name: 'app-1'}, {name: 'app-2'}, {name: 'app-3'}])
    assert.equal(seen[0].accept, 'application/vnd.heroku+json; version=3')
    assert.equal(seen[1].range, ']app-2..; max=1000')
    assert.deepEqual(await reader.get('/apps/app-1/config-vars', {}), {A: '1'})
    await assert.rejects(reader.get('/apps/nope/config-vars', {}), /HTTP 404/)
    await assert.rejects(completionReader({url, token: 'wrong', source: 'env'}).list('/apps', {}), /HTTP 401/)
    await assert.rejects(reader.list('/apps', {signal: AbortSignal.abort()}))
  })
})
