import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'
import {HerokuSchema, SCHEMA_PATH, schemaAvailable} from './heroku-schema.js'

// Invoices (GET /account/invoices, /account/invoices/{number}) checked against Heroku's published
// schema like every other answer (platform-api.test.ts): each property present and typed as it says.
describe('invoice answers match the Heroku Platform API schema', {skip: schemaAvailable ? false : `no schema at ${SCHEMA_PATH}`}, () => {
  let provider: TestProvider
  let p: TestPlatform
  let schema: HerokuSchema

  function conforms(body: unknown, where: string): void {
    const validate = schema.validator('invoice')
    const items = Array.isArray(body) ? body : [body]
    if (Array.isArray(body)) assert.ok(body.length > 0, `${where}: an empty list proves nothing`)
    for (const [i, item] of items.entries()) {
      const ok = validate(item)
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
      assert.ok(ok, `${where}${Array.isArray(body) ? `[${i}]` : ''} is not an invoice:\n  ${errors.join('\n  ')}`)
    }
  }

  before(async () => {
    schema = new HerokuSchema()
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    assert.equal((await p.api.post('apps', {json: {name: 'contract-invoices'}})).statusCode, 201)
    assert.equal((await p.api.post('apps/contract-invoices/addons', {json: {plan: 'heroku-redis:mini'}})).statusCode, 201)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('the list and one invoice conform', async () => {
    const list = await p.api.get<any[]>('account/invoices')
    assert.equal(list.statusCode, 200)
    conforms(list.body, 'GET /account/invoices')
    const one = await p.api.get<any>(`account/invoices/${list.body.at(-1).number}`)
    assert.equal(one.statusCode, 200)
    conforms(one.body, 'GET /account/invoices/{number}')
    assert.equal(one.body.state, 0)
    assert.match(one.body.period_start, /^\d{2}\/01\/\d{4}$/)
  })
})
