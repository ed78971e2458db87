import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const app = {id: '9a6f4b0e-0000-4000-8000-000000000001', name: 'example-app'}
const at = '2024-05-01T12:00:00Z'
const userDrain = (url: string, token: string) => ({id: `id-${token}`, url, token, addon: null, app, created_at: at, updated_at: at})
const addonDrain = (addon: string, token: string) => ({
  id: `id-${token}`, url: `https://${addon}.example.com/drain`, token, addon: {id: `addon-${addon}`, name: addon, app}, app, created_at: at, updated_at: at,
})
const addon = (name: string, plan: string) => ({id: `addon-${name}`, name, plan: {id: `plan-${plan}`, name: plan}, app})

describe('drains', () => {
  afterEach(() => nock.cleanAll())

  it('prints the user\'s drains with their tokens, then the add-ons\' drains by plan and add-on', async () => {
    const drains = [
      userDrain('https://logs.example.com/drain', 'd.11111111-1111-4111-8111-111111111111'),
      addonDrain('reading-logbook', 'd.22222222-2222-4222-8222-222222222222'),
      userDrain('syslog+tls://logs.example.com:6514', 'd.33333333-3333-4333-8333-333333333333'),
      addonDrain('watching-papertrail', 'd.44444444-4444-4444-8444-444444444444'),
    ]
    const scope = nock(API)
      .get('/apps/example-app/log-drains').matchHeader('range', 'id ..; max=1000').reply(200, drains)
      .get('/apps/example-app/addons/reading-logbook').reply(200, addon('reading-logbook', 'logbook:free'))
      .get('/apps/example-app/addons/watching-papertrail').reply(200, addon('watching-papertrail', 'papertrail:choklad'))
    const {stdout, stderr, exitCode} = await runCli(['drains', '--app', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      '=== Drains',
      'https://logs.example.com/drain (d.11111111-1111-4111-8111-111111111111)',
      'syslog+tls://logs.example.com:6514 (d.33333333-3333-4333-8333-333333333333)',
      '',
      '=== Add-on Drains',
      'logbook:free (reading-logbook)',
      'papertrail:choklad (watching-papertrail)',
      '',
    ].join('\n'))
    assert.equal(stderr, '')
    scope.done()
  })

  it('leaves out an empty section; no drains at all says so on stderr', async () => {
    const scope = nock(API)
      .get('/apps/example-app/log-drains').reply(200, [addonDrain('reading-logbook', 'd.2')])
      .get('/apps/example-app/addons/reading-logbook').reply(200, addon('reading-logbook', 'logbook:free'))
      .get('/apps/empty-app/log-drains').reply(200, [])
    assert.equal((await runCli(['drains', '-a', 'example-app'])).stdout, '=== Add-on Drains\nlogbook:free (reading-logbook)\n')
    const empty = await runCli(['drains', '-a', 'empty-app'])
    assert.equal(empty.exitCode, 0)
    assert.equal(empty.stdout, '')
    assert.equal(empty.stderr, 'empty-app has no log drains.\n')
    scope.done()
  })

  it('--json prints the API array as it came, without asking for the add-ons', async () => {
    const drains = [userDrain('https://logs.example.com/drain', 'd.1'), addonDrain('reading-logbook', 'd.2')]
    const scope = nock(API).get('/apps/example-app/log-drains').reply(200, drains)
    const {stdout, exitCode} = await runCli(['drains', '-a', 'example-app', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), drains)
    scope.done()
  })

  it('needs an app; an unknown one exits 3 with the API message', async () => {
    const missing = await runCli(['drains'])
    assert.equal(missing.exitCode, 2)
    assert.equal(missing.stderr, 'Error: Missing required flag app\n')
    const scope = nock(API).get('/apps/no-such-app/log-drains').reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const unknown = await runCli(['drains', '-a', 'no-such-app'])
    assert.equal(unknown.exitCode, 3)
    assert.equal(unknown.stderr, "Error: Couldn't find that app.\n")
    scope.done()
  })
})

describe('drains:add', () => {
  afterEach(() => nock.cleanAll())

  it('adds the drain and says so', async () => {
    const added = userDrain('https://logs.example.com/drain', 'd.1')
    const scope = nock(API).post('/apps/example-app/log-drains', {url: 'https://logs.example.com/drain'}).reply(201, added)
    const {stdout, stderr, exitCode} = await runCli(['drains:add', 'https://logs.example.com/drain', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, 'Successfully added drain https://logs.example.com/drain\n')
    scope.done()
  })

  it('--json prints the drain', async () => {
    const added = userDrain('syslog://logs.example.com:514', 'd.1')
    const scope = nock(API).post('/apps/example-app/log-drains').reply(201, added)
    assert.deepEqual(JSON.parse((await runCli(['drains:add', 'syslog://logs.example.com:514', '-a', 'example-app', '--json'])).stdout), added)
    scope.done()
  })

  it('a refused URL shows the API message and exits 1; no URL is a usage error', async () => {
    const scope = nock(API).post('/apps/example-app/log-drains').reply(422, {id: 'invalid_params', message: 'Url has already been taken'})
    const taken = await runCli(['drains:add', 'https://logs.example.com/drain', '-a', 'example-app'])
    assert.equal(taken.exitCode, 1)
    assert.equal(taken.stdout, '')
    assert.equal(taken.stderr, 'Error: Url has already been taken\n')
    scope.done()
    const missing = await runCli(['drains:add', '-a', 'example-app'])
    assert.equal(missing.exitCode, 2)
    assert.equal(missing.stderr, 'Error: Missing required argument: URL\n')
  })
})

describe('drains:remove', () => {
  afterEach(() => nock.cleanAll())

  it('removes a drain named by its URL (sent encoded) or its token', async () => {
    const drain = userDrain('https://logs.example.com/drain?a=1', 'd.1')
    const scope = nock(API)
      .delete(`/apps/example-app/log-drains/${encodeURIComponent(drain.url)}`).reply(200, drain)
      .delete('/apps/example-app/log-drains/d.1').reply(200, drain)
    const byUrl = await runCli(['drains:remove', drain.url, '-a', 'example-app'])
    assert.equal(byUrl.exitCode, 0, byUrl.stderr)
    assert.equal(byUrl.stdout, 'Successfully removed drain https://logs.example.com/drain?a=1\n')
    const byToken = await runCli(['drains:remove', 'd.1', '-a', 'example-app'])
    assert.equal(byToken.stdout, 'Successfully removed drain https://logs.example.com/drain?a=1\n')
    scope.done()
  })

  it('an add-on\'s drain is refused (exit 1), an unknown one not found (exit 3), each with the API message', async () => {
    const scope = nock(API)
      .delete('/apps/example-app/log-drains/d.2').reply(422, {id: 'invalid_params', message: 'The log drain d.2 belongs to the add-on reading-logbook: it can only be removed by destroying the add-on.'})
      .delete('/apps/example-app/log-drains/d.9').reply(404, {id: 'not_found', message: "Couldn't find that log drain.", resource: 'log_drain'})
    const refused = await runCli(['drains:remove', 'd.2', '-a', 'example-app'])
    assert.equal(refused.exitCode, 1)
    assert.equal(refused.stderr, 'Error: The log drain d.2 belongs to the add-on reading-logbook: it can only be removed by destroying the add-on.\n')
    const unknown = await runCli(['drains:remove', 'd.9', '-a', 'example-app'])
    assert.equal(unknown.exitCode, 3)
    assert.equal(unknown.stderr, "Error: Couldn't find that log drain.\n")
    scope.done()
  })
})
