import assert from 'node:assert/strict'
import {request} from 'node:http'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../helpers.js'
import {startReceiver, type Receiver} from './receiver.js'

// Deliveries make way for API requests, but only for a while: under a stream of requests that never
// leaves the instance idle, a change's deliveries still arrive while the stream goes on.
describe('webhook deliveries under a constant stream of API requests', () => {
  let provider: TestProvider
  let p: TestPlatform
  let receiver: Receiver

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    receiver = await startReceiver(204)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
  })

  // A client that sends its body slowly: the request is in flight from its headers to its answer.
  function slowUpdate(url: string, holdMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({maintenance: false})
      const req = request(`${url}/apps/busy-app`, {
        method: 'PATCH',
        headers: {authorization: `Bearer ${OWNER.apiKey}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json', 'content-length': String(body.length)},
      }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', reject)
      req.flushHeaders()
      req.write(body.slice(0, 5))
      setTimeout(() => req.end(body.slice(5)), holdMs)
    })
  }

  test('changes made in the middle of the stream are delivered before it ends', async () => {
    await p.api.post('apps', {json: {name: 'busy-app'}})
    await p.api.post('apps/busy-app/webhooks', {json: {include: ['api:release'], level: 'notify', url: receiver.url}})
    // a new slow request every 100 ms, each held 300 ms: never a moment without one in flight (none
    // so old that it would count as a stream); bounded, so the test ends whatever happens
    let stop = false
    const statuses: Array<Promise<number>> = []
    const stream = (async () => {
      for (let i = 0; i < 100 && !stop; i++) {
        statuses.push(slowUpdate(p.url, 300))
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 350))
    for (const value of ['1', '2', '3']) assert.equal((await p.api.patch('apps/busy-app/config-vars', {json: {A: value}})).statusCode, 200)
    const arrivedFirst = await Promise.race([receiver.arrivals(3).then(() => true), stream.then(() => false)])
    stop = true
    await stream
    assert.equal(arrivedFirst, true, 'the deliveries arrived while the stream went on')
    assert.deepEqual(new Set(await Promise.all(statuses)), new Set([200]))
    const releases = (await p.api.get<any[]>('apps/busy-app/releases')).body
    assert.deepEqual(receiver.received.map((r) => r.body.data.version).sort(), releases.slice(-3).map((r) => r.version))
  })
})
