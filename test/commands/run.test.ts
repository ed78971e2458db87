import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../helpers/cli.js'

// The command inherits stdio, so the child here prints nothing: it reports what it saw through its exit code.
const checkEnv = "process.exit(process.env.REDIS_URL === 'redis://h:p@host:6609' && process.env.HOME_SEEN === 'yes' ? 0 : 7)"

describe('run', () => {
  afterEach(() => nock.cleanAll())

  it("runs the command with the app's config vars and exits 0 when it does", async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {REDIS_URL: 'redis://h:p@host:6609'})
    const env = {...process.env, HOME_SEEN: 'yes'}
    const {stdout, stderr, exitCode} = await runCli(['run', '--app', 'example-app', '--', process.execPath, '-e', checkEnv], {deps: {env}})
    assert.equal(exitCode, 0)
    assert.equal(stdout, '')
    assert.equal(stderr, '')
    scope.done()
  })

  it("exits with the command's own exit code", async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {})
    const {stderr, exitCode} = await runCli(['run', '-a', 'example-app', '--', process.execPath, '-e', 'process.exit(3 + 4)'])
    assert.equal(exitCode, 7)
    assert.equal(stderr, '')
    scope.done()
  })

  it('a missing command exits 127 with one line', async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {})
    const {stderr, exitCode} = await runCli(['run', '-a', 'example-app', '--', 'addonkit-no-such-command-here', '--flag'])
    assert.equal(exitCode, 127)
    assert.equal(stderr, 'Error: addonkit-no-such-command-here: command not found\n')
    scope.done()
  })

  it('an unknown app exits 3 and runs nothing', async () => {
    const scope = nock(API)
      .get('/apps/nope/config-vars')
      .reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['run', '-a', 'nope', '--', process.execPath, '-e', 'process.exit(9)'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    scope.done()
  })

  it('without a command it is a usage error', async () => {
    const {exitCode} = await runCli(['run', '-a', 'example-app'])
    assert.equal(exitCode, 2)
  })
})
