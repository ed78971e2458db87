import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import type {Got} from 'got'
import {ApiClient} from '../../../src/lib/api/client.js'
import type {BillingStatement} from '../../../src/wire/billing.js'
import {formatStatement} from '../../../src/wire/billing-statement-text.js'
import {runCli} from '../../helpers/cli.js'
import {OWNER} from '../../platform/helpers.js'
import {buildFixtureMonth, startBillingPlatform, type BillingPlatform} from '../../platform/billing/fixture-month.js'

// `addonkit billing`, `usage` and the billing lines of `addons:info`, `addons:plans` and `addons`,
// against a platform holding the fixture month (test/platform/billing/fixture-month.ts) on its fake clock.
describe('billing commands against the platform', () => {
  let b: BillingPlatform
  let counter: {id: string; partner: Got}
  const addonkit = (...argv: string[]) => runCli(argv, {deps: {api: new ApiClient({target: {url: b.p.url, token: OWNER.apiKey, source: 'env'}, retries: 0})}})

  before(async () => {
    b = await startBillingPlatform('2023-02-14T00:00:00Z')
    ;({counter} = await buildFixtureMonth(b))
  })
  after(async () => {
    await b?.close()
  })

  it('billing --month: each add-on\'s plans, time on them and their cost, each meter, app by app, and the total', async () => {
    const {stdout, stderr, exitCode} = await addonkit('billing', '--month', '2024-02')
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      '=== Add-on costs, February 2024 (closed)',
      '',
      '=== billed-app: $6.43966',
      'Add-on                  Plan                                       Used    Cost',
      '----------------------  -----------------------------------------  ------  ----------',
      'busy-cache (destroyed)  heroku-redis:mini, heroku-redis:premium-0  15d 6h  $3.43966',
      'legal-db                heroku-redis:enterprise                    29d     contract',
      'long-cache              heroku-redis:mini                          29d     $3.00',
      '',
      '=== other-app: $6.54706',
      'Add-on   Plan                           Used                        Cost',
      '-------  -----------------------------  --------------------------  ----------',
      'counter  heroku-redis:metered           29d                         $5.00',
      'counter  heroku-redis:metered requests  123,456 × $0.00001/request  $1.23456',
      'counter  heroku-redis:metered storage   2.5 × $0.125/GB             $0.3125',
      '',
      'Total: $12.98672 (invoice 202402: $12.99)',
      '',
    ].join('\n'))
  })

  it('billing -a APP --month: a line for each plan period', async () => {
    const {stdout, stderr, exitCode} = await addonkit('billing', '--month', '2024-02', '-a', 'billed-app')
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      '=== Add-on costs of billed-app, February 2024 (closed)',
      '',
      '=== billed-app: $6.43966',
      'Add-on                  Plan                     Used    Cost',
      '----------------------  -----------------------  ------  ----------',
      'busy-cache (destroyed)  heroku-redis:mini        5d 12h  $0.56897',
      'busy-cache (destroyed)  heroku-redis:premium-0   4d 12h  $2.32759',
      'busy-cache (destroyed)  heroku-redis:mini        5d 6h   $0.5431',
      'legal-db                heroku-redis:enterprise  29d     contract',
      'long-cache              heroku-redis:mini        29d     $3.00',
      '',
      'Total: $6.43966',
      '',
    ].join('\n'))
  })

  it('billing -a APP: that app only; --json: the API\'s breakdown', async () => {
    const one = await addonkit('billing', '--month', '2023-02', '-a', 'billed-app')
    assert.equal(one.exitCode, 0, one.stderr)
    assert.equal(one.stdout, [
      '=== Add-on costs of billed-app, February 2023 (closed)',
      '',
      '=== billed-app: $1.50',
      'Add-on                   Plan               Used  Cost',
      '-----------------------  -----------------  ----  -------',
      'short-cache (destroyed)  heroku-redis:mini  14d   $1.50',
      '',
      'Total: $1.50',
      '',
    ].join('\n'))
    const json = await addonkit('billing', '--json')
    assert.equal(json.exitCode, 0, json.stderr)
    assert.deepEqual(JSON.parse(json.stdout), (await b.p.api.get('account/billing/current')).body)
  })

  it('the platform writes the statement as billing prints it (Accept: text/plain), the same the CLI makes of its JSON', async () => {
    for (const [month, app] of [['2024-02', undefined], ['2024-02', 'billed-app'], ['2023-06', undefined]] as const) {
      const path = `${b.p.url}/account/billing/${month}${app ? `?app=${app}` : ''}`
      const headers = {authorization: `Bearer ${OWNER.apiKey}`}
      const text = await fetch(path, {headers: {...headers, accept: 'text/plain'}})
      assert.match(text.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/)
      const body = await text.text()
      const printed = await addonkit('billing', '--month', month, ...(app ? ['-a', app] : []))
      assert.equal(printed.stdout, body)
      const json = (await (await fetch(path, {headers})).json()) as BillingStatement
      assert.equal(formatStatement(json, app), body)
    }
  })

  it('billing: this month so far, to the platform\'s clock; nothing billed says so', async () => {
    const {stdout} = await addonkit('billing')
    assert.equal(stdout.split('\n')[0], '=== Add-on costs, March 2024 so far (to 2024-03-10 00:00:00 UTC)')
    const empty = await addonkit('billing', '--month', '2023-06')
    assert.equal(empty.stdout, '=== Add-on costs, June 2023 (closed)\n\nNo add-on costs in 2023-06.\n')
  })

  it('billing --month that is not a month: one line, exit 2; a month not begun: the platform\'s message, exit 1', async () => {
    const bad = await addonkit('billing', '--month', '2024-2')
    assert.deepEqual([bad.exitCode, bad.stderr, bad.stdout], [2, 'Error: --month 2024-2 is not a month: use YYYY-MM, e.g. 2024-02.\n', ''])
    const future = await addonkit('billing', '--month', '2031-01')
    assert.deepEqual([future.exitCode, future.stderr], [1, 'Error: 2031-01 has not begun: its costs are not known yet.\n'])
  })

  it('usage -a APP: this month\'s meters of the app\'s add-ons', async () => {
    const none = await addonkit('usage', '-a', 'other-app')
    assert.deepEqual([none.exitCode, none.stdout], [0, 'No usage found for app other-app\n'])
    assert.equal((await counter.partner.post(`addons/${counter.id}/usage`, {json: {id: 'march-1', meters: {requests: 1_234_567, storage: 0.75}}})).statusCode, 201)
    const {stdout, exitCode} = await addonkit('usage', '-a', 'other-app')
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== Usage for other-app',
      'Add-on   Meter     Quantity',
      '-------  --------  -----------',
      'counter  requests  1,234,567',
      'counter  storage   0.75',
      '',
    ].join('\n'))
    const json = await addonkit('usage', '-a', 'other-app', '--json')
    assert.deepEqual(JSON.parse(json.stdout), {addons: [{id: counter.id, meters: {requests: {quantity: 1_234_567}, storage: {quantity: 0.75}}}]})
  })

  it('addons:info: "Cost this month", or contract', async () => {
    const long = await addonkit('addons:info', 'long-cache')
    assert.equal(long.exitCode, 0, long.stderr)
    assert.match(long.stdout, /\nCost this month: \$0\.87097\n/)
    const legal = await addonkit('addons:info', 'legal-db')
    assert.match(legal.stdout, /\nCost this month: contract\n/)
    assert.match(legal.stdout, /\nPrice:           contract\n/)
  })

  it('addons:plans and addons: metered plans say so, with their meters\' prices', async () => {
    const plans = await addonkit('addons:plans', 'heroku-redis')
    assert.equal(plans.exitCode, 0, plans.stderr)
    assert.equal(plans.stdout, [
      '         Slug                     Name        Price',
      '-------  -----------------------  ----------  -----------',
      'default  heroku-redis:mini        mini        $3/month',
      '         heroku-redis:premium-0   premium-0   $15/month',
      '         heroku-redis:enterprise  enterprise  contract',
      '         heroku-redis:metered     metered     metered',
      '',
      '=== Metered prices',
      'Plan                  Base      Meter     Price',
      '--------------------  --------  --------  ------------------',
      'heroku-redis:metered  $5/month  requests  $0.00001/request',
      'heroku-redis:metered  $5/month  storage   $0.125/GB',
      '',
    ].join('\n'))
    const addons = await addonkit('addons', '--app', 'other-app')
    assert.match(addons.stdout, /heroku-redis:metered\s+counter\s+metered\n/)
  })
})
