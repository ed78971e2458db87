import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {findManifestProblems} from '../../../src/providers/kit/manifest-problems.js'
import type {ManifestPlan} from '../../../src/providers/kit/manifest-types.js'
import {SDK_ACCEPT} from '../../../src/wire/billing.js'
import {startBillingPlatform, type BillingPlatform} from './fixture-month.js'

const manifestWith = (plans: unknown[]) => ({
  id: 'metered-svc',
  api: {config_vars: ['METERED_SVC_URL'], password: 'p', regions: ['us'], production: {base_url: 'https://example.com/heroku/resources'}},
  plans,
})
const problems = (plans: unknown[]) => findManifestProblems(manifestWith(plans), {strict: false})

describe('metered plans', () => {
  test('a manifest declares them with meters priced in cents, fractions down to a millionth', () => {
    const good: ManifestPlan = {name: 'payg', price: {cents: 0, unit: 'month', metered: true}, meters: [{name: 'requests', unit: 'request', cents_per_unit: '0.001'}], default: true}
    assert.deepEqual(problems([good]), [])
    assert.deepEqual(problems([{...good, meters: [{name: 'gb', unit: 'GB', cents_per_unit: 12.5}]}]), [])
    assert.deepEqual(problems([
      {name: 'a', price: {cents: 0, unit: 'month', metered: true}, default: true},
      {name: 'b', price: {cents: 0, unit: 'month', metered: 'yes'}},
      {name: 'c', price: {cents: 0, unit: 'month'}, meters: [{name: 'x', unit: 'u', cents_per_unit: '1'}]},
      {name: 'd', price: {cents: 0, unit: 'month', metered: true, contract: true}, meters: [{name: 'x', unit: 'u', cents_per_unit: '1'}]},
      {name: 'e', price: {cents: 0, unit: 'month', metered: true}, meters: [
        {name: 'x', unit: 'u', cents_per_unit: '0.0000001'}, {name: 'x', unit: 'u', cents_per_unit: 1}, {name: '', unit: '', cents_per_unit: -2}, 'nope',
      ]},
    ]), [
      'plan a: a metered plan must list its meters: [{name, unit, cents_per_unit}]',
      'plan b: price.metered must be true or false',
      'plan c: meters are only for metered plans (price.metered: true)',
      'plan d: a plan is either contract or metered, not both',
      'plan e: meter x: cents_per_unit must be a price in cents, 0 or more, with at most 6 decimal places (e.g. "0.001"), not "0.0000001"',
      'plan e: meter x is listed twice',
      'plan e: meters[2].name must be a non-empty string',
      'plan e: meter meters[2]: unit must be a non-empty string such as "request"',
      'plan e: meter meters[2]: cents_per_unit must be a price in cents, 0 or more, with at most 6 decimal places (e.g. "0.001"), not -2',
      'plan e: meters[3] must be an object with name, unit and cents_per_unit',
    ])
  })

  describe('on the API', () => {
    let b: BillingPlatform
    before(async () => {
      b = await startBillingPlatform('2024-05-10T08:00:00Z')
      await b.p.api.post('apps', {json: {name: 'plans-app'}})
      await b.create('plans-app', 'metered', 'counter')
    })
    after(async () => {
      await b?.close()
    })

    test('price.metered and the meters are shown under version=3.sdk only, as Heroku does', async () => {
      const plain = (await b.p.api.get<any>('addon-services/heroku-redis/plans/metered')).body
      assert.deepEqual(plain.price, {cents: 500, contract: false, unit: 'month'})
      assert.equal(plain.meters, undefined)
      const sdk = (await b.p.api.get<any>('addon-services/heroku-redis/plans/metered', {headers: {accept: SDK_ACCEPT}})).body
      assert.deepEqual(sdk.price, {cents: 500, contract: false, unit: 'month', metered: true})
      // prices kept exactly, in their shortest decimal form whatever form the manifest used
      assert.deepEqual(sdk.meters, [{name: 'requests', unit: 'request', cents_per_unit: '0.001'}, {name: 'storage', unit: 'GB', cents_per_unit: '12.5'}])
      const list = (await b.p.api.get<any[]>('addon-services/heroku-redis/plans', {headers: {accept: SDK_ACCEPT}})).body
      assert.deepEqual(list.map((p) => [p.name, p.price.metered]).sort(), [['heroku-redis:enterprise', false], ['heroku-redis:metered', true], ['heroku-redis:mini', false], ['heroku-redis:premium-0', false]])
      assert.equal((await b.p.api.get<any>(`plans/${sdk.id}`, {headers: {accept: SDK_ACCEPT}})).body.price.metered, true)
    })

    test("an add-on's expanded plan says metered under 3.sdk (what `heroku addons` reads)", async () => {
      const headers = {accept: SDK_ACCEPT, 'accept-expansion': 'addon_service,plan'}
      const [addon] = (await b.p.api.get<any[]>('apps/plans-app/addons', {headers})).body
      assert.deepEqual([addon.plan.price.metered, addon.billed_price], [true, {cents: 500, contract: false, unit: 'month'}])
      const plainAddon = (await b.p.api.get<any[]>('apps/plans-app/addons', {headers: {'accept-expansion': 'plan'}})).body[0]
      assert.equal('metered' in plainAddon.plan.price, false)
    })
  })
})
