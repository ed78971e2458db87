process.env.TZ = 'UTC'
import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {agoIso, fakeRelease, utcStamp} from '../../lib/releases/fakes.js'

const HOUR = 60 * 60 * 1000

describe('releases:info', () => {
  afterEach(() => nock.cleanAll())

  it('without VERSION: the current release, its add-ons and its config vars', async () => {
    const at = agoIso(HOUR + 60_000)
    const current = fakeRelease(6, {current: true, description: 'Rollback to v2', addon_plan_names: ['heroku-redis:mini'], created_at: at})
    const scope = nock(API)
      .get('/apps/example-app/releases').matchHeader('range', 'version ..; max=1, order=desc').reply(200, [current])
      .get('/apps/example-app/releases/6/config-vars').reply(200, {FOO: 'one', BAR: 'two words'})
    const {stdout, exitCode} = await runCli(['releases:info', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== Release v6',
      'Add-ons:                heroku-redis:mini',
      'By:                     owner@example.com',
      'Change:                 Rollback to v2',
      'Current:                Yes',
      'Eligible for Rollback?: Yes',
      `When:                   ${utcStamp(at)} (~ 1h ago)`,
      '',
      '=== v6 Config vars',
      'BAR: two words',
      'FOO: one',
      '',
    ].join('\n'))
    scope.done()
  })

  it('vN names a release; --shell prints the vars as a shell reads them', async () => {
    const scope = nock(API)
      .get('/apps/example-app/releases/3').reply(200, fakeRelease(3, {created_at: '2025-12-01T08:00:00Z'}))
      .get('/apps/example-app/releases/3/config-vars').reply(200, {BAR: 'two words', FOO: 'one'})
    const {stdout, exitCode} = await runCli(['releases:info', 'v3', '-a', 'example-app', '--shell'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== Release v3',
      'Add-ons:',
      'By:                     owner@example.com',
      'Change:                 Set V3 config vars',
      'Current:                No',
      'Eligible for Rollback?: Yes',
      'When:                   2025/12/01 08:00:00 +0000',
      '',
      '=== v3 Config vars',
      "BAR='two words'",
      'FOO=one',
      '',
    ].join('\n'))
    scope.done()
  })

  it('--json: the release as the API gives it, without reading its vars', async () => {
    const release = fakeRelease(3)
    const scope = nock(API).get('/apps/example-app/releases/3').reply(200, release)
    const {stdout, exitCode} = await runCli(['releases:info', '3', '-a', 'example-app', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), release)
    scope.done()
  })

  it('a release whose vars were never recorded is still shown, with the reason', async () => {
    const message = 'v1 did not record its config vars (it was made before releases kept them), so it cannot be rolled back to or shown.'
    const scope = nock(API)
      .get('/apps/example-app/releases/1').reply(200, fakeRelease(1, {eligible_for_rollback: false, created_at: '2025-12-01T08:00:00Z'}))
      .get('/apps/example-app/releases/1/config-vars').reply(422, {id: 'invalid_params', message})
    const {stdout, exitCode} = await runCli(['releases:info', 'v1', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.match(stdout, /\nEligible for Rollback\?: No\n/)
    assert.match(stdout, new RegExp(`\\n=== v1 Config vars\\n${message.replace(/[().]/g, '\\$&')}\\n$`))
    scope.done()
  })

  it('an unknown release: the API message, exit 3; a malformed one: exit 2 and nothing sent', async () => {
    const scope = nock(API).get('/apps/example-app/releases/99').reply(404, {id: 'not_found', message: "Couldn't find that release.", resource: 'release'})
    const unknown = await runCli(['releases:info', 'v99', '-a', 'example-app'])
    assert.equal(unknown.stderr, "Error: Couldn't find that release.\n")
    assert.equal(unknown.exitCode, 3)
    scope.done()
    const malformed = await runCli(['releases:info', 'latest', '-a', 'example-app'])
    assert.equal(malformed.stderr, 'Error: latest is not a release: give a version such as v5, or a release id.\n')
    assert.equal(malformed.exitCode, 2)
  })

  it('an app without releases: one line, exit 3', async () => {
    const scope = nock(API).get('/apps/example-app/releases').reply(200, [])
    const {stderr, exitCode} = await runCli(['releases:info', '-a', 'example-app'])
    assert.equal(stderr, 'Error: example-app has no releases.\n')
    assert.equal(exitCode, 3)
    scope.done()
  })
})
