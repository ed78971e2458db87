import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {ServiceContext} from '../../../src/platform/services/context.js'
import {defaultHostname, generateDnsTarget, hostnameProblem, normalizeHostname} from '../../../src/platform/services/domain-names.js'
import {defaultDomainId, DomainsService, removeAppDomains, takenMessage} from '../../../src/platform/services/domains.js'
import type {Store} from '../../../src/platform/store/database.js'
import {defaultPage} from '../../../src/platform/store/paging.js'
import {openStoreWithApps, OTHER_ROW, OWNER_ROW} from '../store-rows.js'

const label63 = 'a'.repeat(63)
// 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253
const longest = `${label63}.${label63}.${label63}.${'b'.repeat(57)}.com`

describe('hostnames', () => {
  test('accepted: RFC 1123 names of two or more labels, a leading wildcard, 253 characters at most', () => {
    assert.equal(longest.length, 253)
    for (const ok of ['example.com', 'www.example.com', '*.example.com', 'a-b.c0.example.co.uk', '0.example.com', 'xn--bcher-kva.example', `${label63}.com`, longest]) {
      assert.equal(hostnameProblem(ok), undefined, ok)
    }
  })

  test('refused, each with the rule it breaks', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /^Hostname is required\.$/],
      [`${longest}x`, /^Hostname is too long: 254 characters where at most 253 are allowed\.$/],
      ['bücher.example', /is not ASCII: give an internationalized name in its xn-- \(punycode\) form\.$/],
      ['www.*.example.com', /a wildcard may only be the whole first label, as in \*\.example\.com\.$/],
      ['*example.com', /a wildcard may only be the whole first label/],
      ['*.*.example.com', /a wildcard may only be the whole first label/],
      ['*', /a wildcard may only be the whole first label/],
      ['*.com', /a wildcard needs at least two labels after it/],
      ['com', /it needs at least two labels, as in example\.com\.$/],
      ['www..example.com', /it has an empty label/],
      ['.example.com', /it has an empty label/],
      [`${label63}a.com`, /the label a{64} is longer than 63 characters\.$/],
      ['under_score.example.com', /the label under_score may hold only letters, digits and hyphens\.$/],
      ['white space.example.com', /may hold only letters, digits and hyphens/],
      ['-www.example.com', /the label -www may not start or end with a hyphen\.$/],
      ['www-.example.com', /may not start or end with a hyphen/],
      ['192.168.0.1', /IP addresses cannot be added, only hostnames\.$/],
      ['www.example.localhost', /is under localhost, which the platform keeps for its own names/],
      ['example-app.localhost', /is under localhost/],
      ['*.dns.localhost', /is under localhost/],
    ]
    for (const [hostname, message] of cases) assert.match(hostnameProblem(hostname) ?? 'accepted', message, JSON.stringify(hostname))
  })

  test('normalized: lower case, without the root\'s trailing dot', () => {
    assert.equal(normalizeHostname('WWW.Example.COM'), 'www.example.com')
    assert.equal(normalizeHostname('www.example.com.'), 'www.example.com')
    assert.equal(normalizeHostname('*.Example.com'), '*.example.com')
  })

  test('the default domain and DNS targets live under localhost', () => {
    assert.equal(defaultHostname('example-app'), 'example-app.localhost')
    const targets = new Set<string>()
    for (let i = 0; i < 50; i++) {
      const target = generateDnsTarget()
      assert.match(target, /^[a-z]+-[a-z]+-[a-z0-9]{16}\.dns\.localhost$/)
      assert.equal(hostnameProblem(target.replace(/\.dns\.localhost$/, '.example.com')), undefined, 'a valid hostname itself')
      targets.add(target)
    }
    assert.equal(targets.size, 50)
  })

  test('the default domain id is a UUID derived from the app id', () => {
    const id = defaultDomainId('app-1')
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.equal(defaultDomainId('app-1'), id)
    assert.notEqual(defaultDomainId('app-2'), id)
  })
})

test('a taken hostname names the app holding it only for that app\'s owner', () => {
  const app = {id: 'app-1', name: 'mine'}
  const me = {id: 'acct-1'}
  assert.equal(takenMessage('www.example.com', app, me, {app_id: 'app-1', app_name: 'mine', owner_id: 'acct-1'}), 'www.example.com is already a domain of mine.')
  assert.equal(takenMessage('www.example.com', app, me, {app_id: 'app-2', app_name: 'also-mine', owner_id: 'acct-1'}), 'www.example.com is already taken by your app also-mine.')
  assert.equal(takenMessage('www.example.com', app, me, {app_id: 'app-3', app_name: 'theirs', owner_id: 'acct-2'}), 'www.example.com is already taken by another app.')
  assert.equal(takenMessage('www.example.com', app, me, {app_id: 'gone', app_name: null, owner_id: null}), 'www.example.com is already taken by another app.')
})

describe('the domain service on a store', () => {
  let store: Store
  let domains: DomainsService
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-domains-'))
  const owner = OWNER_ROW
  const other = OTHER_ROW

  before(async () => {
    store = await openStoreWithApps(dir, [['app-1', 'first-app', 'acct-1'], ['app-2', 'second-app', 'acct-1'], ['app-3', 'their-app', 'acct-2']])
    domains = new DomainsService({store} as ServiceContext)
  })
  after(async () => {
    await store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  const stored = async () => (await store.db.selectFrom('domains').select(['hostname', 'app_id']).orderBy('hostname').execute()).map((d) => `${d.app_id} ${d.hostname}`)

  test('a hostname is stored once, lower-cased, and refused to every other app', async () => {
    const {domain} = await domains.create(owner, 'first-app', {hostname: 'WWW.Example.com.', sniEndpoint: null})
    assert.equal(domain.hostname, 'www.example.com')
    assert.equal(domain.kind, 'custom')
    assert.equal(domain.status, 'succeeded')
    await assert.rejects(domains.create(owner, 'first-app', {hostname: 'www.example.com'}), {status: 422, message: 'www.example.com is already a domain of first-app.'})
    await assert.rejects(domains.create(owner, 'second-app', {hostname: 'www.EXAMPLE.com'}), {status: 422, message: 'www.example.com is already taken by your app first-app.'})
    await assert.rejects(domains.create(other, 'their-app', {hostname: 'www.example.com'}), {status: 422, message: 'www.example.com is already taken by another app.'})
    assert.deepEqual(await stored(), ['app-1 www.example.com'])
  })

  test('invalid hostnames and SNI endpoints are refused before anything is written', async () => {
    await assert.rejects(domains.create(owner, 'second-app', {hostname: 'bad_name.example.com'}), {status: 422})
    await assert.rejects(domains.create(owner, 'second-app', {hostname: 'api.example.com', sniEndpoint: 'my-cert'}), {message: /no SNI endpoints/})
    assert.deepEqual(await stored(), ['app-1 www.example.com'])
  })

  test('the default domain cannot be removed; a custom one can, by hostname or id, once', async () => {
    await assert.rejects(domains.destroy(owner, 'second-app', 'second-app.localhost'), {status: 422, message: 'second-app.localhost is the default domain of second-app: it cannot be removed.'})
    await assert.rejects(domains.destroy(owner, 'second-app', defaultDomainId('app-2')), {status: 422})
    const {domain} = await domains.create(owner, 'second-app', {hostname: 'api.example.com'})
    assert.equal((await domains.destroy(owner, 'second-app', domain.id)).domain.hostname, 'api.example.com')
    await assert.rejects(domains.destroy(owner, 'second-app', 'api.example.com'), {status: 404, message: "Couldn't find that domain."})
    // another app's domain does not exist for this one
    await assert.rejects(domains.info(owner, 'second-app', 'www.example.com'), {status: 404})
  })

  test('the default domain leads the first page; Next-Range continues with the custom ones', async () => {
    await domains.create(owner, 'second-app', {hostname: 'b.example.org'})
    await domains.create(owner, 'second-app', {hostname: 'a.example.org'})
    const byHostname = {...defaultPage('hostname')}
    const whole = await domains.list(owner, 'second-app', byHostname)
    assert.deepEqual(whole.page.items.map((d) => d.hostname), ['second-app.localhost', 'a.example.org', 'b.example.org'])
    assert.equal(whole.page.nextStart, undefined)

    const first = await domains.list(owner, 'second-app', {...byHostname, max: 1})
    assert.deepEqual(first.page.items.map((d) => d.hostname), ['second-app.localhost'])
    assert.equal(first.page.nextStart, '', 'after the default domain: the custom ones from their first')
    const second = await domains.list(owner, 'second-app', {...byHostname, max: 1, startExclusive: true})
    assert.deepEqual(second.page.items.map((d) => d.hostname), ['a.example.org'])
    const third = await domains.list(owner, 'second-app', {...byHostname, max: 1, startExclusive: true, start: second.page.nextStart})
    assert.deepEqual(third.page.items.map((d) => d.hostname), ['b.example.org'])
    assert.equal(third.page.nextStart, undefined)

    const two = await domains.list(owner, 'second-app', {...byHostname, max: 2})
    assert.deepEqual(two.page.items.map((d) => d.hostname), ['second-app.localhost', 'a.example.org'])
    assert.equal(two.page.nextStart, 'a.example.org')
  })

  test("an app's domains go with it", async () => {
    await store.transaction((tx) => removeAppDomains(tx, 'app-2'))
    assert.deepEqual(await stored(), ['app-1 www.example.com'])
  })
})
