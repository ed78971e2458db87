import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import got from 'got'
import {PASSWORD, startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, startTestPlatform, type TestPlatform} from '../helpers.js'

const HOUR = 60 * 60 * 1000

describe('the 12-hour deadline for asynchronous provisioning', () => {
  let provider: TestProvider
  let p: TestPlatform
  const log: string[] = []

  before(async () => {
    provider = await startTestProvider()
    provider.behaviour = 'async'
    p = await startTestPlatform([provider.manifest], {log: (line) => log.push(line)})
    await p.api.post('apps', {json: {name: 'slow-app'}})
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  async function createAsync(name: string): Promise<string> {
    const created = await p.api.post<{id: string; state: string}>('apps/slow-app/addons', {json: {plan: 'heroku-redis', name}})
    assert.equal(created.body.state, 'provisioning')
    return provider.provisions.at(-1)!.uuid
  }

  test('an add-on still provisioning after 12 hours is removed and the provider asked to delete it', async () => {
    const uuid = await createAsync('never-ready')
    const form = new URLSearchParams({grant_type: 'authorization_code', code: provider.provisions.at(-1)!.oauth_grant.code, client_secret: PASSWORD})
    const token = await got.post(`${p.url}/oauth/token`, {body: form.toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}}).json<{access_token: string}>()
    const partner = client(p.url, token.access_token)
    const releases = (await p.api.get<unknown[]>('apps/slow-app/releases')).body.length
    const {deadline} = p.platform.services

    assert.deepEqual(await deadline.expire(Date.now() + 11 * HOUR), [], 'not late yet')
    assert.equal((await p.api.get('apps/slow-app/addons/never-ready')).statusCode, 200)

    assert.deepEqual(await deadline.expire(Date.now() + 12 * HOUR + 1000), ['never-ready'])
    assert.equal((await p.api.get('apps/slow-app/addons/never-ready')).statusCode, 404)
    assert.deepEqual((await p.api.get<unknown[]>('apps/slow-app/addon-attachments')).body, [])
    // it never set a config var, so no release
    assert.equal((await p.api.get<unknown[]>('apps/slow-app/releases')).body.length, releases)
    assert.ok(log.some((line) => line === 'never-ready was still provisioning after 12 h: removed, and the provider asked to delete it'))
    for (let i = 0; i < 100 && !provider.deletes.includes(uuid); i++) await sleep(20)
    assert.ok(provider.deletes.includes(uuid), 'the provider got its DELETE')
    // finishing now is too late: the provider's token for the add-on died with it
    assert.equal((await partner.post(`addons/${uuid}/actions/provision`)).statusCode, 401)
  })

  test('an add-on the provider finished in time is left alone', async () => {
    await createAsync('ready-in-time')
    const row = await p.platform.services.partner.provision((await p.api.get<{id: string}>('apps/slow-app/addons/ready-in-time')).body.id)
    assert.equal(row.state, 'provisioned')
    assert.deepEqual(await p.platform.services.deadline.expire(Date.now() + 24 * HOUR), [])
    assert.equal((await p.api.get('apps/slow-app/addons/ready-in-time')).statusCode, 200)
  })
})
