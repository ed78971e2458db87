import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {expectAppListing} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')

describe('addons', () => {
  afterEach(() => nock.cleanAll())

  it('asks for pages of 1,000 and follows Next-Range across three pages of add-ons', async () => {
    const names = ['alpha-redis', 'bravo-redis', 'charlie-redis', 'delta-redis', 'echo-redis']
    const [a, b, c, d, e] = names.map((name) => addon(name))
    const scope = nock(API)
    scope.get('/apps/example-app/addons').matchHeader('range', 'id ..; max=1000').reply(200, [a, b], {'Next-Range': 'id ]addon-bravo-redis..; max=2'})
    scope.get('/apps/example-app/addons').matchHeader('range', 'id ]addon-bravo-redis..; max=2').reply(206, [c, d], {'Next-Range': 'id ]addon-delta-redis..; max=2'})
    scope.get('/apps/example-app/addons').matchHeader('range', 'id ]addon-delta-redis..; max=2').reply(200, [e])
    scope.get('/apps/example-app/addon-attachments').reply(200, [])
    const {stdout, exitCode} = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name           Price',
        '-----------------  -------------  ----------',
        ...names.map((name) => `heroku-redis:mini  ${name.padEnd(13)}  $3/month`),
        '',
        '=== Attachments for example-app',
        'There are no attachments.',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('shows a pending state after the name, the billed price, and free plans', async () => {
    const creating = addon('important-redis', {state: 'provisioning'})
    const grandfathered = {...addon('old-redis', {plan: 'heroku-redis:premium-0', cents: 1500}), billed_price: {cents: 1000, contract: false, unit: 'month'}}
    const hobby = addon('tiny-kv', {plan: 'heroku-kv:hobby', cents: 0})
    const scope = nock(API)
    expectAppListing(scope, 'example-app', [hobby, grandfathered, creating], [attachment('REDIS', creating)])
    const {stdout} = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      stdout,
      lines(
        '=== Resources for example-app',
        'Plan                    Name                            Price',
        '----------------------  ------------------------------  -----------',
        'heroku-kv:hobby         tiny-kv                         free',
        'heroku-redis:mini       important-redis (provisioning)  $3/month',
        'heroku-redis:premium-0  old-redis                       $10/month',
        '',
        '=== Attachments for example-app',
        'Name   Add-on           Billing App',
        '-----  ---------------  -------------',
        'REDIS  important-redis  example-app',
      ),
    )
    scope.done()
  })

  it('--json prints the API add-ons, each with its attachments on the app', async () => {
    const broker = addon('important-redis', {config_vars: ['BROKER_URL']})
    const foreign = addon('shared-db', {app: 'other-app', plan: 'heroku-postgresql:essential-0', cents: 500})
    const attachments = [attachment('BROKER', broker), attachment('SESSION_STORE', broker), attachment('DATABASE', foreign, 'example-app')]
    const scope = nock(API)
    expectAppListing(scope, 'example-app', [broker, foreign], attachments)
    const {stdout, exitCode} = await runCli(['addons', '--app', 'example-app', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), [
      {...broker, attachments: [attachments[0], attachments[1]]},
      {...foreign, attachments: [attachments[2]]},
    ])
    scope.done()
  })

  it('--all lists every add-on with its owning app and state, no --app needed', async () => {
    const scope = nock(API)
      .get('/addons')
      .matchHeader('accept-expansion', 'addon_service,plan')
      .reply(200, [
        addon('important-redis'),
        addon('task-db', {app: 'example-tasker', plan: 'heroku-postgresql:essential-0', cents: 500, state: 'provisioning'}),
        addon('cooling-carefully-7273', {state: 'deprovisioning'}),
      ])
    const {stdout, exitCode} = await runCli(['addons', '--all'])
    assert.equal(
      stdout,
      lines(
        '=== Add-ons',
        'Owning App      Add-on                  Plan                           Price     State',
        '--------------  ----------------------  -----------------------------  --------  ----------------',
        'example-app     cooling-carefully-7273  heroku-redis:mini              $3/month  deprovisioning',
        'example-app     important-redis         heroku-redis:mini              $3/month  provisioned',
        'example-tasker  task-db                 heroku-postgresql:essential-0  $5/month  provisioning',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('--all with nothing to show, and --all --json as the API returned it', async () => {
    const one = addon('important-redis')
    const scope = nock(API).get('/addons').reply(200, []).get('/addons').reply(200, [one])
    const empty = await runCli(['addons', '--all'])
    assert.equal(empty.stdout, lines('=== Add-ons', 'There are no add-ons.'))
    const json = await runCli(['addons', '--all', '--json'])
    assert.deepEqual(JSON.parse(json.stdout), [one])
    scope.done()
  })

  it('without --app or --all is a usage error and sends nothing', async () => {
    const {stderr, exitCode} = await runCli(['addons'])
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Missing required flag app: give --app APP, or --all for every add-on.\n')
  })

  it('--json still reports a failure as one line on stderr, with nothing on stdout', async () => {
    const scope = nock(API)
      .get('/apps/example-app/addons')
      .reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
      .get('/apps/example-app/addon-attachments')
      .reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stdout, stderr, exitCode} = await runCli(['addons', '--app', 'example-app', '--json'])
    assert.equal(stdout, '')
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    assert.equal(exitCode, 3)
    scope.done()
  })

  const failures: Array<[number, string, string, number]> = [
    [401, 'unauthorized', 'Invalid credentials provided.', 4],
    [403, 'forbidden', 'You do not have access to the app example-app.', 4],
    [404, 'not_found', "Couldn't find that app.", 3],
    [422, 'invalid_params', 'Range is invalid.', 1],
    [429, 'rate_limit', 'Your account reached the API rate limit. Please wait a few minutes before making new requests.', 1],
    [503, 'unavailable', 'The API is temporarily unavailable.', 1],
  ]
  for (const [status, id, message, code] of failures) {
    it(`a ${status} answer is one line "Error: <message>", exit ${code}`, async () => {
      const scope = nock(API)
        .get('/apps/example-app/addons')
        .reply(status, {id, message, ...(status === 404 ? {resource: 'app'} : {})})
        .get('/apps/example-app/addon-attachments')
        .reply(200, [])
      const {stdout, stderr, exitCode} = await runCli(['addons', '--app', 'example-app'])
      assert.equal(stdout, '')
      assert.equal(stderr, `Error: ${message}\n`)
      assert.equal(exitCode, code)
      scope.done()
    })
  }
})
