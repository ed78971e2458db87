import assert from 'node:assert/strict'
import {after, describe, it} from 'node:test'
import {parseDrainBody} from '../../../src/wire/logplex.js'
import {runCli} from '../../helpers/cli.js'
import {startTestProvider, type TestProvider, type TestProviderOptions} from '../../fixtures/provider-tooling/test-provider.js'
import {checkLines, failed} from './checks-output.js'

// provider:test for manifests that require log_input or syslog_drain: what the provision request
// carries, the frames the provider writes to the checker's Logplex input, the drain URL it answers
// and the sample batch delivered there.
const providers: TestProvider[] = []
after(async () => {
  for (const provider of providers) await provider.close()
})

async function providerTest(options: TestProviderOptions, ...args: string[]) {
  const provider = await startTestProvider(options)
  providers.push(provider)
  const result = await runCli(['provider:test', 'provision', '--manifest', await provider.writeManifest(), ...args])
  return {...result, provider, lines: checkLines(result.stdout)}
}

const inputCheck = 'frames sent to log_input_url are valid application/logplex-1'
const drainChecks = ['log_drain_url is returned if required', 'log_drain_url takes a sample batch']

describe('provider:test with a manifest that requires log_input', () => {
  it('sends a log_input_url of its own Logplex input; good frames pass, with what arrived', async () => {
    const {stdout, exitCode, provider, lines} = await providerTest({requires: ['log_input'], logInput: 'frames'})
    assert.equal(exitCode, 0, stdout)
    assert.match(String(provider.provisions[0].log_input_url), /^http:\/\/token:t\.[0-9a-f-]{36}@127\.0\.0\.1:\d+\/logs$/)
    assert.equal(provider.provisions[0].log_drain_token, undefined)
    assert.match(stdout, /^Testing log_input_url \(the checker's Logplex input at http:\/\/127\.0\.0\.1:\d+\/logs\)$/m)
    assert.deepEqual(lines.at(-1), {name: inputCheck, ok: true})
    assert.match(stdout, new RegExp(`Check ${inputCheck} \\.\\.\\. \\[PASS\\]\\n {4}4 frames in 2 requests, the first: myaddon app\\[provision\\]: resource [0-9a-f-]{36} created\\n`))
    assert.match(stdout, /^All 14 checks passed\.$/m)
  })

  it('no frames at all is a warning, not a failure', async () => {
    const {stdout, exitCode} = await providerTest({requires: ['log_input'], logInput: 'none'}, '--logs-timeout', '1')
    assert.equal(exitCode, 0, stdout)
    assert.match(stdout, new RegExp(`^ {2}Check ${inputCheck} \\.\\.\\. \\[WARN\\]\\n {4}no frames were sent within 1 s of provisioning$`, 'm'))
    assert.match(stdout, /^All 14 checks passed \(1 with a warning\)\.$/m)
  })

  it('--json gives the warning with the check', async () => {
    const {stdout, exitCode} = await providerTest({requires: ['log_input'], logInput: 'none'}, '--logs-timeout', '1', '--json')
    assert.equal(exitCode, 0)
    const result = JSON.parse(stdout) as {checks: {name: string}[]; ok: boolean}
    assert.equal(result.ok, true)
    assert.deepEqual(result.checks.at(-1), {name: inputCheck, ok: true, severity: 'should', warning: 'no frames were sent within 1 s of provisioning'})
  })

  it('a malformed body fails the check with Logplex\'s reason (exit 1)', async () => {
    const {stdout, exitCode, lines} = await providerTest({requires: ['log_input'], logInput: 'malformed'})
    assert.equal(exitCode, 1)
    assert.deepEqual(failed(lines), [inputCheck])
    assert.match(stdout, new RegExp(`Check ${inputCheck} \\.\\.\\. \\[FAIL\\]\\n {4}a POST was refused: Malformed log messages: frame 1 does not start with its byte length\\n`))
    assert.match(stdout, /^1 of 14 checks failed\.$/m)
  })

  it('without log_input in the manifest: log_input_url is null and nothing about logs is checked', async () => {
    const {stdout, exitCode, provider} = await providerTest({})
    assert.equal(exitCode, 0, stdout)
    assert.equal(provider.provisions[0].log_input_url, null)
    assert.ok(!('log_drain_token' in provider.provisions[0]))
    assert.doesNotMatch(stdout, /log_input_url|log_drain_url/)
  })
})

describe('provider:test with a manifest that requires syslog_drain', () => {
  it('sends a log_drain_token; the answered https drain gets one sample batch in Logplex\'s format', async () => {
    const {stdout, exitCode, provider, lines} = await providerTest({requires: ['syslog_drain'], logDrain: 'takes'})
    assert.equal(exitCode, 0, stdout)
    const token = String(provider.provisions[0].log_drain_token)
    assert.match(token, /^d\.[0-9a-f-]{36}$/)
    assert.equal(provider.provisions[0].log_input_url, null)
    for (const name of drainChecks) assert.ok(lines.some((l) => l.name === name && l.ok), `${name} passed\n${stdout}`)
    assert.match(stdout, /Check log_drain_url is returned if required \.\.\. \[PASS\]\n {4}\(log_drain_url http:\/\/127\.0\.0\.1:\d+\/drain\)/)
    assert.equal(provider.drainDeliveries.length, 1)
    const [{headers, body}] = provider.drainDeliveries
    assert.equal(headers['content-type'], 'application/logplex-1')
    assert.equal(headers['logplex-msg-count'], '2')
    assert.match(String(headers['logplex-frame-id']), /^[0-9A-F]{32}$/)
    assert.equal(headers['logplex-drain-token'], token)
    assert.match(String(headers['user-agent']), /^Logplex\//)
    const delivered = parseDrainBody(Buffer.from(body))
    assert.deepEqual(delivered.map((m) => [m.host, m.source, m.process]), [['host', 'app', 'web.1'], ['host', 'heroku', 'router']])
    assert.ok(body.endsWith('\n'))
  })

  it('a syslog:// drain gets the frames over TCP with the drain token as HOSTNAME', async () => {
    const {stdout, exitCode, provider} = await providerTest({requires: ['syslog_drain'], logDrain: 'syslog'})
    assert.equal(exitCode, 0, stdout)
    for (let i = 0; i < 50 && provider.drainDeliveries.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    const messages = parseDrainBody(Buffer.from(provider.drainDeliveries[0].body), 'syslog')
    assert.deepEqual(messages.map((m) => m.host), [provider.provisions[0].log_drain_token, provider.provisions[0].log_drain_token])
  })

  const cases: [TestProviderOptions['logDrain'], string[], RegExp][] = [
    ['none', [drainChecks[0]], /^ {4}the manifest requires syslog_drain but the answer has no top-level "log_drain_url"$/m],
    ['invalid', [drainChecks[0]], /^ {4}log_drain_url "ftp:\/\/logs\.example\.com\/drain" must match \^\(https\?\|syslog\(\\\+tls\)\?\):\\\/\\\/\\S\+\$ \(an https, http, syslog or syslog\+tls URL\)$/m],
    ['refuses', [drainChecks[1]], /^ {4}delivering 2 lines with Logplex-Drain-Token d\.[0-9a-f-]{36}: expected 2xx, got 500: \{"message":"the log store is full"\}$/m],
  ]
  for (const [logDrain, expectedFailures, reason] of cases) {
    it(`a drain answer that is ${logDrain === 'refuses' ? 'refusing deliveries' : logDrain}: exactly ${expectedFailures.join(', ')} fails (exit 1)`, async () => {
      const {stdout, exitCode, lines} = await providerTest({requires: ['syslog_drain'], logDrain})
      assert.equal(exitCode, 1)
      assert.deepEqual(failed(lines), expectedFailures, stdout)
      assert.match(stdout, reason)
      // no URL to deliver to: the delivery check does not run
      if (logDrain !== 'refuses') assert.ok(!lines.some((l) => l.name === drainChecks[1]), stdout)
    })
  }
})
