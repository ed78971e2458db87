// kv's pay-as-you-go plan end to end: the platform mounts kv, an app uses its KV_URL, and kv reports
// the requests it served to the platform with the add-on's partner token (POST /addons/{id}/usage),
// where they show as the month's usage and cost; kv's dashboard shows them too.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {ssoToken} from '../../src/providers/kit/sso-token.js'
import {SDK_ACCEPT, type AddonBill, type AppUsage, type BillingStatement} from '../../src/wire/billing.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../platform/helpers.js'

// read by kv when the platform mounts it: a report every second instead of every minute
process.env.ADDONKIT_USAGE_INTERVAL_MS = '1000'

describe('kv pay-as-you-go', () => {
  let p: TestPlatform
  const warnings: string[] = []

  const kvClient = (kvUrl: string, token?: string) => {
    const url = new URL(kvUrl)
    const authorization = `Basic ${Buffer.from(`${token ?? url.username}:`).toString('base64')}`
    url.username = ''
    return (method: string, key: string, body?: string) => fetch(`${url}/${key}`, {method, body, headers: {authorization}})
  }
  const requestsReported = async (app: string) => {
    const usage = (await p.api.get<AppUsage>(`apps/${app}/usage`, {headers: {accept: SDK_ACCEPT}})).body
    return usage.addons[0]?.meters.requests?.quantity ?? 0
  }
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 150; i++) {
      if (await check()) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.fail(`never happened: ${what}; warnings: ${warnings.join(' | ')}`)
  }
  const createKv = async (app: string, name: string) => {
    assert.equal((await p.api.post('apps', {json: {name: app}})).statusCode, 201)
    const created = await p.api.post<{id: string}>(`apps/${app}/addons`, {json: {plan: 'kv:payg', name}})
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
    const vars = (await p.api.get<Record<string, string>>(`apps/${app}/config-vars`)).body
    return {id: created.body.id, store: kvClient(vars.KV_URL), intruder: kvClient(vars.KV_URL, 'not-the-token')}
  }

  before(async () => {
    p = await startTestPlatform([], {builtinProviders: true, accounts: [OWNER], log: (line) => warnings.push(line)})
  })
  after(async () => {
    await p?.close()
  })

  test('the plan is metered: nothing a month, $1 per 100,000 requests', async () => {
    const plan = (await p.api.get<any>('addon-services/kv/plans/payg', {headers: {accept: SDK_ACCEPT}})).body
    assert.deepEqual([plan.price, plan.meters], [{cents: 0, contract: false, unit: 'month', metered: true}, [{name: 'requests', unit: 'request', cents_per_unit: '0.001'}]])
  })

  test('the requests a test made are reported, cost 0.001 cents each, and show on the dashboard', async () => {
    const {id, store, intruder} = await createKv('payg-app', 'payg-kv')
    for (let i = 0; i < 6; i++) assert.equal((await store('PUT', `key-${i}`, `value-${i}`)).status, 204)
    for (let i = 0; i < 6; i++) assert.equal((await store('GET', `key-${i}`)).status, 200)
    // refused before they reach the store: not counted
    for (let i = 0; i < 3; i++) assert.equal((await intruder('GET', 'key-0')).status, 401)
    await until('12 requests reported', async () => (await requestsReported('payg-app')) === 12)

    const month = (await p.api.get<BillingStatement<AddonBill>>('account/billing/current?app=payg-app')).body
    const bill = month.apps[0].addons[0]
    assert.deepEqual(bill.meters.map((m) => [m.plan.name, m.name, m.quantity, m.cost_millicents]), [['kv:payg', 'requests', 12, 12]])
    assert.deepEqual(bill.periods.map((period) => [period.plan.name, period.cost_millicents]), [['kv:payg', 0]])

    const manifest = p.platform.services.catalog.serviceByName('kv')!.manifest
    const timestamp = String(Math.floor(Date.now() / 1000))
    const login = await fetch((manifest.api.production as {sso_url: string}).sso_url, {
      method: 'POST',
      body: new URLSearchParams({resource_id: id, resource_token: ssoToken(id, manifest.api.sso_salt!, timestamp), timestamp}),
      redirect: 'manual',
    })
    assert.equal(login.status, 303)
    const cookie = login.headers.getSetCookie()[0].split(';')[0]
    const page = await (await fetch(new URL(login.headers.get('location')!, p.url), {headers: {cookie}})).text()
    assert.match(page, /Requests this month[\s\S]{0,40}>12</)
  })

  test('requests made just before a deprovision are reported before the add-on goes', async () => {
    const {id, store} = await createKv('short-app', 'short-kv')
    for (let i = 0; i < 5; i++) assert.equal((await store('PUT', `k${i}`, 'v')).status, 204)
    assert.equal((await p.api.delete(`apps/short-app/addons/${id}`)).statusCode, 200)
    assert.equal(await requestsReported('short-app'), 5, warnings.filter((l) => !/^(GET|POST|PUT|PATCH|DELETE) /.test(l)).join("\n"))
    assert.ok(!warnings.some((line) => /not reported/.test(line)), warnings.join('\n'))
  })
})
