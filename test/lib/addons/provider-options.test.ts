import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parseProviderOptions} from '../../../src/lib/addons/provider-options.js'

describe('parseProviderOptions', () => {
  it('accepts KEY=VALUE, --key value, --key=value and bare --flag', () => {
    assert.deepEqual(parseProviderOptions(['version=7', '--fork', 'other-db', '--region=eu', '--fast', '-x', '--url', 'a=b']), {
      version: '7',
      fork: 'other-db',
      region: 'eu',
      fast: 'true',
      x: 'true',
      url: 'a=b',
    })
  })

  it('a flag at the end, or before another flag, is true', () => {
    assert.deepEqual(parseProviderOptions(['--a', '--b']), {a: 'true', b: 'true'})
  })

  it('refuses a bare word and an empty key', () => {
    assert.throws(() => parseProviderOptions(['oops']), /oops is invalid/)
    assert.throws(() => parseProviderOptions(['=x']), /=x is invalid/)
    assert.throws(() => parseProviderOptions(['--=x']), /--=x is not a provider option/)
  })
})
