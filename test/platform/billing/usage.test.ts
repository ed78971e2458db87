import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {Got} from 'got'
import {SDK_ACCEPT, type AppUsage, type BillingStatement} from '../../../src/wire/billing.js'
import {startBillingPlatform, type BillingPlatform} from './fixture-month.js'

// Usage reports (addonkit's extension): a provider reports with its add-on's partner token; a report
// id records once; a refused report records nothing; `GET /apps/{app}/usage` (3.sdk) sums the month.
describe('billing: usage reports', () => {
  let b: BillingPlatform
  let counter: {id: string; partner: Got}
  let plain: {id: string; partner: Got}
  let rival: {id: string; partner: Got}

  const usage = async () => {
    const res = await b.p.api.get<AppUsage>('apps/metered-app/usage', {headers: {accept: SDK_ACCEPT}})
    assert.equal(res.statusCode, 200, JSON.stringify(res.body))
    return res.body
  }
  const report = (who: {partner: Got}, addonId: string, body: unknown) => who.partner.post<any>(`addons/${addonId}/usage`, {json: body})

  before(async () => {
    b = await startBillingPlatform('2024-05-10T08:00:00Z')
    await b.p.api.post('apps', {json: {name: 'metered-app'}})
    await b.p.stranger.post('apps', {json: {name: 'their-app'}})
    counter = await b.create('metered-app', 'metered', 'counter')
    plain = await b.create('metered-app', 'mini', 'plain')
    const created = await b.p.stranger.post<{id: string}>('apps/their-app/addons', {json: {plan: 'heroku-redis:metered', name: 'rival'}})
    assert.equal(created.statusCode, 201)
    rival = {id: created.body.id, partner: counter.partner}
  })
  after(async () => {
    await b?.close()
  })

  test('a report is recorded once per id: a repeat answers the report and adds nothing', async () => {
    const first = await report(counter, counter.id, {id: 'r-1', meters: {requests: 100, storage: 0.5}})
    assert.equal(first.statusCode, 201, JSON.stringify(first.body))
    assert.deepEqual(first.body, {id: 'r-1', addon: {id: counter.id}, meters: {requests: 100, storage: 0.5}, created_at: '2024-05-10T08:00:00.000Z'})
    const again = await report(counter, counter.id, {id: 'r-1', meters: {storage: 0.5, requests: 100}})
    assert.equal(again.statusCode, 200)
    assert.deepEqual(again.body, first.body)
    assert.deepEqual(await usage(), {addons: [{id: counter.id, meters: {requests: {quantity: 100}, storage: {quantity: 0.5}}}]})
    const changed = await report(counter, counter.id, {id: 'r-1', meters: {requests: 999}})
    assert.deepEqual([changed.statusCode, changed.body.id, changed.body.message], [409, 'conflict', 'Usage report r-1 was recorded with other quantities; a report id is used once.'])
    assert.equal((await report(counter, counter.id, {id: 'r-2', meters: {requests: 0.30000000000000004}})).statusCode, 201)
    assert.deepEqual(await usage(), {addons: [{id: counter.id, meters: {requests: {quantity: 100.3}, storage: {quantity: 0.5}}}]})
  })

  test('refused reports record nothing: unknown meter, bad quantity, no id, a plan without meters', async () => {
    const before = await usage()
    const refusals: Array<[unknown, string, {partner: Got}?, string?]> = [
      [{id: 'x-1', meters: {requests: 5, bogus: 1}}, 'heroku-redis:metered has no meter bogus: its meters are requests, storage.'],
      [{id: 'x-2', meters: {requests: -1}}, 'The quantity of requests must be a number, 0 or more.'],
      [{id: 'x-3', meters: {requests: '5'}}, 'The quantity of requests must be a number, 0 or more.'],
      [{id: 'x-4', meters: {}}, 'meters must be an object of meter names and quantities, e.g. {"requests": 1200}.'],
      [{meters: {requests: 1}}, 'id must be a non-empty string of at most 200 characters, chosen by the provider: it makes the report idempotent.'],
      [{id: 'x-5', meters: {requests: 1}}, 'heroku-redis:mini is not a metered plan: it has no meter requests.', plain, plain.id],
      [{id: 'x-6', meters: {requests: 1e10}}, 'The quantity of requests is more than a meter counts in a month (9007199254.740991).'],
    ]
    for (const [body, message, who = counter, addon = counter.id] of refusals) {
      const res = await report(who, addon, body)
      assert.deepEqual([res.statusCode, res.body.id, res.body.message], [422, 'invalid_params', message], JSON.stringify(body))
    }
    assert.deepEqual(await usage(), before)
    // the refused ids were not taken: a valid report may use one
    assert.equal((await report(counter, counter.id, {id: 'x-1', meters: {requests: 1}})).statusCode, 201)
    assert.equal((await usage()).addons[0].meters.requests.quantity, 101.3)
  })

  test("a meter's month has a ceiling: the report that would pass it records nothing", async () => {
    await b.p.api.post('apps', {json: {name: 'big-app'}})
    const huge = await b.create('big-app', 'metered', 'huge')
    assert.equal((await report(huge, huge.id, {id: 'h-1', meters: {requests: 9e9}})).statusCode, 201)
    const over = await report(huge, huge.id, {id: 'h-2', meters: {requests: 9e9, storage: 1}})
    assert.deepEqual([over.statusCode, over.body.message], [422, 'A meter counts at most 9007199254.740991 in a month, and this report would take requests past it; nothing was recorded.'])
    const recorded = await b.p.api.get<AppUsage>('apps/big-app/usage', {headers: {accept: SDK_ACCEPT}})
    assert.deepEqual(recorded.body, {addons: [{id: huge.id, meters: {requests: {quantity: 9e9}}}]})
  })

  test("partner scoping: another add-on's id is 403, and so is a customer's key; the usage read is the owner's", async () => {
    const other = await report(counter, rival.id, {id: 'steal', meters: {requests: 1}})
    assert.deepEqual([other.statusCode, other.body.id], [403, 'forbidden'])
    const customer = await b.p.api.post<any>(`addons/${counter.id}/usage`, {json: {id: 'mine', meters: {requests: 1}}})
    assert.deepEqual([customer.statusCode, customer.body.message], [403, "Usage is reported by the add-on's provider, with the add-on's partner token."])
    const theirs = await b.p.stranger.get<any>('apps/their-app/usage', {headers: {accept: SDK_ACCEPT}})
    assert.deepEqual(theirs.body, {addons: []})
    assert.equal((await b.p.stranger.get('apps/metered-app/usage', {headers: {accept: SDK_ACCEPT}})).statusCode, 403)
    assert.equal((await counter.partner.get('apps/metered-app/usage', {headers: {accept: SDK_ACCEPT}})).statusCode, 403)
  })

  test('the usage read is served under version=3.sdk only, as on Heroku', async () => {
    const plainAccept = await b.p.api.get<any>('apps/metered-app/usage')
    assert.deepEqual([plainAccept.statusCode, plainAccept.body.message], [404, 'Usage is served under Accept: application/vnd.heroku+json; version=3.sdk.'])
  })

  test('usage counts in the month it is received: a new month starts from nothing', async () => {
    b.clock.set('2024-05-31T23:59:59Z')
    assert.equal((await report(counter, counter.id, {id: 'last-may', meters: {requests: 10}})).statusCode, 201)
    b.clock.set('2024-06-01T00:00:00Z')
    assert.deepEqual(await usage(), {addons: []})
    assert.equal((await report(counter, counter.id, {id: 'first-june', meters: {requests: 7}})).statusCode, 201)
    assert.deepEqual(await usage(), {addons: [{id: counter.id, meters: {requests: {quantity: 7}}}]})
    const may = (await b.p.api.get<BillingStatement>('account/billing/2024-05?app=metered-app')).body
    const meters = may.apps[0].addons.find((a) => a.addon.name === 'counter')!.meters
    // 111.3 requests at 0.001 cents, 0.5 GB at 12.5 cents
    assert.deepEqual(meters.map((m) => [m.name, m.quantity, m.cost_millicents]), [['requests', 111.3, 111], ['storage', 0.5, 6250]])
  })

  test('a destroyed add-on\'s token reports nothing more', async () => {
    assert.equal((await b.p.api.delete(`apps/metered-app/addons/${counter.id}`)).statusCode, 200)
    assert.equal((await report(counter, counter.id, {id: 'late', meters: {requests: 1}})).statusCode, 401)
  })
})
