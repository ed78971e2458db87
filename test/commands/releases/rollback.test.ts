import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {fakeRelease, releaseId} from '../../lib/releases/fakes.js'

const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const prompt = (version: number) => [
  ` !    Rolling back example-app to v${version} replaces its config vars with those of v${version}.`,
  ' !    Add-ons and their config vars stay as they are.',
  ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
]
const newest = () => [
  fakeRelease(5, {current: true, addon_plan_names: ['heroku-redis:mini']}),
  fakeRelease(4, {addon_plan_names: ['heroku-redis:mini']}),
  fakeRelease(3, {addon_plan_names: ['kv:free']}),
]
const listed = (scope: nock.Scope) => scope.get('/apps/example-app/releases').matchHeader('range', 'version ..; max=10, order=desc')
const rolledBack = (scope: nock.Scope, to: number, plans: string[]) =>
  scope.post('/apps/example-app/releases', {release: releaseId(to)}).reply(201, fakeRelease(6, {current: true, description: `Rollback to v${to}`, addon_plan_names: plans}))

describe('releases:rollback', () => {
  afterEach(() => nock.cleanAll())

  it('on a TTY without VERSION: asks, then rolls back to the release before the current one', async () => {
    const scope = nock(API)
    listed(scope).reply(200, newest())
    rolledBack(scope, 4, ['heroku-redis:mini'])
    const {stdout, stderr, exitCode, asked} = await runCli(['releases:rollback', '-a', 'example-app'], {tty: true, answers: ['example-app']})
    assert.equal(exitCode, 0)
    assert.deepEqual(asked, ['>'])
    assert.equal(stdout, '')
    assert.equal(stderr, lines(...prompt(4), 'Rolling back example-app to v4... done, v6', 'To undo, run: addonkit releases:rollback v5 --app example-app'))
    scope.done()
  })

  it('names the add-ons attached and removed since that version, which stay as they are', async () => {
    const scope = nock(API)
      .get('/apps/example-app/releases/3').reply(200, newest()[2])
    rolledBack(scope, 3, ['heroku-redis:mini'])
    const {stderr, exitCode, asked} = await runCli(['releases:rollback', 'v3', '-a', 'example-app', '--confirm', 'example-app'])
    assert.equal(exitCode, 0)
    assert.deepEqual(asked, [])
    assert.equal(stderr, lines(
      'Rolling back example-app to v3... done, v6',
      'Warning: rollback does not affect add-ons; attached since v3: heroku-redis:mini; removed since v3: kv:free.',
      'To undo, run: addonkit releases:rollback v5 --app example-app',
    ))
    scope.done()
  })

  it('off a TTY without --confirm: one line naming --confirm example-app, exit 2, nothing rolled back', async () => {
    const scope = nock(API)
    listed(scope).reply(200, newest())
    const {stderr, exitCode, asked} = await runCli(['releases:rollback', '-a', 'example-app'])
    assert.equal(stderr, 'Error: Rolling back example-app to v4 replaces its config vars with those of v4: re-run this command with --confirm example-app\n')
    assert.equal(exitCode, 2)
    assert.deepEqual(asked, [])
    // no POST was made: nock would have refused it, and every expected request happened
    scope.done()
  })

  it('a wrong answer aborts with exit 2 and rolls nothing back', async () => {
    const scope = nock(API).get('/apps/example-app/releases/3').reply(200, newest()[2])
    const {stderr, exitCode} = await runCli(['releases:rollback', '3', '-a', 'example-app'], {tty: true, answers: ['other-app']})
    assert.equal(stderr, lines(...prompt(3), 'Error: Confirmation did not match example-app. Aborted.'))
    assert.equal(exitCode, 2)
    scope.done()
  })

  it('--confirm naming another app is refused before anything is read', async () => {
    const {stderr, exitCode} = await runCli(['releases:rollback', 'v3', '-a', 'example-app', '--confirm', 'other-app'])
    assert.equal(stderr, 'Error: Confirmation other-app did not match example-app. Re-run with --confirm example-app.\n')
    assert.equal(exitCode, 2)
  })

  it('no earlier release to roll back to, or one that is not eligible: one line, exit 1, no prompt', async () => {
    const scope = nock(API)
    listed(scope).reply(200, [fakeRelease(2, {current: true}), fakeRelease(1, {eligible_for_rollback: false})])
    const none = await runCli(['releases:rollback', '-a', 'example-app', '--confirm', 'example-app'])
    assert.equal(none.stderr, 'Error: No eligible release found for example-app to roll back to.\n')
    assert.equal(none.exitCode, 1)
    scope.get('/apps/example-app/releases/1').reply(200, fakeRelease(1, {eligible_for_rollback: false}))
    const old = await runCli(['releases:rollback', 'v1', '-a', 'example-app'], {tty: true})
    assert.equal(old.stderr, 'Error: v1 of example-app is not eligible for rollback.\n')
    assert.equal(old.exitCode, 1)
    assert.deepEqual(old.asked, [])
    scope.done()
  })

  it("the platform's refusal is shown unchanged", async () => {
    const message = 'v3 did not record its config vars (it was made before releases kept them), so it cannot be rolled back to or shown.'
    const scope = nock(API)
      .get('/apps/example-app/releases/3').reply(200, newest()[2])
      .post('/apps/example-app/releases', {release: releaseId(3)}).reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['releases:rollback', 'v3', '-a', 'example-app', '--confirm', 'example-app'])
    assert.equal(stderr, lines('Rolling back example-app to v3... !', `Error: ${message}`))
    assert.equal(exitCode, 1)
    scope.done()
  })
})
