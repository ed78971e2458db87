import assert from 'node:assert/strict'
import {randomUUID} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, test} from 'node:test'
import {chargesMillicents} from '../../../src/platform/billing/invoice-totals.js'
import {meterCost, prorate} from '../../../src/platform/billing/money.js'
import {monthAt, monthOf, monthSeconds, parseMonth} from '../../../src/platform/billing/months.js'
import {buildStatement} from '../../../src/platform/billing/statement.js'
import type {PeriodDetailLine} from '../../../src/platform/billing/statement-rows.js'
import {openStore} from '../../../src/platform/store/database.js'
import {formatMicros, parseMicros, toCents} from '../../../src/wire/billing.js'
import {testDatabaseUrl} from '../helpers.js'

const DAY = 86_400

describe('billing money: integer millicents, rounded once per line, half up', () => {
  test('month lengths: February 2023 and 2024, a 30- and a 31-day month', () => {
    const table: Array<[string, number]> = [['2023-02', 28], ['2024-02', 29], ['2024-04', 30], ['2024-03', 31], ['2024-12', 31]]
    for (const [key, days] of table) assert.equal(monthSeconds(parseMonth(key)), days * DAY, key)
    assert.equal(monthAt(Date.parse('2024-02-29T23:59:59Z') / 1000).key, '2024-02')
    assert.equal(monthAt(Date.parse('2024-03-01T00:00:00Z') / 1000).key, '2024-03')
    assert.equal(monthOf(2024, 12).endS, Date.parse('2025-01-01T00:00:00Z') / 1000)
  })

  test('prorate: monthly price × seconds on the plan ÷ seconds in the month', () => {
    const table: Array<[string, number, number, number, number]> = [
      // what, price in cents, seconds, month's seconds, millicents
      ['$3 for 15 of 30 days', 300, 15 * DAY, 30 * DAY, 150_000],
      ['$3 for all of February 2024', 300, 29 * DAY, 29 * DAY, 300_000],
      ['$3 for 14 of 28 days (February 2023)', 300, 14 * DAY, 28 * DAY, 150_000],
      ['$15 for 10 days of February 2023', 1500, 10 * DAY, 28 * DAY, 535_714],
      ['$15 for 10 days of February 2024', 1500, 10 * DAY, 29 * DAY, 517_241],
      ['$15 for 10 days of a 31-day month', 1500, 10 * DAY, 31 * DAY, 483_871],
      ['$3 for one second of a 31-day month', 300, 1, 31 * DAY, 0],
      ['$3 for five seconds of a 31-day month', 300, 5, 31 * DAY, 1],
      ['1 cent for exactly half a millicent (rounds up)', 1, 1296, 30 * DAY, 1],
      ['1 cent for just under half a millicent', 1, 1295, 30 * DAY, 0],
      ['free', 0, 30 * DAY, 30 * DAY, 0],
      ['the largest price a plan holds, a whole month', 2_147_483_647, 31 * DAY, 31 * DAY, 2_147_483_647_000],
    ]
    for (const [what, cents, seconds, month, expected] of table) assert.equal(prorate(cents, seconds, month), expected, what)
  })

  test('meters: quantity × price per unit, exact to a millionth of each', () => {
    const table: Array<[string, string, string, number]> = [
      ['123,456 requests at 0.001 cents', '123456', '0.001', 123_456],
      ['2.5 GB at 12.5 cents', '2.5', '12.5', 31_250],
      ['1 request at 0.0005 cents: half a millicent, up', '1', '0.0005', 1],
      ['1 request at 0.0004 cents', '1', '0.0004', 0],
      ['a billion requests at 0.001 cents: $10,000', '1000000000', '0.001', 1_000_000_000],
      ['a millionth of a unit at a millionth of a cent', '0.000001', '0.000001', 0],
    ]
    for (const [what, quantity, price, expected] of table) assert.equal(meterCost(parseMicros(quantity)!, parseMicros(price)!), expected, what)
  })

  test('invoices in whole cents: the total rounded half up', () => {
    for (const [millicents, cents] of [[0, 0], [499, 0], [500, 1], [1_298_672, 1299], [232_258, 232], [150_500, 151]]) assert.equal(toCents(millicents), cents, String(millicents))
  })

  test('decimals kept exactly: prices and quantities as millionths', () => {
    for (const [text, micros] of [['0.001', 1000n], ['12.5', 12_500_000n], [12.5, 12_500_000n], [0.1, 100_000n], ['3', 3_000_000n], ['0.000001', 1n], ['1.500000', 1_500_000n]] as const) {
      assert.equal(parseMicros(text), micros, String(text))
    }
    for (const bad of ['-1', '0.0000001', '1e-7', 1e-7, '', 'abc', Number.NaN, null, '1.2.3']) assert.equal(parseMicros(bad), undefined, String(bad))
    assert.equal(formatMicros(1000n), '0.001')
    assert.equal(formatMicros(12_500_000n), '12.5')
    assert.equal(formatMicros(3_000_000n), '3')
  })

  test('the invoice\'s SQL sums the same lines the breakdown computes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'addonkit-billing-money-'))
    const store = await openStore({dataDir: dir, databaseUrl: await testDatabaseUrl()})
    try {
      const month = parseMonth('2024-02')
      const asOfS = month.endS + 5 * DAY
      // random periods around February (some before, across, inside, after it), some contract
      let seed = 7
      const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n
      const periods: PeriodDetailLine[] = []
      for (let i = 0; i < 400; i++) {
        const started = month.startS - 40 * DAY + random(80 * DAY)
        const ended = random(3) === 0 ? null : started + random(40 * DAY)
        periods.push({
          addon_id: randomUUID(), addon_name: `a${i}`, app_id: 'app', app_name: 'app', service_name: 's', plan_id: 'p', plan_name: 's:p',
          price_cents: random(5) === 0 ? 0 : 1 + random(250_000), price_unit: 'month', price_contract: random(10) === 0 ? 1 : 0, price_metered: 0,
          started_s: started, ended_s: ended, live: 1,
        })
      }
      for (const p of periods) {
        await store.db.insertInto('billing_periods').values({
          id: randomUUID(), account_id: 'acct', app_id: p.app_id, app_name: p.app_name, addon_id: p.addon_id, addon_name: p.addon_name, service_name: 's',
          plan_id: 'p', plan_name: 's:p', price_cents: p.price_cents, price_unit: 'month', price_contract: p.price_contract, price_metered: 0, started_s: p.started_s, ended_s: p.ended_s,
        }).execute()
      }
      const overlapping = periods.filter((p) => p.started_s < month.endS && (p.ended_s === null || p.ended_s > month.startS))
      // an add-on's sums (the account's statement) and its lines (an app's) come to the same
      const expected = buildStatement(month, asOfS, overlapping, [], () => 's:p', false).cost_millicents
      assert.ok(expected > 0)
      assert.equal(buildStatement(month, asOfS, overlapping, [], () => 's:p', true).cost_millicents, expected)
      assert.equal(await chargesMillicents(store.db, 'acct', month, asOfS), expected)
      // the current month, counted to a second inside it
      const midS = month.startS + 11 * DAY + 4321
      const sofar = overlapping.filter((p) => p.started_s < midS)
      assert.equal(await chargesMillicents(store.db, 'acct', month, midS), buildStatement(month, midS, sofar, [], () => 's:p', false).cost_millicents)
    } finally {
      await store.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
