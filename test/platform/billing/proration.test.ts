import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {AddonBill, BillingStatement, Invoice} from '../../../src/wire/billing.js'
import {buildFixtureMonth, startBillingPlatform, type BillingPlatform} from './fixture-month.js'

// What add-ons cost, through the API, on a clock the test moves: plan periods prorated to the second
// (created mid-month, plan changed twice, destroyed, across month ends, in 28-, 29- and 31-day
// months), contract plans shown but not summed, metered usage at its price, and Heroku's invoices.
describe('billing: proration on a fake clock', () => {
  let b: BillingPlatform

  before(async () => {
    b = await startBillingPlatform('2023-02-14T00:00:00Z')
    await buildFixtureMonth(b)
  })
  after(async () => {
    await b?.close()
  })

  const get = async <Body>(path: string) => {
    const res = await b.p.api.get<Body>(path)
    assert.equal(res.statusCode, 200, JSON.stringify(res.body))
    return res.body
  }
  // the account's month, each add-on in sums; an app's, each add-on with its periods
  const statement = (month: string) => get<BillingStatement>(`account/billing/${month}`)
  const appStatement = (month: string, app: string) => get<BillingStatement<AddonBill>>(`account/billing/${month}?app=${app}`)
  // every plan period and meter of the month, app by app: an app's statement lists them
  const lines = async (month: string) => {
    const apps = await Promise.all((await statement(month)).apps.map((a) => appStatement(month, a.app.id)))
    return apps.flatMap((s) => s.apps.flatMap((app) => app.addons.flatMap((addon) => [
      ...addon.periods.map((p) => [app.app.name, addon.addon.name, p.plan.name, p.seconds, p.cost_millicents]),
      ...addon.meters.map((m) => [app.app.name, addon.addon.name, `${m.plan.name} ${m.name}`, m.quantity, m.cost_millicents]),
    ])))
  }

  test('February 2024 (29 days): each period prorated to the second, rounded once per line', async () => {
    assert.deepEqual(await lines('2024-02'), [
      // 5.5 days of $3: 300,000 millicents × 475,200 / 2,505,600 = 56,896.55…
      ['billed-app', 'busy-cache', 'heroku-redis:mini', 475_200, 56_897],
      // 4.5 days of $15
      ['billed-app', 'busy-cache', 'heroku-redis:premium-0', 388_800, 232_759],
      // 5.25 days of $3, until it was destroyed
      ['billed-app', 'busy-cache', 'heroku-redis:mini', 453_600, 54_310],
      ['billed-app', 'legal-db', 'heroku-redis:enterprise', 2_505_600, null],
      ['billed-app', 'long-cache', 'heroku-redis:mini', 2_505_600, 300_000],
      ['other-app', 'counter', 'heroku-redis:metered', 2_505_600, 500_000],
      // 123,456 requests at 0.001 cents; 2.5 GB at 12.5 cents
      ['other-app', 'counter', 'heroku-redis:metered requests', 123_456, 123_456],
      ['other-app', 'counter', 'heroku-redis:metered storage', 2.5, 31_250],
    ])
    const feb = await statement('2024-02')
    assert.deepEqual([feb.state, feb.as_of, feb.period_start, feb.period_end], ['closed', '2024-03-01T00:00:00Z', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'])
    assert.deepEqual(feb.apps.map((a) => [a.app.name, a.cost_millicents]), [['billed-app', 643_966], ['other-app', 654_706]])
    assert.equal(feb.cost_millicents, 1_298_672)
    // the account's statement has each add-on in sums: its plans (each once, in the order it went on
    // them), its time on them, its cost, its meters; no periods
    assert.deepEqual(feb.apps.map((app) => app.addons.map((a) => [a.addon.name, a.active, a.plans, a.seconds, a.contract, a.cost_millicents, a.meters.length, 'periods' in a])), [
      [
        ['busy-cache', false, ['heroku-redis:mini', 'heroku-redis:premium-0'], 1_317_600, false, 343_966, 0, false],
        ['legal-db', true, ['heroku-redis:enterprise'], 2_505_600, true, 0, 0, false],
        ['long-cache', true, ['heroku-redis:mini'], 2_505_600, false, 300_000, 0, false],
      ],
      [['counter', true, ['heroku-redis:metered'], 2_505_600, false, 654_706, 2, false]],
    ])
    // an app's has them, and comes to the same
    const billed = await appStatement('2024-02', 'billed-app')
    assert.equal(billed.cost_millicents, 643_966)
    const busy = billed.apps[0].addons[0]
    assert.deepEqual([busy.active, busy.seconds, busy.plans, busy.cost_millicents, busy.periods.at(-1)!.ended_at], [false, 1_317_600, ['heroku-redis:mini', 'heroku-redis:premium-0'], 343_966, '2024-02-25T06:00:00Z'])
    const legal = billed.apps[0].addons[1]
    assert.deepEqual([legal.contract, legal.cost_millicents, legal.periods[0].price], [true, 0, {cents: 100_000, contract: true, unit: 'month', metered: false}])
  })

  test('a month end splits a period: January (31 days) and March so far', async () => {
    // 12 days of 31: 300,000 × 1,036,800 / 2,678,400 = 116,129.03…
    assert.deepEqual(await lines('2024-01'), [['billed-app', 'long-cache', 'heroku-redis:mini', 1_036_800, 116_129]])
    assert.equal((await appStatement('2024-01', 'billed-app')).apps[0].addons[0].periods[0].ended_at, null)
    const march = await statement('current')
    assert.equal(march.month, '2024-03')
    assert.deepEqual([march.state, march.as_of], ['pending', '2024-03-10T00:00:00Z'])
    // 9 days so far: 300,000 × 777,600 / 2,678,400 = 87,096.77…; the metered base too; no usage yet
    assert.deepEqual(await lines('current'), [
      ['billed-app', 'legal-db', 'heroku-redis:enterprise', 777_600, null],
      ['billed-app', 'long-cache', 'heroku-redis:mini', 777_600, 87_097],
      ['other-app', 'counter', 'heroku-redis:metered', 777_600, 145_161],
    ])
  })

  test('February 2023 (28 days): an add-on destroyed after 14 days costs exactly half its price', async () => {
    assert.deepEqual(await lines('2023-02'), [['billed-app', 'short-cache', 'heroku-redis:mini', 1_209_600, 150_000]])
  })

  test('-a APP: one app, also by the name of an app that no longer exists', async () => {
    const other = await appStatement('2024-02', 'other-app')
    assert.deepEqual(other.apps.map((a) => [a.app.name, a.addons.map((addon) => addon.periods.length)]), [['other-app', [1]]])
    assert.equal(other.cost_millicents, 654_706)
    const missing = await b.p.api.get<{id: string}>('account/billing/2024-02?app=no-such-app')
    assert.deepEqual([missing.statusCode, missing.body.id], [404, 'not_found'])
  })

  test('invoices: one a month from the first add-on, past months closed, this one pending, in whole cents', async () => {
    const res = await b.p.api.get<Invoice[]>('account/invoices')
    assert.equal(res.statusCode, 200)
    const summary = res.body.map((i) => [i.number, i.charges_total, i.state])
    assert.equal(summary.length, 14)
    assert.deepEqual(summary[0], [202302, 150, 1])
    assert.deepEqual(summary.slice(1, 11).map(([, charges]) => charges), Array(10).fill(0))
    // February: 1,298,672 millicents rounds half up to 1,299 cents; March so far 87,097 + 145,161
    assert.deepEqual(summary.slice(11), [[202401, 116, 1], [202402, 1299, 1], [202403, 232, 0]])
    const feb = await b.p.api.get<Invoice>('account/invoices/202402')
    assert.deepEqual(feb.body, res.body[12])
    assert.deepEqual([feb.body.period_start, feb.body.period_end, feb.body.total, feb.body.credits_total], ['02/01/2024', '02/29/2024', 1299, 0])
    assert.equal((await b.p.api.get<Invoice>('account/invoices/202402')).body.id, feb.body.id)
    for (const missing of ['202404', '202213', '202201', 'nope']) assert.equal((await b.p.api.get(`account/invoices/${missing}`)).statusCode, 404, missing)
    // another account has its own (empty) invoices
    assert.deepEqual((await b.p.stranger.get<Invoice[]>('account/invoices')).body.map((i) => [i.number, i.charges_total, i.state]), [[202403, 0, 0]])
  })

  test("an add-on's cost this month, for addons:info", async () => {
    const res = await b.p.api.get<{cost_millicents: number; periods: unknown[]}>('addons/long-cache/billing')
    assert.equal(res.statusCode, 200)
    assert.equal(res.body.cost_millicents, 87_097)
    assert.equal((await b.p.stranger.get('addons/long-cache/billing')).statusCode, 404)
  })

  test('the dashboard\'s figures: an add-on\'s and an app\'s cost this month', async () => {
    const {billing} = b.p.platform.services
    const longCache = (await b.p.api.get<{id: string}>('addons/long-cache')).body.id
    assert.equal((await billing.service.addonCostThisMonth(longCache)).cost_millicents, 87_097)
    const app = (await b.p.api.get<{id: string}>('apps/billed-app')).body.id
    const bill = await billing.service.appCostThisMonth(app)
    assert.deepEqual([bill.app.name, bill.cost_millicents, bill.addons.map((a) => a.addon.name)], ['billed-app', 87_097, ['legal-db', 'long-cache']])
  })

  test('an add-on created this very second is on the statement, for 0s at no cost', async () => {
    await b.create('other-app', 'mini', 'new-cache')
    const current = await lines('current')
    assert.deepEqual(current.filter(([, addon]) => addon === 'new-cache'), [['other-app', 'new-cache', 'heroku-redis:mini', 0, 0]])
    const bill = (await b.p.api.get<AddonBill>('addons/new-cache/billing')).body
    assert.deepEqual([bill.seconds, bill.cost_millicents, bill.plans], [0, 0, ['heroku-redis:mini']])
  })

  test('a month not begun is refused; a malformed one names the form', async () => {
    const future = await b.p.api.get<{message: string}>('account/billing/2024-04')
    assert.deepEqual([future.statusCode, future.body.message], [422, '2024-04 has not begun: its costs are not known yet.'])
    const bad = await b.p.api.get<{message: string}>('account/billing/2024-13')
    assert.deepEqual([bad.statusCode, bad.body.message], [422, 'Month "2024-13" is not a month: use YYYY-MM, e.g. 2024-02.'])
  })
})
