import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const app = {id: '9a6f4b0e-0000-4000-8000-000000000001', name: 'example-app'}
const at = '2024-05-01T12:00:00Z'
const domain = (hostname: string, extra: Record<string, unknown> = {}) => ({
  id: `id-${hostname}`, hostname, kind: 'custom', cname: `misty-cove-${hostname.length}abcdefghijklmn.dns.localhost`, status: 'succeeded',
  acm_status: null, acm_status_reason: null, sni_endpoint: null, app, created_at: at, updated_at: at, ...extra,
})
const own = domain('example-app.localhost', {kind: 'heroku', cname: null, status: 'none'})

describe('domains', () => {
  afterEach(() => nock.cleanAll())

  it('prints the default domain, then the custom ones sorted in a table', async () => {
    const scope = nock(API).get('/apps/example-app/domains').matchHeader('range', 'id ..; max=1000')
      .reply(200, [own, domain('www.example.com'), domain('example.com'), domain('*.example.com')])
    const {stdout, stderr, exitCode} = await runCli(['domains', '--app', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      '=== example-app Heroku Domain',
      'example-app.localhost',
      '',
      '=== example-app Custom Domains',
      'Domain Name      DNS Record Type  DNS Target',
      '---------------  ---------------  -------------------------------------------',
      '*.example.com    CNAME            misty-cove-13abcdefghijklmn.dns.localhost',
      'example.com      ALIAS or ANAME   misty-cove-11abcdefghijklmn.dns.localhost',
      'www.example.com  CNAME            misty-cove-15abcdefghijklmn.dns.localhost',
      '',
    ].join('\n'))
    scope.done()
  })

  it('leaves the custom table out when there is none; --json prints the API array', async () => {
    const scope = nock(API).get('/apps/example-app/domains').times(2).reply(200, [own])
    assert.equal((await runCli(['domains', '-a', 'example-app'])).stdout, '=== example-app Heroku Domain\nexample-app.localhost\n')
    assert.deepEqual(JSON.parse((await runCli(['domains', '-a', 'example-app', '--json'])).stdout), [own])
    scope.done()
  })

  it('needs an app, and says so on one line', async () => {
    const {stderr, exitCode} = await runCli(['domains'])
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Missing required flag app\n')
  })

  it('an unknown app exits 3 with the API message', async () => {
    const scope = nock(API).get('/apps/no-such-app/domains').reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['domains', '-a', 'no-such-app'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    scope.done()
  })
})

describe('domains:add', () => {
  afterEach(() => nock.cleanAll())

  it('adds the domain and prints where its CNAME must point', async () => {
    const added = domain('www.example.com')
    const scope = nock(API).post('/apps/example-app/domains', {hostname: 'www.example.com', sni_endpoint: null}).reply(201, added)
    const {stdout, stderr, exitCode} = await runCli(['domains:add', 'www.example.com', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.match(stderr, /Adding www\.example\.com to example-app\.\.\. done\n/)
    assert.equal(stdout, `Configure your DNS provider: point a CNAME record for www.example.com at ${added.cname}.\n`)
    scope.done()
  })

  it('an apex domain gets an ALIAS or ANAME record; a pending one says how to follow it; --json prints the domain', async () => {
    const apex = domain('example.com', {status: 'pending'})
    const scope = nock(API).post('/apps/example-app/domains').times(2).reply(201, apex)
    const {stdout} = await runCli(['domains:add', 'example.com', '-a', 'example-app'])
    assert.equal(stdout, [
      `Configure your DNS provider: point an ALIAS or ANAME record for example.com at ${apex.cname}.`,
      'The domain is still being set up: `addonkit domains:info example.com --app example-app` shows its status.',
      '',
    ].join('\n'))
    const json = await runCli(['domains:add', 'example.com', '-a', 'example-app', '--json'])
    assert.deepEqual(JSON.parse(json.stdout), apex)
    scope.done()
  })

  it('a refused hostname shows the API message and exits 1', async () => {
    const scope = nock(API).post('/apps/example-app/domains').reply(422, {id: 'invalid_params', message: 'www.example.com is already taken by another app.'})
    const {stdout, stderr, exitCode} = await runCli(['domains:add', 'www.example.com', '-a', 'example-app'])
    assert.equal(exitCode, 1)
    assert.equal(stdout, '')
    assert.match(stderr, /\nError: www\.example\.com is already taken by another app\.\n$/)
    scope.done()
  })

  it('needs a hostname', async () => {
    const {stderr, exitCode} = await runCli(['domains:add', '-a', 'example-app'])
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Missing required argument: HOSTNAME\n')
  })
})

describe('domains:remove', () => {
  afterEach(() => nock.cleanAll())

  it('removes the domain', async () => {
    const scope = nock(API).delete('/apps/example-app/domains/*.example.com').reply(200, domain('*.example.com'))
    const {stdout, stderr, exitCode} = await runCli(['domains:remove', '*.example.com', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, '')
    assert.match(stderr, /Removing \*\.example\.com from example-app\.\.\. done\n/)
    scope.done()
  })

  it('an unknown domain exits 3, the default domain 1, each with the API message', async () => {
    const scope = nock(API)
      .delete('/apps/example-app/domains/nowhere.example.com').reply(404, {id: 'not_found', message: "Couldn't find that domain.", resource: 'domain'})
      .delete('/apps/example-app/domains/example-app.localhost').reply(422, {id: 'invalid_params', message: 'example-app.localhost is the default domain of example-app: it cannot be removed.'})
    const unknown = await runCli(['domains:remove', 'nowhere.example.com', '-a', 'example-app'])
    assert.equal(unknown.exitCode, 3)
    assert.match(unknown.stderr, /\nError: Couldn't find that domain\.\n$/)
    const fixed = await runCli(['domains:remove', 'example-app.localhost', '-a', 'example-app'])
    assert.equal(fixed.exitCode, 1)
    assert.match(fixed.stderr, /\nError: example-app\.localhost is the default domain of example-app: it cannot be removed\.\n$/)
    scope.done()
  })
})

describe('domains:info', () => {
  afterEach(() => nock.cleanAll())

  it('prints a custom domain, and the default one without a DNS target', async () => {
    const custom = domain('www.example.com')
    const scope = nock(API).get('/apps/example-app/domains/www.example.com').reply(200, custom)
      .get('/apps/example-app/domains/example-app.localhost').reply(200, own)
    const {stdout, exitCode} = await runCli(['domains:info', 'www.example.com', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== www.example.com',
      'App:             example-app',
      `Created At:      ${at}`,
      'DNS Record Type: CNAME',
      `DNS Target:      ${custom.cname}`,
      'ID:              id-www.example.com',
      'Kind:            custom',
      'Status:          succeeded',
      `Updated At:      ${at}`,
      '',
    ].join('\n'))
    const fixed = await runCli(['domains:info', 'example-app.localhost', '-a', 'example-app'])
    assert.equal(fixed.stdout, [
      '=== example-app.localhost',
      'App:        example-app',
      `Created At: ${at}`,
      'ID:         id-example-app.localhost',
      'Kind:       heroku',
      'Status:     none',
      `Updated At: ${at}`,
      '',
    ].join('\n'))
    scope.done()
  })

  it('shows ACM and the SNI endpoint when Heroku reports them; --json prints the domain', async () => {
    const secured = domain('shop.example.com', {acm_status: 'failing', acm_status_reason: 'Failing CCA check', sni_endpoint: {id: 's1', name: 'tokyo-123'}})
    const scope = nock(API).get('/apps/example-app/domains/shop.example.com').times(2).reply(200, secured)
    const {stdout} = await runCli(['domains:info', 'shop.example.com', '-a', 'example-app'])
    assert.match(stdout, /^=== shop\.example\.com\nACM Status:        failing\nACM Status Reason: Failing CCA check\nApp: {15}example-app\n/)
    assert.match(stdout, /\nSNI Endpoint:      tokyo-123\n/)
    assert.deepEqual(JSON.parse((await runCli(['domains:info', 'shop.example.com', '-a', 'example-app', '--json'])).stdout), secured)
    scope.done()
  })
})
