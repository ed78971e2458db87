import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {confirmationRequired, expectAddonAttachments, expectAttach, expectRelease, expectResolve} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const sighing = addon('sighing-nobly-1891', {config_vars: ['REDIS_URL']})
const toBroker = {addon: {name: 'sighing-nobly-1891'}, app: {name: 'example-app'}, name: 'BROKER'}
const taken = confirmationRequired('BROKER is already an attachment on example-app.')

describe('addons:attach', () => {
  afterEach(() => nock.cleanAll())

  it('a refused prompt aborts with exit 2 and sends no second attach', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    expectAttach(scope, toBroker).reply(423, taken)
    expectAddonAttachments(scope, sighing, [attachment('REDIS', sighing, 'example-app', ['REDIS_URL'])])
    const {stderr, exitCode, asked} = await runCli(['addons:attach', 'sighing-nobly-1891', '--as', 'BROKER', '-a', 'example-app'], {
      tty: true,
      answers: ['example-ap'],
    })
    assert.equal(
      stderr,
      lines(
        'Attaching sighing-nobly-1891 as BROKER to example-app...',
        ' !    sighing-nobly-1891 will overwrite BROKER_URL on example-app.',
        ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
        'Error: Confirmation did not match example-app. Aborted.',
      ),
    )
    assert.deepEqual(asked, ['>'])
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('off a TTY without --confirm: one line naming --confirm example-app, exit 2, nothing changed', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    expectAttach(scope, toBroker).reply(423, taken)
    expectAddonAttachments(scope, sighing, [attachment('REDIS', sighing, 'example-app', ['REDIS_URL'])])
    const {stderr, exitCode, asked} = await runCli(['addons:attach', 'sighing-nobly-1891', '--as', 'BROKER', '-a', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Attaching sighing-nobly-1891 as BROKER to example-app... !',
        'Error: sighing-nobly-1891 will overwrite BROKER_URL on example-app: re-run this command with --confirm example-app',
      ),
    )
    assert.deepEqual(asked, [])
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('--confirm example-app goes with the first request, no prompt', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    expectAttach(scope, {...toBroker, confirm: 'example-app'}).reply(201, attachment('BROKER', sighing))
    expectRelease(scope, 'example-app', 14)
    const {stderr, exitCode, asked} = await runCli([
      'addons:attach', 'sighing-nobly-1891', '--as', 'BROKER', '-a', 'example-app', '--confirm', 'example-app',
    ])
    assert.equal(
      stderr,
      lines('Attaching sighing-nobly-1891 as BROKER to example-app... done', 'Setting BROKER vars and restarting example-app... done, v14'),
    )
    assert.deepEqual(asked, [])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('without --as the platform chooses the alias, and the output names it', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-tasker', [sighing])
    expectAttach(scope, {addon: {name: 'sighing-nobly-1891'}, app: {name: 'example-tasker'}}).reply(201, attachment('REDIS', sighing, 'example-tasker'))
    expectRelease(scope, 'example-tasker', 4)
    const {stderr, exitCode} = await runCli(['addons:attach', 'sighing-nobly-1891', '-a', 'example-tasker'])
    assert.equal(
      stderr,
      lines('Attaching sighing-nobly-1891 to example-tasker... done', 'Setting REDIS vars and restarting example-tasker... done, v4'),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('--confirm other-app is refused before any change', async () => {
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    const {stderr, exitCode} = await runCli([
      'addons:attach', 'sighing-nobly-1891', '--as', 'BROKER', '-a', 'example-app', '--confirm', 'other-app',
    ])
    assert.match(stderr, /Error: Confirmation other-app did not match example-app\. Re-run with --confirm example-app\.\n$/)
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('names the alias vars when the add-on sets no var it can be matched by', async () => {
    const bare = addon('bare-addon')
    const scope = nock(API)
    expectResolve(scope, 'bare-addon', 'example-app', [bare])
    expectAttach(scope, {addon: {name: 'bare-addon'}, app: {name: 'example-app'}, name: 'BROKER'}).reply(423, taken)
    expectAddonAttachments(scope, bare, [attachment('BARE', bare)])
    const {stderr, exitCode} = await runCli(['addons:attach', 'bare-addon', '--as', 'BROKER', '-a', 'example-app'])
    assert.match(stderr, /Error: bare-addon will overwrite BROKER vars on example-app: re-run this command with --confirm example-app\n$/)
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('an ambiguous identifier lists ten candidates and how many more', async () => {
    const matches = Array.from({length: 12}, (_, i) => addon(`redis-${String(i + 1).padStart(2, '0')}`))
    const scope = nock(API)
    expectResolve(scope, 'heroku-redis', 'example-app', matches)
    const {stderr, exitCode} = await runCli(['addons:attach', 'heroku-redis', '--as', 'CACHE', '-a', 'example-app'])
    const listed = matches.slice(0, 10).map((m) => m.name).join(', ')
    assert.equal(
      stderr,
      `Error: Ambiguous identifier heroku-redis: it matches ${listed} and 2 more. Use the add-on's global name or APP::ALIAS.\n`,
    )
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('an unknown add-on exits 3', async () => {
    const scope = nock(API)
    expectResolve(scope, 'nope', 'example-app')
    expectResolve(scope, 'nope', null)
    const {stderr, exitCode} = await runCli(['addons:attach', 'nope', '--as', 'CACHE', '-a', 'example-app'])
    assert.equal(stderr, "Error: Couldn't find that add-on: nope.\n")
    assert.equal(exitCode, 3)
    scope.done()
  })

  it('the API refusing to share shows its message unchanged, exit 1', async () => {
    const message = 'This add-on cannot be attached to apps other than its billing app.'
    const scope = nock(API)
    expectResolve(scope, 'example-app::DATABASE', 'example-tasker', [addon('db-1', {plan: 'heroku-postgresql:essential-0'})])
    expectAttach(scope, {addon: {name: 'db-1'}, app: {name: 'example-tasker'}, name: 'DATABASE'}).reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['addons:attach', 'example-app::DATABASE', '--as', 'DATABASE', '-a', 'example-tasker'])
    assert.equal(stderr, lines('Attaching db-1 as DATABASE to example-tasker... !', `Error: ${message}`))
    assert.equal(exitCode, 1)
    scope.done()
  })

  it('--json prints the attachment', async () => {
    const made = attachment('SESSION_STORE', sighing)
    const scope = nock(API)
    expectResolve(scope, 'sighing-nobly-1891', 'example-app', [sighing])
    expectAttach(scope, {...toBroker, name: 'SESSION_STORE'}).reply(201, made)
    expectRelease(scope, 'example-app', 10)
    const {stdout, exitCode} = await runCli(['addons:attach', 'sighing-nobly-1891', '--as', 'SESSION_STORE', '-a', 'example-app', '--json'])
    assert.deepEqual(JSON.parse(stdout), made)
    assert.equal(exitCode, 0)
    scope.done()
  })
})
