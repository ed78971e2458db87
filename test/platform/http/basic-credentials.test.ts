import assert from 'node:assert/strict'
import {test} from 'node:test'
import {basicCredentials, decodeBasic} from '../../../src/platform/http/basic-credentials.js'

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64')

test('a Basic credential decodes to its user and password, split at the first colon', () => {
  assert.deepEqual(decodeBasic(encode('token:t.abc')), {user: 'token', password: 't.abc'})
  assert.deepEqual(decodeBasic(encode('a@example.com:key:with:colons')), {user: 'a@example.com', password: 'key:with:colons'})
  assert.deepEqual(decodeBasic(encode(':only-a-password')), {user: '', password: 'only-a-password'})
  assert.deepEqual(decodeBasic(encode('no-colon')), {user: 'no-colon'})
  assert.deepEqual(decodeBasic(encode('üser:pässword')), {user: 'üser', password: 'pässword'})
})

test('only an Authorization header of `Basic` and one base64 word is read', () => {
  assert.deepEqual(basicCredentials(`Basic ${encode('token:t.abc')}`), {user: 'token', password: 't.abc'})
  assert.deepEqual(basicCredentials(`basic   ${encode('u:p')}`), {user: 'u', password: 'p'})
  for (const header of [undefined, '', 'Basic', `Bearer ${encode('u:p')}`, `Basic ${encode('u:p')} extra`, `Digest ${encode('u:p')}`]) {
    assert.equal(basicCredentials(header), undefined, String(header))
  }
})
