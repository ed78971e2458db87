import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const addon = (name: string, state: string) => ({
  id: `id-${name}`,
  name,
  addon_service: {id: 'svc-1', name: 'heroku-redis'},
  plan: {id: 'plan-1', name: 'heroku-redis:mini'},
  app: {id: 'app-1', name: 'example-app'},
  state,
})
const noDelay = {deps: {env: {ADDONKIT_WAIT_INTERVAL_MS: '0'}}}

describe('addons:wait', () => {
  afterEach(() => nock.cleanAll())

  it("waits for each of the app's pending add-ons in turn", async () => {
    const scope = nock(API)
      .get('/apps/example-app/addons')
      .reply(200, [addon('creating-one', 'provisioning'), addon('ready-one', 'provisioned'), addon('going-one', 'deprovisioning')])
      .get('/apps/example-app/addons/id-creating-one')
      .reply(200, addon('creating-one', 'provisioning'))
      .get('/apps/example-app/addons/id-creating-one')
      .reply(200, addon('creating-one', 'provisioned'))
      .get('/apps/example-app/addons/id-going-one')
      .reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
    const {stdout, stderr, exitCode} = await runCli(['addons:wait', '--app', 'example-app'], noDelay)
    assert.equal(exitCode, 0)
    assert.equal(stdout, '')
    assert.match(stderr, /Waiting for creating-one\.\.\. done\n/)
    assert.match(stderr, /Waiting for going-one\.\.\. done\n/)
    assert.doesNotMatch(stderr, /ready-one/)
    scope.done()
  })

  it('waits for one named add-on, with --wait-interval', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'creating-one', app: null})
      .reply(200, [addon('creating-one', 'provisioning')])
      .get('/apps/example-app/addons/id-creating-one')
      .reply(200, addon('creating-one', 'provisioned'))
    const {stderr, exitCode} = await runCli(['addons:wait', 'creating-one', '--wait-interval', '0'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Waiting for creating-one\.\.\. done\n/)
    scope.done()
  })

  it('fails when the provider gave up on the creation', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'creating-one', app: 'example-app'})
      .reply(200, [addon('creating-one', 'provisioning')])
      .get('/apps/example-app/addons/id-creating-one')
      .reply(200, addon('creating-one', 'deprovisioned'))
    const {stderr, exitCode} = await runCli(['addons:wait', 'creating-one', '-a', 'example-app'], noDelay)
    assert.equal(exitCode, 1)
    assert.match(stderr, /\nError: The add-on was unable to be created, with status deprovisioned\n$/)
    scope.done()
  })

  it('needs an add-on or --app, and asks nothing of the API without them', async () => {
    const {stderr, exitCode} = await runCli(['addons:wait'], {deps: {env: {}}})
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Name an add-on or pass --app APP to wait for all of its add-ons.\n')
  })

  it('an unknown app exits 3', async () => {
    const scope = nock(API)
      .get('/apps/nope/addons')
      .reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['addons:wait', '--app', 'nope'], noDelay)
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    scope.done()
  })
})
