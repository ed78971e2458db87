import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {PlatformError} from '../../../src/platform/services/errors.js'
import {checkInclude, checkLevel, checkUrl, newSubscription, secretFor} from '../../../src/platform/webhooks/subscription-input.js'

const refused = (message: string | RegExp) => (error: unknown) =>
  error instanceof PlatformError && error.status === 422 && (typeof message === 'string' ? error.message === message : message.test(error.message))
const VALID = 'api:app, api:addon, api:addon-attachment, api:release, api:domain'

describe('webhook subscription input', () => {
  test('include: known entities only, the valid ones named; repeats kept once', () => {
    assert.deepEqual(checkInclude(['api:release', 'api:domain', 'api:release']), ['api:release', 'api:domain'])
    assert.throws(() => checkInclude(['api:release', 'api:dyno', 'dyno']), refused(`Unknown include api:dyno, dyno: valid includes are ${VALID}.`))
    assert.throws(() => checkInclude([]), refused(`include must list one or more of: ${VALID}.`))
    assert.throws(() => checkInclude('api:release'), refused(/^include must list/))
    assert.throws(() => checkInclude([5]), refused(`Unknown include 5: valid includes are ${VALID}.`))
  })

  test('level: notify or sync', () => {
    assert.equal(checkLevel('notify'), 'notify')
    assert.equal(checkLevel('sync'), 'sync')
    assert.throws(() => checkLevel('Sync'), refused(/^level must be notify/))
  })

  test('url: http or https with a host', () => {
    assert.equal(checkUrl('https://example.com/hooks?x=1'), 'https://example.com/hooks?x=1')
    assert.equal(checkUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/')
    assert.throws(() => checkUrl('ftp://example.com'), refused('url must be an http or https URL, not ftp.'))
    assert.throws(() => checkUrl('javascript:alert(1)'), refused('url must be an http or https URL, not javascript.'))
    assert.throws(() => checkUrl('example.com'), refused('url "example.com" is not a URL: give an http or https URL.'))
    assert.throws(() => checkUrl(undefined), refused('url must be an http or https URL.'))
  })

  test('a new subscription needs include, level and url', () => {
    assert.deepEqual(newSubscription({include: ['api:app'], level: 'sync', url: 'https://example.com'}), {include: ['api:app'], level: 'sync', url: 'https://example.com'})
    assert.throws(() => newSubscription({url: 'https://example.com'}), refused('Missing include, level: a webhook needs include, level and url.'))
  })

  test('secret: the one given, or a new random one marked as generated; never empty', () => {
    assert.deepEqual(secretFor('mine'), {secret: 'mine', generated: false})
    const a = secretFor(undefined)
    const b = secretFor(null)
    assert.equal(a.generated, true)
    assert.match(a.secret, /^[0-9a-f]{64}$/)
    assert.notEqual(a.secret, b.secret)
    assert.throws(() => secretFor(''), refused(/^secret must not be empty/))
  })
})
