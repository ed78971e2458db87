process.env.TZ = 'UTC'
import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {agoIso, fakeRelease, utcStamp} from '../../lib/releases/fakes.js'

const HOUR = 60 * 60 * 1000
const listed = (scope: nock.Scope, max: number) => scope.get('/apps/example-app/releases').matchHeader('range', `version ..; max=${max}, order=desc`)

describe('releases', () => {
  afterEach(() => nock.cleanAll())

  it('prints the current version, then version, change, who and when, newest first', async () => {
    const older = agoIso(3 * HOUR + 60_000)
    const newer = agoIso(2 * HOUR + 60_000)
    const scope = listed(nock(API), 15).reply(200, [
      fakeRelease(3, {current: true, description: 'Rollback to v1', created_at: newer}),
      fakeRelease(2, {description: 'Attach REDIS (@ref:important-redis)', user: {id: 'u', email: 'ops@example.com'}, created_at: older}),
      fakeRelease(1, {description: 'Set FOO config vars', created_at: '2025-12-01T08:00:00Z'}),
    ])
    const {stdout, stderr, exitCode} = await runCli(['releases', '--app', 'example-app'])
    assert.equal(stderr, '')
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== example-app Releases - Current: v3',
      `v3  Rollback to v1                       owner@example.com  ${utcStamp(newer)} (~ 2h ago)`,
      `v2  Attach REDIS (@ref:important-redis)  ops@example.com    ${utcStamp(older)} (~ 3h ago)`,
      'v1  Set FOO config vars                  owner@example.com  2025/12/01 08:00:00 +0000',
      '',
    ].join('\n'))
    scope.done()
  })

  it('-n asks for that many; --json prints the API answer unchanged', async () => {
    const answer = [fakeRelease(2, {current: true}), fakeRelease(1)]
    const scope = listed(nock(API), 2).reply(200, answer)
    const {stdout, exitCode} = await runCli(['releases', '-a', 'example-app', '-n', '2', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), answer)
    scope.done()
  })

  it('an app without releases says so', async () => {
    const scope = listed(nock(API), 15).reply(200, [])
    const {stdout} = await runCli(['releases', '-a', 'example-app'])
    assert.equal(stdout, 'example-app has no releases.\n')
    scope.done()
  })

  it('an unknown app: the API message, exit 3', async () => {
    const scope = listed(nock(API), 15).reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['releases', '-a', 'example-app'])
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    assert.equal(exitCode, 3)
    scope.done()
  })

  it('-n 0 is a usage error and sends nothing', async () => {
    const {stderr, exitCode} = await runCli(['releases', '-a', 'example-app', '-n', '0'])
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Parsing --num: Expected an integer greater than or equal to 1 but received: 0\n')
  })
})
