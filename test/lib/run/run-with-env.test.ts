import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {COMMAND_NOT_FOUND, dynoEnv, runWithEnv} from '../../../src/lib/run/run-with-env.js'

describe('runWithEnv', () => {
  it("gives the command the app's config vars over the local environment", async () => {
    const env = dynoEnv({...process.env, FOO: 'local', KEEP: 'kept'}, {FOO: 'from-app'})
    const outcome = await runWithEnv([process.execPath, '-e', 'console.log(process.env.FOO, process.env.KEEP)'], {env, stdio: 'pipe'})
    assert.deepEqual(outcome, {exitCode: 0, notFound: false, stdout: 'from-app kept\n', stderr: ''})
  })

  it("passes the command's exit code through", async () => {
    const outcome = await runWithEnv([process.execPath, '-e', 'process.exit(7)'], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, 7)
  })

  it('runs a single line with spaces through the shell', async () => {
    const outcome = await runWithEnv(['echo "$FOO" | tr a-z A-Z'], {env: dynoEnv(process.env, {FOO: 'shout'}), stdio: 'pipe'})
    assert.equal(outcome.stdout, 'SHOUT\n')
  })

  it('reports a missing command as 127', async () => {
    const outcome = await runWithEnv(['addonkit-no-such-command-here'], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, COMMAND_NOT_FOUND)
    assert.equal(outcome.notFound, true)
  })

  it('reports a death by signal as 128 + the signal number', async () => {
    const outcome = await runWithEnv([process.execPath, '-e', "process.kill(process.pid, 'SIGTERM')"], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, 143)
  })
})
