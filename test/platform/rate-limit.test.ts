import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// A token bucket per account, as on Heroku: an empty bucket answers 429 rate_limit.
describe('rate limit', () => {
  let p: TestPlatform

  before(async () => {
    p = await startTestPlatform([], {rateLimit: {bucket: 3, refillPerMinute: 0}})
  })
  after(() => p?.close())

  test('each request spends one token; the empty bucket answers 429 and GET /account/rate-limits spends none', async () => {
    const remaining: string[] = []
    for (let i = 0; i < 3; i++) remaining.push(String((await p.api.get('account')).headers['ratelimit-remaining']))
    assert.deepEqual(remaining, ['2', '1', '0'])
    const limits = await p.api.get<{remaining: number}>('account/rate-limits')
    assert.equal(limits.statusCode, 200)
    assert.deepEqual(limits.body, {remaining: 0})
    const refused = await p.api.get<{id: string; message: string}>('apps')
    assert.equal(refused.statusCode, 429)
    assert.equal(refused.body.id, 'rate_limit')
    assert.match(refused.body.message, /rate limit/)
  })

  test('another account has its own bucket', async () => {
    const other = await p.stranger.get('account')
    assert.equal(other.statusCode, 200)
    assert.equal(other.headers['ratelimit-remaining'], '2')
  })
})
