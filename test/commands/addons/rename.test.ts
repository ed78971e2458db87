import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const addon = {
  id: 'addon-1',
  name: 'shining-calmly-4402',
  addon_service: {id: 'svc-1', name: 'heroku-redis'},
  plan: {id: 'plan-1', name: 'heroku-redis:mini'},
  app: {id: 'app-1', name: 'example-app'},
  state: 'provisioned',
}

describe('addons:rename', () => {
  afterEach(() => nock.cleanAll())

  it('renames through the owning app and confirms', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'shining-calmly-4402', app: null})
      .reply(200, [addon])
      .patch('/apps/app-1/addons/addon-1', {name: 'important-redis'})
      .reply(200, {...addon, name: 'important-redis'})
    const {stdout, exitCode} = await runCli(['addons:rename', 'shining-calmly-4402', 'important-redis'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, 'shining-calmly-4402 successfully renamed to important-redis.\n')
    scope.done()
  })

  it('a taken name shows the API message and exits 1', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve')
      .reply(200, [addon])
      .patch('/apps/app-1/addons/addon-1')
      .reply(422, {id: 'invalid_params', message: 'Name important-redis is already taken.'})
    const {stdout, stderr, exitCode} = await runCli(['addons:rename', 'shining-calmly-4402', 'important-redis'])
    assert.equal(exitCode, 1)
    assert.equal(stdout, '')
    assert.equal(stderr, 'Error: Name important-redis is already taken.\n')
    scope.done()
  })
})
