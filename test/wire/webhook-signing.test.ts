import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {signWebhookBody, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER} from '../../src/wire/webhook-signing.js'

// The Heroku-Webhook-Hmac-SHA256 header: Base64 of HMAC-SHA256 over the raw body. The expected values
// are RFC 4231's HMAC-SHA256 test case 2 in Base64, so the check does not trust the code it checks.
describe('webhook signatures', () => {
  const key = 'Jefe'
  const body = 'what do ya want for nothing?'
  const rfc4231 = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64')

  test('sign: standard padded Base64 of the HMAC, 44 characters', () => {
    assert.equal(signWebhookBody(key, body), rfc4231)
    assert.equal(signWebhookBody(key, Buffer.from(body)), rfc4231)
    assert.equal(rfc4231.length, 44)
    assert.equal(WEBHOOK_SIGNATURE_HEADER, 'Heroku-Webhook-Hmac-SHA256')
  })

  test('verify: the right signature over the exact bytes, nothing else', () => {
    assert.equal(verifyWebhookSignature(key, body, rfc4231), true)
    assert.equal(verifyWebhookSignature(key, body, ` ${rfc4231}\n`), true)
    assert.equal(verifyWebhookSignature(key, `${body} `, rfc4231), false, 'one more byte of body')
    assert.equal(verifyWebhookSignature('jefe', body, rfc4231), false, 'another key')
    assert.equal(verifyWebhookSignature(key, body, rfc4231.slice(0, -2)), false, 'a shorter signature')
    assert.equal(verifyWebhookSignature(key, body, `${rfc4231.slice(0, -3)}AA=`), false, 'same length, other bytes')
    assert.equal(verifyWebhookSignature(key, body, undefined), false)
    assert.equal(verifyWebhookSignature(key, body, [rfc4231]), false, 'a repeated header is refused')
    assert.equal(verifyWebhookSignature(key, body, ''), false)
  })

  test('the body is signed as bytes: a re-serialised JSON body does not verify', () => {
    const raw = '{"a":1,  "b":"é"}'
    const signature = signWebhookBody('s', raw)
    assert.equal(verifyWebhookSignature('s', Buffer.from(raw, 'utf8'), signature), true)
    assert.equal(verifyWebhookSignature('s', JSON.stringify(JSON.parse(raw)), signature), false)
  })
})
