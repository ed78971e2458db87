import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {formatDuration, formatMillicents, formatQuantity, formatUnitPrice} from '../../../src/wire/billing-figures.js'
import {formatAddonCost} from '../../../src/lib/billing/format.js'
import type {AddonBill} from '../../../src/wire/billing.js'

describe('billing output', () => {
  it('money is shown exactly: two decimals at least, the millicents when there are any', () => {
    const table: Array<[number, string]> = [[0, '$0.00'], [150_000, '$1.50'], [54_310, '$0.5431'], [1, '$0.00001'], [123_456_789_000, '$1,234,567.89'], [1_298_672, '$12.98672']]
    for (const [millicents, shown] of table) assert.equal(formatMillicents(millicents), shown)
  })

  it('unit prices in dollars, exactly; durations in days, hours, minutes and seconds', () => {
    assert.equal(formatUnitPrice('0.001', 'request'), '$0.00001/request')
    assert.equal(formatUnitPrice('12.5', 'GB'), '$0.125/GB')
    assert.equal(formatUnitPrice('250', 'seat'), '$2.50/seat')
    const durations: Array<[number, string]> = [[0, '0s'], [59, '59s'], [475_200, '5d 12h'], [277_506, '3d 5h 5m 6s'], [2_505_600, '29d']]
    for (const [seconds, shown] of durations) assert.equal(formatDuration(seconds), shown)
    assert.equal(formatQuantity(1_234_567.5), '1,234,567.5')
  })

  it('an add-on\'s cost this month: the amount, contract, or both', () => {
    const bill = (contract: boolean[], millicents: number): AddonBill => ({
      addon: {id: 'a', name: 'a'}, addon_service: {name: 's'}, active: true, seconds: 1, plans: ['s:p'], meters: [], contract: contract.some(Boolean), cost_millicents: millicents,
      periods: contract.map((c) => ({plan: {id: 'p', name: 's:p'}, price: {cents: 1, contract: c, unit: 'month', metered: false}, started_at: '', ended_at: null, seconds: 1, cost_millicents: c ? null : millicents})),
    })
    assert.equal(formatAddonCost(bill([false], 87_097)), '$0.87097')
    assert.equal(formatAddonCost(bill([true], 0)), 'contract')
    assert.equal(formatAddonCost(bill([false, true], 1000)), '$0.01 + contract')
  })
})
