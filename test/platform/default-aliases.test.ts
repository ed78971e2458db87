import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// Default aliases on an app full of one service: REDIS, then the colours, then numbers after the
// highest in use, each checked against attachments and user vars.
describe('default aliases past the colours', () => {
  let provider: TestProvider
  let p: TestPlatform

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
  })
  after(async () => {
    await p.close()
    await provider.close()
  })

  test('numbers follow the colours, skip a number a user var holds, and start after the highest in use', async () => {
    assert.equal((await p.api.post('apps', {json: {name: 'many-app'}})).statusCode, 201)
    const create = async () => {
      const res = await p.api.post<any>('apps/many-app/addons', {json: {plan: 'heroku-redis'}})
      assert.equal(res.statusCode, 201, JSON.stringify(res.body))
      return res.body
    }
    const aliasOf = async (addon: {id: string}) =>
      (await p.api.get<any[]>('apps/many-app/addon-attachments')).body.find((a) => a.addon.id === addon.id).name
    for (let i = 0; i < 37; i++) await create()
    const names = (await p.api.get<any[]>('apps/many-app/addon-attachments')).body.map((a) => a.name)
    assert.ok(names.includes('REDIS') && names.includes('HEROKU_REDIS_ROSE') && names.includes('HEROKU_REDIS_VIOLET'), names.join(' '))
    assert.equal(await aliasOf(await create()), 'HEROKU_REDIS_2')
    assert.equal((await p.api.patch('apps/many-app/config-vars', {json: {HEROKU_REDIS_3_URL: 'mine'}})).statusCode, 200)
    assert.equal(await aliasOf(await create()), 'HEROKU_REDIS_4')
    const attached = await p.api.post<any>('apps/many-app/addons', {json: {plan: 'heroku-redis', attachment: {name: 'HEROKU_REDIS_9'}}})
    assert.equal(attached.statusCode, 201)
    assert.equal(await aliasOf(await create()), 'HEROKU_REDIS_10')
    assert.equal((await p.api.get<any>('apps/many-app/config-vars')).body.HEROKU_REDIS_3_URL, 'mine')
  })
})
