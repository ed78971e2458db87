import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../helpers/cli.js'

// The command's output reaches the terminal byte for byte, so the children here print nothing (this
// process's stdout is the test runner's): they report what they saw through their exit code. What
// reaches the app's log is in test/lib/run and test/e2e/run-log.test.ts.
const checkEnv = "process.exit(process.env.REDIS_URL === 'redis://h:p@host:6609' && process.env.HOME_SEEN === 'yes' ? 0 : 7)"

// the run is named, then its exit status goes to the app's log
const run = (scope: nock.Scope, command: string, exitStatus: number) =>
  scope
    .post('/apps/example-app/dynos', {command, type: 'run', attach: false})
    .reply(201, {name: 'run.4'})
    .post('/apps/example-app/log-lines', {process: 'run.4', lines: [], exit_status: exitStatus})
    .reply(204)

describe('run', () => {
  afterEach(() => nock.cleanAll())

  it("runs the command with the app's config vars and exits 0 when it does", async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {REDIS_URL: 'redis://h:p@host:6609'})
    run(scope, `${process.execPath} -e ${checkEnv}`, 0)
    const env = {...process.env, HOME_SEEN: 'yes'}
    const {stdout, stderr, exitCode} = await runCli(['run', '--app', 'example-app', '--', process.execPath, '-e', checkEnv], {deps: {env}})
    assert.equal(exitCode, 0)
    assert.equal(stdout, '')
    assert.equal(stderr, '')
    scope.done()
  })

  it("exits with the command's own exit code", async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {})
    run(scope, `${process.execPath} -e process.exit(3 + 4)`, 7)
    const {stderr, exitCode} = await runCli(['run', '-a', 'example-app', '--', process.execPath, '-e', 'process.exit(3 + 4)'])
    assert.equal(exitCode, 7)
    assert.equal(stderr, '')
    scope.done()
  })

  it('a missing command exits 127 with one line', async () => {
    const scope = nock(API).get('/apps/example-app/config-vars').reply(200, {})
    run(scope, 'addonkit-no-such-command-here --flag', 127)
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

  it('a platform that cannot take the output: one warning, and the command runs with its exit code', async () => {
    const scope = nock(API)
      .get('/apps/example-app/config-vars')
      .reply(200, {REDIS_URL: 'redis://h:p@host:6609'})
      .post('/apps/example-app/dynos')
      .reply(503, {id: 'unavailable', message: 'The platform is restarting.'})
    const env = {...process.env, HOME_SEEN: 'yes'}
    const {stdout, stderr, exitCode} = await runCli(['run', '-a', 'example-app', '--', process.execPath, '-e', `${checkEnv.replace('? 0 : 7', '? 5 : 7')}`], {deps: {env}})
    assert.equal(exitCode, 5)
    assert.equal(stdout, '')
    assert.equal(stderr, `Warning: this command's output is not reaching example-app's log (The platform is restarting); the command runs on.\n`)
    scope.done()
  })

  it('against Heroku itself nothing is sent to a log: a dyno there would run the command again', async () => {
    const scope = nock('https://api.heroku.com').get('/apps/example-app/config-vars').reply(200, {})
    const {stderr, exitCode} = await runCli(['run', '-a', 'example-app', '--', process.execPath, '-e', 'process.exit(0)'], {url: 'https://api.heroku.com'})
    assert.equal(exitCode, 0)
    assert.equal(stderr, '')
    scope.done()
  })

  it('without a command it is a usage error', async () => {
    const {exitCode} = await runCli(['run', '-a', 'example-app'])
    assert.equal(exitCode, 2)
  })
})
