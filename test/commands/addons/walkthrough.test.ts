// The CLI walkthrough of the add-ons overview seed, command by command, with the platform's answers
// mocked. Output lines are the seed's; the seed's header lines are misaligned in the source
// document, so headers here line up with the seed's dashed rules (renderTable's form).
import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {
  confirmationRequired,
  expectAddonAttachments,
  expectAppListing,
  expectAttach,
  expectCreate,
  expectDestroy,
  expectRelease,
  expectResolve,
} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')

const shining = addon('shining-calmly-4402', {config_vars: ['REDIS_URL']})
const important = addon('important-redis', {config_vars: ['REDIS_URL']})
const broker = addon('important-redis', {config_vars: ['BROKER_URL']})
const sighing = addon('sighing-nobly-1891', {config_vars: ['REDIS_URL']})
const cooling = addon('cooling-carefully-7273', {config_vars: ['HEROKU_REDIS_ROSE_URL']})

describe('the add-ons overview walkthrough', () => {
  afterEach(() => nock.cleanAll())

  it('addons:create heroku-redis --app example-app', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis'}, config: {}}).reply(201, shining)
    expectRelease(scope, 'example-app', 3)
    const {stdout, stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Creating shining-calmly-4402... done, ($3/month)',
        'Adding shining-calmly-4402 to example-app... done',
        'Setting REDIS_URL and restarting example-app... done, v3',
      ),
    )
    assert.equal(stdout, '')
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons --app example-app after the first create', async () => {
    const scope = nock(API)
    expectAppListing(scope, 'example-app', [shining], [attachment('REDIS', shining)])
    const {stdout, exitCode} = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name                 Price',
        '-----------------  -------------------  ----------',
        'heroku-redis:mini  shining-calmly-4402  $3/month',
        '',
        '=== Attachments for example-app',
        'Name   Add-on               Billing App',
        '-----  -------------------  -------------',
        'REDIS  shining-calmly-4402  example-app',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons:create with --name important-redis, then the listing', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis'}, name: 'important-redis', config: {}}).reply(201, important)
    expectRelease(scope, 'example-app', 7)
    expectAppListing(scope, 'example-app', [important], [attachment('REDIS', important)])
    const created = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--name', 'important-redis'])
    assert.equal(
      created.stderr,
      lines(
        'Creating important-redis... done, ($3/month)',
        'Adding important-redis to example-app... done',
        'Setting REDIS_URL and restarting example-app... done, v7',
      ),
    )
    const listed = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      listed.stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name             Price',
        '-----------------  ---------------  ----------',
        'heroku-redis:mini  important-redis  $3/month',
        '',
        '=== Attachments for example-app',
        'Name   Add-on           Billing App',
        '-----  ---------------  -------------',
        'REDIS  important-redis  example-app',
      ),
    )
    scope.done()
  })

  it('addons:create with --name important-redis --as BROKER', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', {
      plan: {name: 'heroku-redis'},
      name: 'important-redis',
      attachment: {name: 'BROKER'},
      config: {},
    }).reply(201, broker)
    expectRelease(scope, 'example-app', 9)
    const {stderr, exitCode} = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app', '--name', 'important-redis', '--as', 'BROKER'])
    assert.equal(
      stderr,
      lines(
        'Creating important-redis... done, ($3/month)',
        'Adding important-redis to example-app... done',
        'Setting BROKER_URL and restarting example-app... done, v9',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons:attach important-redis --as SESSION_STORE, then the listing', async () => {
    const scope = nock(API)
    expectResolve(scope, 'important-redis', 'example-app', [broker])
    expectAttach(scope, {addon: {name: 'important-redis'}, app: {name: 'example-app'}, name: 'SESSION_STORE'}).reply(
      201,
      attachment('SESSION_STORE', broker),
    )
    expectRelease(scope, 'example-app', 10)
    expectAppListing(scope, 'example-app', [broker], [attachment('SESSION_STORE', broker), attachment('BROKER', broker)])
    const attached = await runCli(['addons:attach', 'important-redis', '--app', 'example-app', '--as', 'SESSION_STORE'])
    assert.equal(
      attached.stderr,
      lines(
        'Attaching important-redis as SESSION_STORE to example-app... done',
        'Setting SESSION_STORE vars and restarting example-app... done, v10',
      ),
    )
    assert.equal(attached.exitCode, 0)
    const listed = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      listed.stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name             Price',
        '-----------------  ---------------  ----------',
        'heroku-redis:mini  important-redis  $3/month',
        '',
        '=== Attachments for example-app',
        'Name           Add-on           Billing App',
        '-------------  ---------------  -------------',
        'BROKER         important-redis  example-app',
        'SESSION_STORE  important-redis  example-app',
      ),
    )
    scope.done()
  })

  it('addons:attach BROKER --as SESSION_STORE resolves the alias on the app', async () => {
    const scope = nock(API)
    expectResolve(scope, 'BROKER', 'example-app', [broker])
    expectAttach(scope, {addon: {name: 'important-redis'}, app: {name: 'example-app'}, name: 'SESSION_STORE'}).reply(
      201,
      attachment('SESSION_STORE', broker),
    )
    expectRelease(scope, 'example-app', 10)
    const {stderr, exitCode} = await runCli(['addons:attach', 'BROKER', '--app', 'example-app', '--as', 'SESSION_STORE'])
    assert.match(stderr, /^Attaching important-redis as SESSION_STORE to example-app\.\.\. done\n/)
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons:attach important-redis --app example-tasker --as BROKER, then the tasker listing', async () => {
    const scope = nock(API)
    // not an alias on example-tasker: the global name is looked up next
    expectResolve(scope, 'important-redis', 'example-tasker')
    expectResolve(scope, 'important-redis', null, [broker])
    expectAttach(scope, {addon: {name: 'important-redis'}, app: {name: 'example-tasker'}, name: 'BROKER'}).reply(
      201,
      attachment('BROKER', broker, 'example-tasker'),
    )
    expectRelease(scope, 'example-tasker', 3)
    expectAppListing(scope, 'example-tasker', [broker], [attachment('BROKER', broker, 'example-tasker')])
    const attached = await runCli(['addons:attach', 'important-redis', '--app', 'example-tasker', '--as', 'BROKER'])
    assert.equal(
      attached.stderr,
      lines(
        'Attaching important-redis as BROKER to example-tasker... done',
        'Setting BROKER vars and restarting example-tasker... done, v3',
      ),
    )
    const listed = await runCli(['addons', '-a', 'example-tasker'])
    assert.equal(
      listed.stdout,
      lines(
        '=== Resources for example-tasker',
        'There are no add-ons.',
        '',
        '=== Attachments for example-tasker',
        'Name    Add-on           Billing App',
        '------  ---------------  -------------',
        'BROKER  important-redis  example-app',
      ),
    )
    scope.done()
  })

  it('addons:attach example-app::BROKER --app example-tasker', async () => {
    const scope = nock(API)
    expectResolve(scope, 'example-app::BROKER', 'example-tasker', [broker])
    expectAttach(scope, {addon: {name: 'important-redis'}, app: {name: 'example-tasker'}, name: 'SESSION_STORE'}).reply(
      201,
      attachment('SESSION_STORE', broker, 'example-tasker'),
    )
    expectRelease(scope, 'example-tasker', 4)
    const {stderr} = await runCli(['addons:attach', 'example-app::BROKER', '--as', 'SESSION_STORE', '--app', 'example-tasker'])
    assert.equal(
      stderr,
      lines(
        'Attaching important-redis as SESSION_STORE to example-tasker... done',
        'Setting SESSION_STORE vars and restarting example-tasker... done, v4',
      ),
    )
    scope.done()
  })

  it('a second and a third heroku-redis: REDIS, then the colour alias HEROKU_REDIS_ROSE', async () => {
    const scope = nock(API)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis'}, config: {}}).reply(201, sighing)
    expectRelease(scope, 'example-app', 11)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis'}, config: {}}).reply(201, cooling)
    expectRelease(scope, 'example-app', 12)
    const second = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'])
    assert.equal(
      second.stderr,
      lines(
        'Creating sighing-nobly-1891... done, ($3/month)',
        'Adding sighing-nobly-1891 to example-app... done',
        'Setting REDIS_URL and restarting example-app... done, v11',
      ),
    )
    const third = await runCli(['addons:create', 'heroku-redis', '--app', 'example-app'])
    assert.equal(
      third.stderr,
      lines(
        'Creating cooling-carefully-7273... done, ($3/month)',
        'Adding cooling-carefully-7273 to example-app... done',
        'Setting HEROKU_REDIS_ROSE_URL and restarting example-app... done, v12',
      ),
    )
    scope.done()
  })

  it('addons:attach sighing-nobly-1891 --as BROKER asks before overwriting, then retries with confirm', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    const attach = {addon: {name: 'sighing-nobly-1891'}, app: {name: 'example-app'}, name: 'BROKER'}
    expectAttach(scope, attach).reply(423, confirmationRequired('BROKER is already an attachment on example-app.'))
    expectAddonAttachments(scope, sighing, [attachment('REDIS', sighing, 'example-app', ['REDIS_URL'])])
    expectAttach(scope, {...attach, confirm: 'example-app'}).reply(201, attachment('BROKER', sighing))
    expectRelease(scope, 'example-app', 14)
    const {stderr, exitCode, asked} = await runCli(['addons:attach', 'sighing-nobly-1891', '--as', 'BROKER', '--app', 'example-app'], {
      tty: true,
      answers: ['example-app'],
    })
    assert.equal(
      stderr,
      lines(
        'Attaching sighing-nobly-1891 as BROKER to example-app...',
        ' !    sighing-nobly-1891 will overwrite BROKER_URL on example-app.',
        ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
        'Attaching sighing-nobly-1891 as BROKER to example-app... done',
        'Setting BROKER vars and restarting example-app... done, v14',
      ),
    )
    assert.deepEqual(asked, ['>'])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons --app example-app with three add-ons and four aliases', async () => {
    const scope = nock(API)
    expectAppListing(
      scope,
      'example-app',
      [sighing, broker, cooling],
      [
        attachment('SESSION_STORE', broker),
        attachment('REDIS', sighing),
        attachment('HEROKU_REDIS_ROSE', cooling),
        attachment('BROKER', sighing),
      ],
    )
    const {stdout} = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name                    Price',
        '-----------------  ----------------------  ----------',
        'heroku-redis:mini  cooling-carefully-7273  $3/month',
        'heroku-redis:mini  important-redis         $3/month',
        'heroku-redis:mini  sighing-nobly-1891      $3/month',
        '',
        '=== Attachments for example-app',
        'Name               Add-on                  Billing App',
        '-----------------  ----------------------  -------------',
        'BROKER             sighing-nobly-1891      example-app',
        'HEROKU_REDIS_ROSE  cooling-carefully-7273  example-app',
        'REDIS              sighing-nobly-1891      example-app',
        'SESSION_STORE      important-redis         example-app',
      ),
    )
    scope.done()
  })

  it('addons:detach REDIS --app example-app', async () => {
    const redis = attachment('REDIS', sighing)
    const scope = nock(API)
    scope.get('/apps/example-app/addon-attachments/REDIS').reply(200, redis)
    scope.delete(`/addon-attachments/${redis.id}`).reply(200, redis)
    expectRelease(scope, 'example-app', 15)
    const {stderr, exitCode} = await runCli(['addons:detach', 'REDIS', '--app', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Removing REDIS attachment to sighing-nobly-1891 from example-app... done',
        'Unsetting REDIS vars and restarting example-app... done, v15',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('addons:destroy cooling-carefully-7273 after typing the app name', async () => {
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectAddonAttachments(scope, cooling, [attachment('HEROKU_REDIS_ROSE', cooling, 'example-app', ['HEROKU_REDIS_ROSE_URL'])])
    expectDestroy(scope, cooling).reply(200, {...cooling, state: 'deprovisioned'})
    expectRelease(scope, 'example-app', 16)
    const {stderr, exitCode, asked} = await runCli(['addons:destroy', 'cooling-carefully-7273'], {tty: true, answers: ['example-app']})
    assert.equal(
      stderr,
      lines(
        ' !    WARNING: Destructive Action',
        ' !    This command will affect the app: example-app',
        // beyond the seed: the issue asks to say what goes with the add-on
        ' !    cooling-carefully-7273 takes with it: HEROKU_REDIS_ROSE (HEROKU_REDIS_ROSE_URL) on example-app',
        ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
        'Destroying cooling-carefully-7273 on example-app... done, ($3/month)',
        'Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, v16',
      ),
    )
    assert.deepEqual(asked, ['>'])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('the final listings of example-app and example-tasker', async () => {
    const scope = nock(API)
    expectAppListing(scope, 'example-app', [sighing, broker], [attachment('BROKER', sighing), attachment('SESSION_STORE', broker)])
    expectAppListing(scope, 'example-tasker', [broker], [attachment('BROKER', broker, 'example-tasker')])
    const app = await runCli(['addons', '--app', 'example-app'])
    assert.equal(
      app.stdout,
      lines(
        '=== Resources for example-app',
        'Plan               Name                Price',
        '-----------------  ------------------  ----------',
        'heroku-redis:mini  important-redis     $3/month',
        'heroku-redis:mini  sighing-nobly-1891  $3/month',
        '',
        '=== Attachments for example-app',
        'Name           Add-on              Billing App',
        '-------------  ------------------  -------------',
        'BROKER         sighing-nobly-1891  example-app',
        'SESSION_STORE  important-redis     example-app',
      ),
    )
    const tasker = await runCli(['addons', '--app', 'example-tasker'])
    assert.equal(
      tasker.stdout,
      lines(
        '=== Resources for example-tasker',
        'There are no add-ons.',
        '',
        '=== Attachments for example-tasker',
        'Name    Add-on           Billing App',
        '------  ---------------  -------------',
        'BROKER  important-redis  example-app',
      ),
    )
    scope.done()
  })
})
