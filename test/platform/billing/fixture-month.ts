import assert from 'node:assert/strict'
import got, {type Got} from 'got'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'
import {PASSWORD, startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, startTestPlatform, type TestPlatform} from '../helpers.js'

// Plans of the billing tests: $3 and $15 a month, a contract plan, and a metered plan ($5 a month
// base, $1 per 100,000 requests, 12.5 cents per GB).
export const BILLING_PLANS: ProviderManifest['plans'] = [
  {name: 'mini', price: {cents: 300, unit: 'month'}, default: true},
  {name: 'premium-0', price: {cents: 1500, unit: 'month'}},
  {name: 'enterprise', price: {cents: 100_000, unit: 'month', contract: true}},
  {
    name: 'metered', price: {cents: 500, unit: 'month', metered: true},
    meters: [{name: 'requests', unit: 'request', cents_per_unit: '0.001'}, {name: 'storage', unit: 'GB', cents_per_unit: 12.5}],
  },
]

// A clock tests move by hand: the platform counts billing by it.
export class FakeClock {
  private ms: number
  constructor(iso: string) {
    this.ms = Date.parse(iso)
  }
  set(iso: string): void {
    this.ms = Date.parse(iso)
  }
  now = (): Date => new Date(this.ms)
}

export interface BillingPlatform {
  p: TestPlatform
  provider: TestProvider
  clock: FakeClock
  // creates an add-on at the clock's time; its partner token (the grant exchanged) when asked
  create(app: string, plan: string, name: string): Promise<{id: string; partner: Got}>
  close(): Promise<void>
}

export async function startBillingPlatform(startIso: string): Promise<BillingPlatform> {
  const clock = new FakeClock(startIso)
  const provider = await startTestProvider({plans: BILLING_PLANS})
  const p = await startTestPlatform([provider.manifest], {clock: clock.now})
  return {
    p, provider, clock,
    async create(app, plan, name) {
      const created = await p.api.post<{id: string}>(`apps/${app}/addons`, {json: {plan: `heroku-redis:${plan}`, name}})
      assert.equal(created.statusCode, 201, JSON.stringify(created.body))
      const code = provider.provisions.at(-1)!.oauth_grant.code as string
      const token = await got.post(`${p.url}/oauth/token`, {form: {grant_type: 'authorization_code', code, client_secret: PASSWORD}}).json<{access_token: string}>()
      return {id: created.body.id, partner: client(p.url, token.access_token)}
    },
    async close() {
      await p.close()
      await provider.close()
    },
  }
}

/**
 * The fixture month, February 2024 (29 days), and what led to it, each step at its time:
 * - short-cache (mini, $3): 2023-02-14 to 2023-02-28, half of a 28-day February;
 * - long-cache (mini): from 2024-01-20, still there (January, February, March so far);
 * - legal-db (enterprise, contract) and counter (metered: $5 base, 123,456 requests and 2.5 GB
 *   reported on the 20th) from 2024-02-01, on other-app for counter;
 * - busy-cache: created 2024-02-10 on mini, premium-0 from the 15th at noon, mini again from the 20th,
 *   destroyed the 25th at 06:00.
 * The clock is left at 2024-03-10T00:00:00Z.
 */
export async function buildFixtureMonth(b: BillingPlatform): Promise<{counter: {id: string; partner: Got}}> {
  const {p, clock} = b
  const step = async (iso: string, work: () => Promise<unknown>) => {
    clock.set(iso)
    await work()
  }
  const ok = async (response: Promise<{statusCode: number; body: unknown}>) => {
    const res = await response
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${res.statusCode} ${JSON.stringify(res.body)}`)
  }
  await step('2023-02-14T00:00:00Z', async () => {
    await ok(p.api.post('apps', {json: {name: 'billed-app'}}))
    await ok(p.api.post('apps', {json: {name: 'other-app'}}))
    await b.create('billed-app', 'mini', 'short-cache')
  })
  await step('2023-02-28T00:00:00Z', () => ok(p.api.delete('apps/billed-app/addons/short-cache')))
  await step('2024-01-20T00:00:00Z', () => b.create('billed-app', 'mini', 'long-cache'))
  let counter: {id: string; partner: Got} | undefined
  await step('2024-02-01T00:00:00Z', async () => {
    await b.create('billed-app', 'enterprise', 'legal-db')
    counter = await b.create('other-app', 'metered', 'counter')
  })
  await step('2024-02-10T00:00:00Z', () => b.create('billed-app', 'mini', 'busy-cache'))
  await step('2024-02-15T12:00:00Z', () => ok(p.api.patch('apps/billed-app/addons/busy-cache', {json: {plan: 'heroku-redis:premium-0'}})))
  await step('2024-02-20T00:00:00Z', async () => {
    await ok(p.api.patch('apps/billed-app/addons/busy-cache', {json: {plan: 'heroku-redis:mini'}}))
    await ok(counter!.partner.post(`addons/${counter!.id}/usage`, {json: {id: 'feb-20', meters: {requests: 123_456, storage: 2.5}}}))
  })
  await step('2024-02-25T06:00:00Z', () => ok(p.api.delete('apps/billed-app/addons/busy-cache')))
  clock.set('2024-03-10T00:00:00Z')
  return {counter: counter!}
}
