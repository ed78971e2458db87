import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'
import {HerokuSchema, SCHEMA_PATH, schemaAvailable} from './heroku-schema.js'

// The release answers of rollback (POST /apps/{app}/releases), checked against Heroku's published
// schema like every other answer (platform-api.test.ts): each property present and typed as it says.
describe('release answers match the Heroku Platform API schema', {skip: schemaAvailable ? false : `no schema at ${SCHEMA_PATH}`}, () => {
  let provider: TestProvider
  let p: TestPlatform
  let schema: HerokuSchema

  const conforms = (resource: string, body: unknown, where: string) => schema.assertConforms(resource, body, where)

  before(async () => {
    schema = new HerokuSchema()
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    assert.equal((await p.api.post('apps', {json: {name: 'contract-releases'}})).statusCode, 201)
    assert.equal((await p.api.patch('apps/contract-releases/config-vars', {json: {GREETING: 'hello'}})).statusCode, 200)
    assert.equal((await p.api.post('apps/contract-releases/addons', {json: {plan: 'heroku-redis:mini'}})).statusCode, 201)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('rollback answers a release; the list, one release and its config vars conform after it', async () => {
    const first = (await p.api.get<any[]>('apps/contract-releases/releases')).body[0]
    const res = await p.api.post<any>('apps/contract-releases/releases', {json: {release: first.id}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    conforms('release', res.body, 'POST /apps/contract-releases/releases')
    assert.equal(typeof res.body.eligible_for_rollback, 'boolean')

    const list = await p.api.get<any[]>('apps/contract-releases/releases')
    conforms('release', list.body, 'GET /apps/contract-releases/releases')
    conforms('release', (await p.api.get<any>(`apps/contract-releases/releases/${res.body.version}`)).body, 'GET one release')
    const config = await p.api.get<any>(`apps/contract-releases/releases/${res.body.version}/config-vars`)
    assert.equal(config.statusCode, 200)
    conforms('config-var/definitions/config_vars', config.body, 'GET /apps/contract-releases/releases/{v}/config-vars')
  })
})
