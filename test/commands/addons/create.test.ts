import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon} from '../../lib/addons/fakes.js'
import {confirmationRequired, expectCreate, expectRelease} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const redis = {plan: {name: 'heroku-redis'}, config: {}}

describe('addons:create', () => {
  beforeEach(() => {
    process.env.ADDONKIT_WAIT_INTERVAL_MS = '1'
  })
  afterEach(() => {
    nock.cleanAll()
    delete process.env.ADDONKIT_WAIT_INTERVAL_MS
  })

  it('sends the plan, name, alias and provider options, and prints the provider message on stdout', async () => {
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
    assert.equal(
      stderr,
      lines(
        'Creating important-redis... done, ($3/month)',
        'Adding important-redis to example-app... done',
        'Setting BROKER_URL and restarting example-app... done, v9',
      ),
    )
    assert.equal(stdout, 'Your redis is ready.\n')
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('a free plan shows (free) and every config var is named', async () => {
    const created = addon('tiny-kv', {plan: 'heroku-kv:hobby', cents: 0, config_vars: ['KV_URL', 'KV_TOKEN']})
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-kv:hobby'}, config: {}}).reply(201, created)
    expectRelease(scope, 'example-app', 4)
    const {stderr} = await runCli(['addons:create', 'heroku-kv:hobby', '-a', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Creating tiny-kv... done, (free)',
        'Adding tiny-kv to example-app... done',
        'Setting KV_URL, KV_TOKEN and restarting example-app... done, v4',
      ),
    )
    scope.done()
  })

  it('an add-on provisioning in the background is announced, without waiting', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(201, addon('slow-redis', {state: 'provisioning'}))
    const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Creating slow-redis... done, ($3/month)',
        'slow-redis is being created in the background. The app will restart when complete...',
        'Use addonkit addons:info slow-redis to check creation progress',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('--wait polls until provisioned, then sets the vars', async () => {
    const pending = addon('slow-redis', {state: 'provisioning'})
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(201, pending)
    const poll = () => scope.get(`/apps/example-app/addons/${pending.id}`).matchHeader('accept-expansion', 'addon_service,plan')
    poll().reply(200, pending)
    poll().reply(200, {...pending, state: 'provisioned', config_vars: ['REDIS_URL']})
    expectRelease(scope, 'example-app', 5)
    const {stdout, stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--wait', '--json'])
    assert.equal(
      stderr,
      lines(
        'Creating slow-redis... done, ($3/month)',
        'Waiting for slow-redis... done',
        'Adding slow-redis to example-app... done',
        'Setting REDIS_URL and restarting example-app... done, v5',
      ),
    )
    assert.equal(JSON.parse(stdout).state, 'provisioned')
    assert.equal(exitCode, 0)
    scope.done()
  })

  const endings: Array<[string, number, object]> = [
    ['deprovisioned', 200, {...addon('slow-redis'), state: 'deprovisioned'}],
    ['gone (404)', 404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'}],
  ]
  for (const [ending, status, body] of endings) {
    it(`--wait fails when the add-on ends ${ending}`, async () => {
      const pending = addon('slow-redis', {state: 'provisioning'})
      const scope = nock(API)
      expectCreate(scope, 'example-app', redis).reply(201, pending)
      scope.get(`/apps/example-app/addons/${pending.id}`).reply(status, body)
      const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--wait'])
      assert.equal(
        stderr,
        lines(
          'Creating slow-redis... done, ($3/month)',
          'Waiting for slow-redis... !',
          'Error: The add-on was unable to be created, with status deprovisioned',
        ),
      )
      assert.equal(exitCode, 1)
      scope.done()
    })
  }

  it('confirmation_required: shows the API message, asks on a TTY, retries with confirm', async () => {
    const message = 'This add-on is not automatically networked with this Private Space.'
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(423, confirmationRequired(message))
    expectCreate(scope, 'example-app', {...redis, confirm: 'example-app'}).reply(201, addon('space-redis', {config_vars: ['REDIS_URL']}))
    expectRelease(scope, 'example-app', 6)
    const {stderr, exitCode, asked} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'], {tty: true, answers: ['example-app']})
    assert.equal(
      stderr,
      lines(
        ` !    ${message}`,
        ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
        'Creating space-redis... done, ($3/month)',
        'Adding space-redis to example-app... done',
        'Setting REDIS_URL and restarting example-app... done, v6',
      ),
    )
    assert.deepEqual(asked, ['>'])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('confirmation_required off a TTY: one-line error naming --confirm, exit 2, no retry', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(423, confirmationRequired('This add-on is not automatically networked with this Private Space.'))
    const {stderr, exitCode, asked} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'])
    assert.equal(
      stderr,
      'Error: This add-on is not automatically networked with this Private Space: re-run this command with --confirm example-app\n',
    )
    assert.equal(exitCode, 2)
    assert.deepEqual(asked, [])
    scope.done()
  })

  it('a refused prompt aborts with exit 2 and no retry', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(423, confirmationRequired('Overwrite?'))
    const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'], {tty: true, answers: ['nope']})
    assert.match(stderr, /Error: Confirmation did not match example-app\. Aborted\.\n$/)
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('--confirm APP is sent with the first request; --confirm OTHER is refused before any request', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', {...redis, confirm: 'example-app'}).reply(201, addon('shining-calmly-4402', {config_vars: ['REDIS_URL']}))
    expectRelease(scope, 'example-app', 3)
    const confirmed = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--confirm', 'example-app'])
    assert.equal(confirmed.exitCode, 0)
    const refused = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--confirm', 'other-app'])
    assert.equal(refused.stderr, 'Error: Confirmation other-app did not match example-app. Re-run with --confirm example-app.\n')
    assert.equal(refused.exitCode, 2)
    scope.done()
  })

  it('--json prints the created add-on', async () => {
    const created = addon('shining-calmly-4402', {config_vars: ['REDIS_URL']})
    const scope = nock(API)
    expectCreate(scope, 'example-app', redis).reply(201, created)
    expectRelease(scope, 'example-app', 3)
    const {stdout, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--json'])
    assert.deepEqual(JSON.parse(stdout), created)
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('an unknown plan of a known service: the API message, then the valid plans, exit 1', async () => {
    const message = 'Couldn\'t find either the add-on service or the add-on plan of "heroku-redis:huge".'
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis:huge'}, config: {}}).reply(422, {id: 'invalid_params', message})
    scope.get('/addon-services/heroku-redis/plans').reply(200, [
      {name: 'heroku-redis:premium-0', price: {cents: 1500, contract: false, unit: 'month'}},
      {name: 'heroku-redis:mini', price: {cents: 300, contract: false, unit: 'month'}},
    ])
    const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis:huge', '--app', 'example-app'])
    assert.equal(stderr, `Error: ${message} Valid plans: mini, premium-0.\n`)
    assert.equal(exitCode, 1)
    scope.done()
  })

  it('an unknown service: the API message unchanged, exit 1', async () => {
    const message = 'Couldn\'t find either the add-on service or the add-on plan of "nosuch".'
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'nosuch'}, config: {}}).reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['addons:create', 'nosuch', '--app', 'example-app'])
    assert.equal(stderr, `Error: ${message}\n`)
    assert.equal(exitCode, 1)
    scope.done()
  })

  it('a provider option that is not KEY=VALUE is a usage error and sends nothing', async () => {
    const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--', 'oops'])
    assert.equal(stderr, 'Error: oops is invalid. Provider options must be KEY=VALUE, --key value or --flag.\n')
    assert.equal(exitCode, 2)
  })
})
