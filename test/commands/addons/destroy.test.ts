import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {expectAddonAttachments, expectDestroy, expectRelease, expectResolve} from '../../lib/addons/scopes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const cooling = addon('cooling-carefully-7273', {config_vars: ['HEROKU_REDIS_ROSE_URL']})
const rose = attachment('HEROKU_REDIS_ROSE', cooling, 'example-app', ['HEROKU_REDIS_ROSE_URL'])
const prompt = [
  ' !    WARNING: Destructive Action',
  ' !    This command will affect the app: example-app',
  ' !    cooling-carefully-7273 takes with it: HEROKU_REDIS_ROSE (HEROKU_REDIS_ROSE_URL) on example-app',
  ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
]

describe('addons:destroy', () => {
  beforeEach(() => {
    process.env.ADDONKIT_WAIT_INTERVAL_MS = '1'
  })
  afterEach(() => {
    nock.cleanAll()
    delete process.env.ADDONKIT_WAIT_INTERVAL_MS
  })

  it('a refused prompt aborts with exit 2 and deletes nothing', async () => {
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectAddonAttachments(scope, cooling, [rose])
    const {stderr, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273'], {tty: true, answers: ['example-tasker']})
    assert.equal(stderr, lines(...prompt, 'Error: Confirmation did not match example-app. Aborted.'))
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('off a TTY without --confirm: one line naming --confirm example-app, exit 2', async () => {
    const scope = nock(API)
    expectResolve(scope, 'HEROKU_REDIS_ROSE', 'example-app', [cooling])
    expectAddonAttachments(scope, cooling, [rose])
    const {stderr, exitCode, asked} = await runCli(['addons:destroy', 'HEROKU_REDIS_ROSE', '--app', 'example-app'])
    assert.equal(stderr, 'Error: WARNING: Destructive Action: re-run this command with --confirm example-app\n')
    assert.deepEqual(asked, [])
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('--confirm other-app is refused before anything is deleted', async () => {
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectAddonAttachments(scope, cooling, [rose])
    const {stderr, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273', '--confirm', 'other-app'])
    assert.equal(stderr, 'Error: Confirmation other-app did not match example-app. Re-run with --confirm example-app.\n')
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('--confirm and --force: no prompt, force sent, vars removed on every app the add-on was on', async () => {
    const shared = addon('important-redis', {config_vars: ['BROKER_URL', 'SESSION_STORE_URL']})
    const scope = nock(API)
    expectResolve(scope, 'important-redis', null, [shared])
    expectAddonAttachments(scope, shared, [
      attachment('BROKER', shared, 'example-tasker', ['BROKER_URL']),
      attachment('SESSION_STORE', shared, 'example-app', ['SESSION_STORE_URL']),
      attachment('BROKER', shared, 'example-app', ['BROKER_URL']),
    ])
    expectDestroy(scope, shared, true).reply(200, {...shared, state: 'deprovisioned'})
    expectRelease(scope, 'example-app', 20)
    expectRelease(scope, 'example-tasker', 7)
    const {stderr, exitCode, asked} = await runCli(['addons:destroy', 'important-redis', '--force', '--confirm', 'example-app'], {tty: true})
    assert.equal(
      stderr,
      lines(
        'Destroying important-redis on example-app... done, ($3/month)',
        'Removing vars for BROKER, SESSION_STORE from example-app and restarting... done, v20',
        'Removing vars for BROKER from example-tasker and restarting... done, v7',
      ),
    )
    assert.deepEqual(asked, [])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('several add-ons: one confirmation per owning app, all asked before anything is destroyed', async () => {
    const taskDb = addon('task-db', {app: 'example-tasker', plan: 'heroku-postgresql:essential-0', cents: 500})
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectResolve(scope, 'task-db', null, [taskDb])
    expectAddonAttachments(scope, cooling, [rose])
    expectAddonAttachments(scope, taskDb, [attachment('DATABASE', taskDb)])
    expectDestroy(scope, cooling).reply(200, {...cooling, state: 'deprovisioned'})
    expectRelease(scope, 'example-app', 16)
    expectDestroy(scope, taskDb).reply(200, {...taskDb, state: 'deprovisioned'})
    expectRelease(scope, 'example-tasker', 5)
    const {stderr, asked, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273', 'task-db'], {
      tty: true,
      answers: ['example-app', 'example-tasker'],
    })
    assert.equal(
      stderr,
      lines(
        ...prompt,
        ' !    WARNING: Destructive Action',
        ' !    This command will affect the app: example-tasker',
        ' !    task-db takes with it: DATABASE on example-tasker',
        ' !    To proceed, type "example-tasker" or re-run this command with --confirm example-tasker',
        'Destroying cooling-carefully-7273 on example-app... done, ($3/month)',
        'Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, v16',
        'Destroying task-db on example-tasker... done, ($5/month)',
        'Removing vars for DATABASE from example-tasker and restarting... done, v5',
      ),
    )
    assert.deepEqual(asked, ['>', '>'])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('an add-on deprovisioning in the background is announced, without waiting', async () => {
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectAddonAttachments(scope, cooling, [rose])
    expectDestroy(scope, cooling).reply(200, {...cooling, state: 'deprovisioning'})
    const {stderr, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273', '--confirm', 'example-app'])
    assert.equal(
      stderr,
      lines(
        'Destroying cooling-carefully-7273 on example-app... done, ($3/month)',
        'cooling-carefully-7273 is being destroyed in the background. The app will restart when complete...',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('--wait polls until the add-on is gone (404), then reports the vars removed', async () => {
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectAddonAttachments(scope, cooling, [rose])
    expectDestroy(scope, cooling).reply(200, {...cooling, state: 'deprovisioning'})
    const poll = () => scope.get(`/apps/example-app/addons/${cooling.id}`).matchHeader('accept-expansion', 'addon_service,plan')
    poll().reply(200, {...cooling, state: 'deprovisioning'})
    poll().reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
    expectRelease(scope, 'example-app', 17)
    const {stderr, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273', '--confirm', 'example-app', '--wait'])
    assert.equal(
      stderr,
      lines(
        'Destroying cooling-carefully-7273 on example-app... done, ($3/month)',
        'Waiting for cooling-carefully-7273... done',
        'Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, v17',
      ),
    )
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('the API refusing (attached elsewhere, no --force) is shown unchanged, exit 1', async () => {
    const message = 'important-redis is attached to other apps (example-tasker). Use --force to destroy it anyway.'
    const shared = addon('important-redis')
    const scope = nock(API)
    expectResolve(scope, 'important-redis', null, [shared])
    expectAddonAttachments(scope, shared, [attachment('BROKER', shared), attachment('BROKER', shared, 'example-tasker')])
    expectDestroy(scope, shared).reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['addons:destroy', 'important-redis', '--confirm', 'example-app'])
    assert.equal(stderr, lines('Destroying important-redis on example-app... !', `Error: ${message}`))
    assert.equal(exitCode, 1)
    scope.done()
  })
})

describe('addons:destroy of add-ons on two apps with one --confirm', () => {
  afterEach(() => nock.cleanAll())

  it('destroys nothing when the second app is not confirmed', async () => {
    const taskDb = addon('task-db', {app: 'example-tasker', plan: 'heroku-postgresql:essential-0', cents: 500})
    const scope = nock(API)
    expectResolve(scope, 'cooling-carefully-7273', null, [cooling])
    expectResolve(scope, 'task-db', null, [taskDb])
    expectAddonAttachments(scope, cooling, [rose])
    expectAddonAttachments(scope, taskDb, [attachment('DATABASE', taskDb)])
    // no DELETE is mocked: one would fail the run with a nock error instead of the confirmation error
    const {stderr, exitCode} = await runCli(['addons:destroy', 'cooling-carefully-7273', 'task-db', '--confirm', 'example-app'])
    assert.equal(stderr, 'Error: Confirmation example-app did not match example-tasker. Re-run with --confirm example-tasker.\n')
    assert.equal(exitCode, 2)
    scope.done()
  })
})
