import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const latest = (version: number) => (scope: nock.Scope) =>
  scope.get('/apps/example-app/releases').matchHeader('range', 'version ..; max=1, order=desc').reply(200, [{version}])

describe('config', () => {
  afterEach(() => nock.cleanAll())

  it('lists the vars sorted and aligned as in the seed', async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {
      REDIS_URL: 'redis://h:p2@host:6609',
      BROKER_URL: 'redis://h:p1@host:6609',
      HEROKU_REDIS_ROSE_URL: 'redis://h:p3@host:6619',
    })
    const {stdout, exitCode} = await runCli(['config', '--app', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      'BROKER_URL:            redis://h:p1@host:6609\nHEROKU_REDIS_ROSE_URL: redis://h:p3@host:6619\nREDIS_URL:             redis://h:p2@host:6609\n',
    )
    scope.done()
  })

  it('prints --shell and --json forms', async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').times(2).reply(200, {A: 'x y', B: 'plain'})
    const shell = await runCli(['config', '-a', 'example-app', '--shell'])
    assert.equal(shell.stdout, "A='x y'\nB=plain\n")
    const json = await runCli(['config', '-a', 'example-app', '--json'])
    assert.deepEqual(JSON.parse(json.stdout), {A: 'x y', B: 'plain'})
    scope.done()
    const both = await runCli(['config', '-a', 'example-app', '--shell', '--json'])
    assert.equal(both.exitCode, 2)
    assert.equal(both.stderr, 'Error: --json=true cannot also be provided when using --shell\n')
  })

  it('config:get prints one value', async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {BROKER_URL: 'redis://x'})
    const {stdout} = await runCli(['config:get', 'BROKER_URL', '-a', 'example-app'])
    assert.equal(stdout, 'redis://x\n')
    scope.done()
  })

  it('config:set sends the change and prints the new release', async () => {
    const scope = nock(API).patch('/apps/example-app/config-vars', {FOO: 'bar=baz'}).reply(200, {FOO: 'bar=baz', OTHER: 'x'})
    latest(8)(scope)
    const {stdout, stderr, exitCode} = await runCli(['config:set', 'FOO=bar=baz', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Setting FOO and restarting example-app\.\.\. done, v8/)
    assert.equal(stdout, 'FOO: bar=baz\n')
    scope.done()
  })

  it('config:set of an attachment-owned var shows the API message and exits 1', async () => {
    const scope = nock(API)
      .patch('/apps/example-app/config-vars')
      .reply(422, {id: 'invalid_params', message: 'Cannot overwrite attachment values BROKER_URL.'})
    const {stderr, exitCode} = await runCli(['config:set', 'BROKER_URL=x', '-a', 'example-app'])
    assert.equal(exitCode, 1)
    assert.match(stderr, /Error: Cannot overwrite attachment values BROKER_URL\.\n$/)
    scope.done()
  })

  it('config:set without KEY=VALUE is a usage error and sends nothing', async () => {
    const {stderr, exitCode} = await runCli(['config:set', 'NOEQUALS', '-a', 'example-app'])
    assert.equal(exitCode, 2)
    assert.match(stderr, /NOEQUALS is invalid\. Must be in the format KEY=VALUE\./)
  })

  it('config:unset sends nulls and prints the new release', async () => {
    const scope = nock(API).patch('/apps/example-app/config-vars', {FOO: null, BAR: null}).reply(200, {})
    latest(9)(scope)
    const {stderr, exitCode} = await runCli(['config:unset', 'FOO', 'BAR', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Unsetting FOO and BAR and restarting example-app\.\.\. done, v9/)
    scope.done()
  })
})
