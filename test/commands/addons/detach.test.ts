import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {expectRelease} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const broker = addon('important-redis', {config_vars: ['BROKER_URL']})

describe('addons:detach', () => {
  afterEach(() => nock.cleanAll())

  it('removes the alias on another app by APP::NAME and prints that app\'s release', async () => {
    const onTasker = attachment('BROKER', broker, 'example-tasker')
    const scope = nock(API)
    scope.get('/apps/example-tasker/addon-attachments/BROKER').reply(200, onTasker)
    scope.delete(`/addon-attachments/${onTasker.id}`).reply(200, onTasker)
    expectRelease(scope, 'example-tasker', 4)
    const {stdout, stderr, exitCode} = await runCli(['addons:detach', 'example-tasker::BROKER', '--app', 'example-app', '--json'])
    assert.equal(
      stderr,
      lines(
        'Removing BROKER attachment to important-redis from example-tasker... done',
        'Unsetting BROKER vars and restarting example-tasker... done, v4',
      ),
    )
    assert.deepEqual(JSON.parse(stdout), onTasker)
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('the API refusing to remove the last attachment is shown unchanged, exit 1', async () => {
    const only = attachment('BROKER', broker)
    const message = 'Cannot remove the last attachment of an add-on from its billing app. Destroy the add-on instead.'
    const scope = nock(API)
    scope.get('/apps/example-app/addon-attachments/BROKER').reply(200, only)
    scope.delete(`/addon-attachments/${only.id}`).reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['addons:detach', 'BROKER', '--app', 'example-app'])
    assert.equal(stderr, lines('Removing BROKER attachment to important-redis from example-app... !', `Error: ${message}`))
    assert.equal(exitCode, 1)
    scope.done()
  })

  it('an unknown attachment exits 3 before anything changes', async () => {
    const scope = nock(API)
      .get('/apps/example-app/addon-attachments/NOPE')
      .reply(404, {id: 'not_found', message: "Couldn't find that add on attachment.", resource: 'add_on attachment'})
    const {stderr, exitCode} = await runCli(['addons:detach', 'NOPE', '--app', 'example-app'])
    assert.equal(stderr, "Error: Couldn't find an attachment named NOPE on example-app.\n")
    assert.equal(exitCode, 3)
    scope.done()
  })

  it('a 403 exits 4 with the API message', async () => {
    const scope = nock(API)
      .get('/apps/example-app/addon-attachments/REDIS')
      .reply(403, {id: 'forbidden', message: 'You do not have access to the app example-app.'})
    const {stderr, exitCode} = await runCli(['addons:detach', 'REDIS', '--app', 'example-app'])
    assert.equal(stderr, 'Error: You do not have access to the app example-app.\n')
    assert.equal(exitCode, 4)
    scope.done()
  })
})
