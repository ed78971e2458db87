import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'
import Fastify from 'fastify'
import {loadBuiltinProviders} from '../../../src/providers/builtin.js'
import {runCli} from '../../helpers/cli.js'
import {startPartnerProvider, type PartnerBehaviour, type PartnerProvider} from '../../fixtures/provider-tooling/partner-provider.js'
import {checkLines, failed, warned} from './checks-output.js'

// provider:test plays the partner API a provider calls once its add-on exists: the reads (add-on,
// app and owner, domains) over made-up samples, and add-on webhooks, whose URL gets a signed
// sample event at once (it must answer 2xx) and a copy signed with another secret (it should refuse).
const providers: PartnerProvider[] = []
after(async () => {
  for (const provider of providers) await provider.close()
})

async function providerTest(behaviour: PartnerBehaviour, ...args: string[]) {
  const provider = await startPartnerProvider(behaviour)
  providers.push(provider)
  const result = await runCli(['provider:test', 'all', '--manifest', await provider.writeManifest(), ...args])
  return {...result, provider, lines: checkLines(result.stdout)}
}

const authorized = "partner API calls are authorized and within the token's reach"
const signedEvent = (url: string) => `webhook ${url} takes a signed api:release event`
const forgedEvent = (url: string) => `webhook ${url} refuses an event signed with another secret`
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

describe('provider:test and a provider that uses the partner API', () => {
  it('reads the sample app, its owner and domains; its receiver takes the signed event and refuses the forged one', async () => {
    const {stdout, exitCode, provider, lines} = await providerTest('subscribes')
    assert.equal(exitCode, 0, stdout)
    assert.deepEqual(failed(lines), [])
    assert.deepEqual(warned(stdout), [])
    assert.deepEqual([...provider.seen.values()], [{app: 'provider-test-app', owner: 'owner@example.com', domains: ['provider-test-app.example.com', 'www.example.com']}])
    assert.match(stdout, /^Testing the partner API at http:\/\/127\.0\.0\.1:\d+ \(reads and webhooks\)$/m)
    assert.match(stdout, new RegExp(`^ {2}Check ${escape(authorized)} \\.\\.\\. \\[PASS\\]\\n {4}\\(GET /addons/[0-9a-f-]{36}, GET /apps/[0-9a-f-]{36}, GET /apps/[0-9a-f-]{36}/domains, POST /addons/[0-9a-f-]{36}/webhooks\\)$`, 'm'))
    const hook = new RegExp(`Check webhook (${escape(provider.url)}/webhooks/[0-9a-f-]{36}) takes a signed api:release event \\.\\.\\. \\[PASS\\]\\n {4}\\(204; notify subscription to api:release, api:domain\\)`).exec(stdout)
    assert.ok(hook, stdout)
    assert.match(stdout, new RegExp(`Check ${escape(forgedEvent(hook[1]))} \\.\\.\\. \\[PASS\\]\\n {4}\\(403\\)`))
    // the one event the receiver took is typed as the platform sends it
    assert.equal(provider.events.length, 1)
    const [event] = provider.events
    assert.equal(event.resource, 'release')
    assert.equal(event.action, 'create')
    assert.equal(event.webhook_metadata.event.include, 'api:release')
  })

  it('a receiver that fails the signed event fails the run', async () => {
    const {stdout, exitCode, lines} = await providerTest('receiver-fails', '--json')
    assert.equal(exitCode, 1)
    const result = JSON.parse(stdout) as {ok: boolean; checks: {name: string; ok: boolean; severity: string; reason?: string}[]}
    assert.equal(result.ok, false)
    const failing = result.checks.filter((c) => !c.ok)
    assert.equal(failing.length, 1)
    assert.match(failing[0].name, /^webhook http:\/\/127\.0\.0\.1:\d+\/webhooks\/[0-9a-f-]{36} takes a signed api:release event$/)
    assert.equal(failing[0].severity, 'must')
    assert.equal(failing[0].reason, 'expected 2xx, got 500: the platform counts anything else as a failed delivery')
    assert.deepEqual(lines, [], '--json prints no text lines')
  })

  it('a receiver that takes anything, signed or not, is warned about; the run passes', async () => {
    const {stdout, exitCode, provider} = await providerTest('receiver-trusts')
    assert.equal(exitCode, 0, stdout)
    const url = /Check webhook (\S+) takes a signed/.exec(stdout)![1]
    assert.deepEqual(warned(stdout), [forgedEvent(url)])
    assert.match(stdout, new RegExp(`Check ${escape(forgedEvent(url))} \\.\\.\\. \\[WARN\\]\\n {4}expected 401 or 403, got 204: check Heroku-Webhook-Hmac-SHA256 against the raw body before trusting an event\\n {4}\\(good practice`))
    assert.ok(checkLines(stdout).some((line) => line.name === signedEvent(url) && line.ok))
    assert.equal(provider.events.length, 2, 'it took the forged copy too')
  })

  it('a call beyond the token\'s reach fails, naming it', async () => {
    const {stdout, exitCode, lines} = await providerTest('reads-too-much')
    assert.equal(exitCode, 1)
    assert.deepEqual(failed(lines), [authorized])
    assert.match(stdout, new RegExp(`Check ${escape(authorized)} \\.\\.\\. \\[FAIL\\]\\n {4}GET /apps: a partner token may not do this \\(the platform answers 403\\)\\n`))
  })

  it('a subscription the platform would refuse fails, with the platform\'s message', async () => {
    const {stdout, exitCode, lines} = await providerTest('bad-include')
    assert.equal(exitCode, 1)
    assert.deepEqual(failed(lines), ['webhook subscriptions are ones the platform takes'])
    assert.match(stdout, /\[FAIL\]\n {4}Unknown include api:build: valid includes are api:app, api:addon, api:addon-attachment, api:release, api:domain\.\n/)
    assert.match(stdout, /^ {2}\(no webhook subscription: no sample event was sent\)$/m)
  })

  it('a provider that only keeps its token: its calls are checked, no event is sent', async () => {
    const {stdout, exitCode, lines} = await providerTest('quiet')
    assert.equal(exitCode, 0, stdout)
    assert.ok(lines.some((line) => line.name === authorized && line.ok))
    assert.match(stdout, /^ {2}\(no webhook subscription: no sample event was sent\)$/m)
  })
})

describe('provider:test and the built-in logbook', () => {
  it('it subscribes to the app\'s releases and domains; its receiver takes the signed event and refuses the forged one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'addonkit-logbook-check-'))
    const app = Fastify()
    const builtins = await loadBuiltinProviders(app, {dataDir: dir})
    try {
      const manifests = await builtins.start(await app.listen({host: '127.0.0.1', port: 0}))
      const logbook = manifests.find((m) => m.id === 'logbook')!
      const path = join(dir, 'logbook-manifest.json')
      // the checker wants https production URLs; the checks run against api.test
      await writeFile(path, JSON.stringify({...logbook, api: {...logbook.api, production: {base_url: 'https://logbook.example.com/heroku/resources', sso_url: 'https://logbook.example.com/sso/login'}}}))
      const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', path])
      assert.equal(exitCode, 0, stdout)
      assert.deepEqual(failed(checkLines(stdout)), [])
      assert.deepEqual(warned(stdout), [])
      const url = new RegExp(`Check webhook (${escape(app.listeningOrigin)}/providers/logbook/webhooks/[0-9a-f-]{36}) takes a signed api:release event \\.\\.\\. \\[PASS\\]\\n {4}\\(204; sync subscription to api:release, api:domain\\)`).exec(stdout)
      assert.ok(url, stdout)
      assert.ok(checkLines(stdout).some((line) => line.name === forgedEvent(url[1]) && line.ok))
    } finally {
      await builtins.close()
      await app.close()
      await rm(dir, {recursive: true, force: true})
    }
  })
})
