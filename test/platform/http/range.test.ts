import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseRange, rangeHeaders} from '../../../src/platform/http/range.js'

test('parses the Range forms clients send', () => {
  assert.deepEqual(parseRange('id ..; max=10;', ['id', 'name']), {field: 'id', startExclusive: false, max: 10, order: 'asc'})
  assert.deepEqual(parseRange('name ..; order=desc,max=10;', ['id', 'name']), {field: 'name', startExclusive: false, max: 10, order: 'desc'})
  assert.deepEqual(parseRange('version ..; max=1, order=desc', ['version']), {field: 'version', startExclusive: false, max: 1, order: 'desc'})
  assert.deepEqual(parseRange('name ]abc..; max=200, order=asc', ['name']), {field: 'name', start: 'abc', startExclusive: true, max: 200, order: 'asc'})
  assert.deepEqual(parseRange('id a..b', ['id']), {field: 'id', start: 'a', end: 'b', startExclusive: false, max: 200, order: 'asc'})
})

test('defaults to the first field, 200 per page; caps max at 1000', () => {
  assert.deepEqual(parseRange(undefined, ['version', 'id']), {field: 'version', startExclusive: false, max: 200, order: 'asc'})
  assert.equal(parseRange('id ..; max=5000', ['id']).max, 1000)
})

test('rejects unknown fields and bad parameters with 416', () => {
  for (const bad of ['colour ..', 'id ..; max=0', 'id ..; order=up', 'id abc']) {
    assert.throws(() => parseRange(bad, ['id']), (e: any) => e.status === 416, bad)
  }
})

test('Next-Range only when more rows exist', () => {
  const page = {field: 'id', startExclusive: false, max: 2, order: 'asc' as const}
  assert.deepEqual(rangeHeaders({items: [1, 2], page, firstKey: 'a', lastKey: 'b', nextStart: 'b'}), {'Content-Range': 'id a..b; max=2', 'Next-Range': 'id ]b..; max=2'})
  assert.deepEqual(rangeHeaders({items: [1], page, firstKey: 'c', lastKey: 'c'}), {'Content-Range': 'id c..c; max=2'})
})
