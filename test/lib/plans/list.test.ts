import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Plan} from '../../../src/lib/api/types.js'
import {planSlug, qualifyPlanName, sortPlans} from '../../../src/lib/plans/list.js'

const plan = (name: string, cents: number, extra: Partial<Plan['price']> = {}) =>
  ({name, price: {cents, contract: false, unit: 'month', ...extra}}) as Plan

describe('plans', () => {
  it('sorts by price, then name, with contract and metered plans last', () => {
    const sorted = sortPlans([plan('s:z', 300), plan('s:big', 0, {contract: true}), plan('s:a', 300), plan('s:free', 0), plan('s:m', 0, {metered: true})])
    assert.deepEqual(sorted.map((p) => p.name), ['s:free', 's:a', 's:z', 's:big', 's:m'])
  })

  it('qualifies a bare plan with the service and leaves SERVICE:PLAN alone', () => {
    assert.equal(qualifyPlanName('heroku-redis', 'mini'), 'heroku-redis:mini')
    assert.equal(qualifyPlanName('heroku-redis', 'other:mini'), 'other:mini')
    assert.equal(planSlug('heroku-redis:mini'), 'mini')
    assert.equal(planSlug('mini'), 'mini')
  })
})
