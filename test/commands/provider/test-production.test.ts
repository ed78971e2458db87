import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {cleanEnv, ensureBuilt, runNode} from '../../bin/spawn.js'
import {ROOT} from '../../helpers/cli.js'
import {startTestProvider, type TestProvider} from '../../fixtures/provider-tooling/test-provider.js'
import {checkLines, failed} from './checks-output.js'

// provider:test --production against a provider served over https with a self-signed certificate
// (test/fixtures/tls, for 127.0.0.1, valid until 2126). Node trusts extra certificates only from
// NODE_EXTRA_CA_CERTS at start-up, so the built CLI runs as a child process.

const BIN = join(ROOT, 'bin', 'run.js')
const TLS_DIR = join(ROOT, 'test', 'fixtures', 'tls')
const tls = {key: readFileSync(join(TLS_DIR, 'provider-key.pem'), 'utf8'), cert: readFileSync(join(TLS_DIR, 'provider-cert.pem'), 'utf8')}
const trusting = {NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'provider-cert.pem')}

describe('provider:test --production', () => {
  const providers: TestProvider[] = []
  const start = async (options: {configHost?: string; async?: boolean; asyncFinishes?: boolean}) => {
    const provider = await startTestProvider({tls, ...options})
    providers.push(provider)
    return {provider, manifest: await provider.writeManifest()}
  }
  before(() => ensureBuilt())
  after(async () => {
    for (const provider of providers) await provider.close()
  })

  it('checks the https production URLs and passes a provider that does everything right', async () => {
    const {provider, manifest} = await start({configHost: 'myaddon.example.com'})
    const {stdout, stderr, code} = await runNode([BIN, 'provider:test', 'all', '--production', '--manifest', manifest], cleanEnv(trusting))
    assert.equal(code, 0, stdout + stderr)
    assert.ok(provider.url.startsWith('https://127.0.0.1:'))
    assert.deepEqual(failed(checkLines(stdout)), [])
    assert.ok(checkLines(stdout).length > 20)
    // every call went to the production (https) server, none to a test URL
    assert.ok(provider.requests.some((line) => line.startsWith('POST /heroku/resources 201')))
    assert.ok(provider.requests.some((line) => line.startsWith('POST /sso/login')))
  })

  it('refuses config URLs that point at this machine: a production app could not reach them', async () => {
    const {manifest} = await start({})
    const {stdout, code} = await runNode([BIN, 'provider:test', 'provision', '--production', '--manifest', manifest], cleanEnv(trusting))
    assert.equal(code, 1)
    assert.deepEqual(failed(checkLines(stdout)), ['*_URL config vars are URLs with a host'])
    assert.match(stdout, /MYADDON_URL points at 127\.0\.0\.1: a production app cannot reach it/)
  })

  it('does not trust a certificate nobody vouches for', async () => {
    const {manifest} = await start({configHost: 'myaddon.example.com'})
    const {stdout, code} = await runNode([BIN, 'provider:test', 'provision', '--production', '--manifest', manifest], cleanEnv({}))
    assert.equal(code, 1)
    assert.match(stdout, /Check provision response is 200, 201 or 202 \.\.\. \[FAIL\]/)
    assert.match(stdout, /unable to connect to https:\/\/127\.0\.0\.1:\d+\/heroku\/resources \(its TLS certificate is self-signed and not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)\)/)
  })

  it('says why an asynchronous production provider cannot finish: the stand-in is on this machine', async () => {
    const {manifest} = await start({configHost: 'myaddon.example.com', async: true, asyncFinishes: false})
    const {stdout, code} = await runNode([BIN, 'provider:test', 'provision', '--production', '--async-timeout', '1', '--manifest', manifest], cleanEnv(trusting))
    assert.equal(code, 1)
    assert.match(stdout, /no grant exchange at http:\/\/127\.0\.0\.1:\d+\/oauth\/token within 1 s \(the stand-in listens on 127\.0\.0\.1: a provider on another machine cannot reach it\)/)
  })
})
