import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {ApiClient} from '../../../src/lib/api/client.js'
import {getStatementText} from '../../../src/lib/billing/requests.js'
import type {BillingStatement} from '../../../src/wire/billing.js'

const URL_ = 'https://api.billing-test'
const client = () => new ApiClient({target: {url: URL_, token: 'secret-token', source: 'env'}, retries: 0})

const statement: BillingStatement = {
  month: '2024-02', period_start: '2024-02-01T00:00:00Z', period_end: '2024-03-01T00:00:00Z', as_of: '2024-03-01T00:00:00Z', state: 'closed',
  invoice: {number: 202402},
  apps: [{
    app: {id: 'app-1', name: 'shop'},
    addons: [{addon: {id: 'a-1', name: 'cache'}, addon_service: {name: 'heroku-redis'}, active: true, seconds: 1_209_600, plans: ['heroku-redis:mini'], meters: [], contract: false, cost_millicents: 150_000}],
    cost_millicents: 150_000,
  }],
  cost_millicents: 150_000,
}

// `addonkit billing` asks for the statement as text; the client's side of it.
describe('getStatementText', () => {
  afterEach(() => nock.cleanAll())

  it('asks for text and hands back what the platform wrote, as it came', async () => {
    const text = '=== Add-on costs, February 2024 (closed)\n\n{"not": "parsed"}\n'
    const scope = nock(URL_, {reqheaders: {accept: 'text/plain'}}).get('/account/billing/2024-02').query({app: 'shop'}).reply(200, text, {'content-type': 'text/plain; charset=utf-8'})
    assert.equal(await getStatementText(client(), '2024-02', 'shop'), text)
    scope.done()
  })

  it('formats a platform\'s JSON answer itself, the way the platform writes it', async () => {
    const scope = nock(URL_).get('/account/billing/current').reply(200, statement, {'content-type': 'application/json'})
    assert.equal(await getStatementText(client(), undefined, undefined), [
      '=== Add-on costs, February 2024 (closed)',
      '',
      '=== shop: $1.50',
      'Add-on  Plan               Used  Cost',
      '------  -----------------  ----  -------',
      'cache   heroku-redis:mini  14d   $1.50',
      '',
      'Total: $1.50 (invoice 202402: $1.50)',
      '',
    ].join('\n'))
    scope.done()
  })
})
