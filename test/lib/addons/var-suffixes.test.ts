import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {varSuffixes} from '../../../src/lib/addons/attach.js'
import {addon, attachment} from './fakes.js'

describe('varSuffixes', () => {
  it('reads the suffixes from the attachments\' included config vars', () => {
    const pg = addon('db-1', {config_vars: ['DATABASE_URL', 'DATABASE_HOST']})
    assert.deepEqual(varSuffixes(pg, [attachment('DATABASE', pg, 'example-app', ['DATABASE_URL', 'DATABASE_HOST'])]), ['HOST', 'URL'])
  })

  it('falls back to the add-on\'s config vars matched against its aliases on the owning app', () => {
    const kv = addon('kv-1', {config_vars: ['KV_URL', 'KV_TOKEN', 'OTHER_URL']})
    assert.deepEqual(varSuffixes(kv, [attachment('KV', kv), attachment('OTHER', kv, 'example-tasker')]), ['TOKEN', 'URL'])
  })

  it('is empty when nothing matches', () => {
    const bare = addon('bare')
    assert.deepEqual(varSuffixes(bare, [attachment('BARE', bare)]), [])
  })
})
