import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {sortByText} from '../../../src/lib/output/sort-by-text.js'

// The order a comparator over the same fields gives: field by field, `<` on strings, stable.
function reference<T>(items: T[], fields: (item: T) => string[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...items].sort((x, y) => {
    const [fx, fy] = [fields(x), fields(y)]
    for (let i = 0; i < fx.length; i++) {
      const order = compare(fx[i], fy[i])
      if (order !== 0) return order
    }
    return 0
  })
}

describe('sortByText', () => {
  it('orders by each field in turn, a shorter prefix first, by code unit (upper case before lower)', () => {
    const rows = [
      {plan: 'heroku-redis:mini', name: 'redis-b'},
      {plan: 'heroku-redis', name: 'z'},
      {plan: 'heroku-redis:mini', name: 'redis-a'},
      {plan: 'Heroku-redis', name: 'a'},
      {plan: 'heroku-redis:mini', name: 'redis'},
      {plan: 'heroku-postgresql:basic', name: 'é'},
      {plan: 'heroku-postgresql:basic', name: 'e'},
    ]
    const sorted = sortByText(rows, (row) => [row.plan, row.name])
    assert.deepEqual(
      sorted.map((row) => `${row.plan} ${row.name}`),
      ['Heroku-redis a', 'heroku-postgresql:basic e', 'heroku-postgresql:basic é', 'heroku-redis z', 'heroku-redis:mini redis', 'heroku-redis:mini redis-a', 'heroku-redis:mini redis-b'],
    )
  })

  it('keeps equal rows in their original order and matches a comparator sort on 1,500 rows', () => {
    const words = ['a', 'ab', 'b', 'B', 'a-b', 'a:b', '', 'zz', 'ä']
    const rows = Array.from({length: 1500}, (_, i) => ({first: words[(i * 7) % words.length], second: words[(i * 13) % 4], n: i}))
    const fields = (row: (typeof rows)[number]) => [row.first, row.second]
    assert.deepEqual(
      sortByText(rows, fields).map((row) => row.n),
      reference(rows, fields).map((row) => row.n),
    )
  })

  it('returns a new array and leaves the input as it was; an empty list stays empty', () => {
    const rows = ['b', 'a']
    assert.deepEqual(sortByText(rows, (row) => [row]), ['a', 'b'])
    assert.deepEqual(rows, ['b', 'a'])
    assert.deepEqual(sortByText([], () => []), [])
  })
})
