import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import {greeter, manifest} from '../../../src/providers/examples/minimal.js'
import {providerClient, provisionBody} from '../provider-client.js'

const app = Fastify()
let client: ReturnType<typeof providerClient>

before(async () => {
  await app.register(greeter)
  client = providerClient(await app.listen({host: '127.0.0.1', port: 0}), manifest)
})
after(() => app.close())

test('the minimal example provisions, changes plan and deprovisions', async () => {
  const body = provisionBody({name: 'acme-greeter'})
  const created = await client.provision(body)
  assert.equal(created.status, 200)
  assert.equal(created.body.id, body.uuid)
  assert.match(created.body.config.GREETER_URL, /^https:\/\/greeter\.example\.com\/[0-9a-f]{32}$/)
  assert.equal(created.body.message, 'Hello, acme-greeter!')
  assert.deepEqual(await client.planChange(created.body.id, 'test'), {status: 200, body: {message: 'Now on test.'}})
  assert.equal((await client.deprovision(created.body.id)).status, 204)
  assert.equal((await client.deprovision(created.body.id)).status, 410)
})
