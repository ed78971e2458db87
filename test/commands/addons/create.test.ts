import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon} from '../../lib/addons/fakes.js'
import {expectCreate, expectRelease} from '../../lib/addons/scopes.js'




describe('addons:create', () => {
  beforeEach(() => {
    process.env.ADDONKIT_WAIT_INTERVAL_MS = '1'
  })
  afterEach(() => {
    nock.cleanAll()
    delete process.env.ADDONKIT_WAIT_INTERVAL_MS
  })

  it('sends the plan, name, alias and provider options, and prints the provider message', async () => {
    const created = addon('important-redis', {config_vars: ['BROKER_URL'], provision_message: 'Your redis is ready.'})
    const scope = nock(API)
    expectCreate(scope, 'example-app', {
        plan: {name: 'heroku-redis:mini'},
        name: 'important-redis',
        attachment: {name: 'BROKER'},
        config: {maxmemory_policy: 'noeviction', fast: 'true', version: '7', tls: 'on'},
    }).reply(201, created)
    expectRelease(scope, 'example-app', 9)
    const {stdout, stderr, exitCode} = await runCli([
      'addons:create', 'heroku-redis:mini', '--app', 'example-app', '--name', 'important-redis', '--as', 'BROKER',
      '--', 'maxmemory_policy=noeviction', '--fast', '--version', '7', '--tls=on',
    ])
    assert.equal(stderr, [
      'Creating important-redis... done, ($3/month)',
      'Adding important-redis to example-app... done',
      'Setting BROKER_URL and restarting example-app... done, v9',
      '',
    ].join('\n'))
    assert.equal(stdout, 'Your redis is ready.\n')
    assert.equal(exitCode, 0)
    scope.done()
  })
})
