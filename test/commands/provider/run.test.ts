import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {runCli} from '../../helpers/cli.js'
import {startTestProvider, type TestProvider} from '../../fixtures/provider-tooling/test-provider.js'
import {checkLines} from './checks-output.js'

describe('provider:run', () => {
  let provider: TestProvider
  let manifest: string
  before(async () => {
    provider = await startTestProvider()
    manifest = await provider.writeManifest()
  })
  after(() => provider.close())

  it('gives the command the config vars, then changes plan and deprovisions', async () => {
    const expected = `${provider.url}/resources/`
    const script = `process.exit(process.env.MYADDON_URL?.startsWith(${JSON.stringify(expected)}) && process.env.MYADDON_POOL_SIZE === '5' ? 0 : 3)`
    const {stdout, exitCode} = await runCli(['provider:run', '--manifest', manifest, '--', 'node', '-e', script])
    assert.equal(exitCode, 0, stdout)
    assert.match(stdout, /^Starting node -e .* with MYADDON_URL, MYADDON_POOL_SIZE\.\.\.\nEnd of node$/m)
    assert.ok(checkLines(stdout).every((line) => line.ok), stdout)
    const methods = provider.requests.map((request) => request.split(' ')[0])
    assert.ok(methods.lastIndexOf('POST') < methods.indexOf('PUT') && methods.indexOf('PUT') < methods.indexOf('DELETE'), methods.join())
    assert.equal(provider.resources.size, 0)
  })

  it('deprovisions even when the command fails, and exits with its code', async () => {
    const {stdout, exitCode} = await runCli(['provider:run', '--manifest', manifest, '--', 'node', '-e', 'process.exit(process.env.MYADDON_URL ? 3 : 4)'])
    assert.equal(exitCode, 3)
    assert.match(stdout, /^node exited with code 3$/m)
    assert.match(stdout, /Check deprovision response is 2xx \.\.\. \[PASS\]/)
    assert.equal(provider.resources.size, 0)
  })

  it('a command that cannot start exits 127, and the resource is still removed', async () => {
    const {stdout, exitCode} = await runCli(['provider:run', '--manifest', manifest, '--', 'addonkit-no-such-command-xyz'])
    assert.equal(exitCode, 127)
    assert.match(stdout, /Could not start the command: addonkit-no-such-command-xyz: command not found/)
    assert.equal(provider.resources.size, 0)
  })

  it('exits 1 when a step fails though the command succeeded', async () => {
    const broken = await startTestProvider({fault: 'auth-only-on-post'})
    try {
      const {stdout, exitCode} = await runCli(['provider:run', '--manifest', await broken.writeManifest(), '--', 'node', '-e', '0'])
      assert.equal(exitCode, 1)
      assert.match(stdout, /Check wrong credentials get 401 on PUT \.\.\. \[FAIL\]/)
      assert.equal(broken.resources.size, 0)
    } finally {
      await broken.close()
    }
  })

  it('without a command it is a usage error', async () => {
    const {stderr, exitCode} = await runCli(['provider:run', '--manifest', manifest])
    assert.equal(exitCode, 2)
    assert.match(stderr, /^Error: /)
  })
})

describe('provider:run with an asynchronous provider', () => {
  let provider: TestProvider
  before(async () => {
    provider = await startTestProvider({async: true})
  })
  after(() => provider.close())

  it('waits for the config the provider sets through the partner API and gives it to the command', async () => {
    const script = `process.exit(process.env.MYADDON_URL?.startsWith(${JSON.stringify(`${provider.url}/resources/`)}) ? 0 : 3)`
    const {stdout, exitCode} = await runCli(['provider:run', '--manifest', await provider.writeManifest(), '--', 'node', '-e', script])
    assert.equal(exitCode, 0, stdout)
    assert.match(stdout, /^Starting node -e .* with MYADDON_URL, MYADDON_POOL_SIZE\.\.\.$/m)
    assert.equal(provider.resources.size, 0)
  })
})
