import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestPlatform, type TestPlatform} from './helpers.js'

interface Domain {
  id: string
  hostname: string
  kind: string
  cname: string | null
  status: string
  acm_status: string | null
  acm_status_reason: string | null
  sni_endpoint: unknown
  app: {id: string; name: string}
  created_at: string
  updated_at: string
}
interface Problem {
  id: string
  message: string
  resource?: string
}

const TARGET = /^[a-z]+-[a-z]+-[a-z0-9]{16}\.dns\.localhost$/

describe('domains: /apps/{app}/domains', () => {
  let p: TestPlatform
  let appId: string

  before(async () => {
    p = await startTestPlatform([])
    appId = (await p.api.post<{id: string}>('apps', {json: {name: 'domain-app'}})).body.id
    await p.api.post('apps', {json: {name: 'domain-other'}})
    await p.stranger.post('apps', {json: {name: 'stranger-app'}})
  })
  after(async () => {
    await p?.close()
  })

  const stored = async () =>
    (await p.platform.services.ctx.store.db.selectFrom('domains').select(['hostname', 'app_id']).orderBy('hostname').execute()).map((d) => d.hostname)
  const add = (hostname: string, app = 'domain-app', api = p.api) => api.post<Domain & Problem>(`apps/${app}/domains`, {json: {hostname, sni_endpoint: null}})

  test('an app starts with its default domain, first and not removable', async () => {
    const list = await p.api.get<Domain[]>('apps/domain-app/domains')
    assert.equal(list.statusCode, 200)
    assert.equal(list.body.length, 1)
    const [lead] = list.body
    assert.deepEqual({...lead, id: undefined, created_at: undefined, updated_at: undefined}, {
      id: undefined, hostname: 'domain-app.localhost', kind: 'heroku', cname: null, status: 'none', acm_status: null, acm_status_reason: null,
      sni_endpoint: null, app: {id: appId, name: 'domain-app'}, created_at: undefined, updated_at: undefined,
    })
    assert.deepEqual((await p.api.get<Domain>(`apps/domain-app/domains/${lead.id}`)).body, lead)
    assert.deepEqual((await p.api.get<Domain>('apps/domain-app/domains/Domain-App.localhost')).body, lead)
    const refused = await p.api.delete<Problem>('apps/domain-app/domains/domain-app.localhost')
    assert.equal(refused.statusCode, 422)
    assert.deepEqual(refused.body, {id: 'invalid_params', message: 'domain-app.localhost is the default domain of domain-app: it cannot be removed.'})
    assert.equal((await p.api.get<Domain[]>('apps/domain-app/domains')).body.length, 1)
  })

  test('create, list, info and delete a custom domain', async () => {
    const created = await add('WWW.Example.com')
    assert.equal(created.statusCode, 201)
    const domain = created.body
    assert.equal(domain.hostname, 'www.example.com')
    assert.equal(domain.kind, 'custom')
    assert.match(domain.cname ?? '', TARGET)
    assert.equal(domain.status, 'succeeded')
    assert.equal(domain.acm_status, null)
    assert.equal(domain.acm_status_reason, null)
    assert.equal(domain.sni_endpoint, null)
    assert.deepEqual(domain.app, {id: appId, name: 'domain-app'})
    assert.equal(domain.created_at, domain.updated_at)

    const list = await p.api.get<Domain[]>('apps/domain-app/domains')
    assert.deepEqual(list.body.map((d) => [d.kind, d.hostname]), [['heroku', 'domain-app.localhost'], ['custom', 'www.example.com']])
    assert.deepEqual(list.body[1], domain)
    assert.deepEqual((await p.api.get<Domain>('apps/domain-app/domains/WWW.EXAMPLE.COM')).body, domain)
    assert.deepEqual((await p.api.get<Domain>(`apps/domain-app/domains/${domain.id}`)).body, domain)
    assert.deepEqual((await p.api.get<Domain>(`apps/${appId}/domains/www.example.com.`)).body, domain)

    const removed = await p.api.delete<Domain>('apps/domain-app/domains/www.example.com')
    assert.equal(removed.statusCode, 200)
    assert.deepEqual(removed.body, domain)
    const gone = await p.api.get<Problem>('apps/domain-app/domains/www.example.com')
    assert.equal(gone.statusCode, 404)
    assert.deepEqual(gone.body, {id: 'not_found', message: "Couldn't find that domain.", resource: 'domain'})
    assert.deepEqual(await stored(), [])
  })

  test('hostnames are validated: each bad one is refused with 422 and nothing is stored', async () => {
    const label63 = 'a'.repeat(63)
    const longest = `${label63}.${label63}.${label63}.${'b'.repeat(57)}.com`
    const refused: Array<[string, RegExp]> = [
      [`x${longest}`, /^Hostname is too long: 254 characters where at most 253 are allowed\.$/],
      ['www.*.example.com', /^Hostname www\.\*\.example\.com is invalid: a wildcard may only be the whole first label, as in \*\.example\.com\.$/],
      ['*.com', /a wildcard needs at least two labels after it/],
      ['intranet', /it needs at least two labels/],
      ['under_score.example.com', /the label under_score may hold only letters, digits and hyphens/],
      ['-dash.example.com', /may not start or end with a hyphen/],
      [`${label63}b.example.com`, /is longer than 63 characters/],
      ['www..example.com', /empty label/],
      ['10.0.0.1', /IP addresses cannot be added/],
      ['bücher.example.com', /xn-- \(punycode\)/],
      ['shop.domain-other.localhost', /is under localhost, which the platform keeps for its own names/],
      ['', /^Hostname is required\.$/],
    ]
    for (const [hostname, message] of refused) {
      const res = await add(hostname)
      assert.equal(res.statusCode, 422, hostname)
      assert.equal(res.body.id, 'invalid_params')
      assert.match(res.body.message, message, hostname)
    }
    const noHostname = await p.api.post<Problem>('apps/domain-app/domains', {json: {sni_endpoint: null}})
    assert.equal(noHostname.statusCode, 422)
    assert.match(noHostname.body.message, /hostname/)
    const sni = await p.api.post<Problem>('apps/domain-app/domains', {json: {hostname: 'secure.example.com', sni_endpoint: 'my-cert'}})
    assert.equal(sni.statusCode, 422)
    assert.equal(sni.body.message, 'This platform has no SNI endpoints, so my-cert cannot serve a domain: send sni_endpoint null.')
    assert.deepEqual(await stored(), [])

    // accepted, lower-cased: a wildcard, an apex, the longest name, upper case
    for (const hostname of ['*.Example.com', 'example.com', longest, 'API.EXAMPLE.NET.']) assert.equal((await add(hostname)).statusCode, 201, hostname)
    assert.deepEqual(await stored(), ['*.example.com', 'api.example.net', longest, 'example.com'].sort())
    assert.equal((await p.api.get<Domain>('apps/domain-app/domains/*.example.com')).body.hostname, '*.example.com')
    assert.equal((await p.api.delete('apps/domain-app/domains/%2A.example.com')).statusCode, 200)
  })

  test('a hostname is taken across the platform: the app is named only to its owner', async () => {
    assert.equal((await add('shop.example.com')).statusCode, 201)
    const again = await add('SHOP.example.com')
    assert.deepEqual([again.statusCode, again.body.message], [422, 'shop.example.com is already a domain of domain-app.'])
    const mine = await add('shop.example.com', 'domain-other')
    assert.deepEqual([mine.statusCode, mine.body.message], [422, 'shop.example.com is already taken by your app domain-app.'])
    const theirs = await add('shop.example.com', 'stranger-app', p.stranger)
    assert.deepEqual([theirs.statusCode, theirs.body], [422, {id: 'invalid_params', message: 'shop.example.com is already taken by another app.'}])
    assert.equal((await add('blog.example.com', 'stranger-app', p.stranger)).statusCode, 201)
    const fromOwner = await add('blog.example.com')
    assert.deepEqual([fromOwner.statusCode, fromOwner.body.message], [422, 'blog.example.com is already taken by another app.'])
  })

  test('concurrent adds of one hostname: exactly one wins', async () => {
    const tries = await Promise.all(Array.from({length: 8}, (_, i) => add('race.example.com', i % 2 === 0 ? 'domain-app' : 'domain-other')))
    const codes = tries.map((t) => t.statusCode).sort()
    assert.deepEqual(codes, [201, 422, 422, 422, 422, 422, 422, 422])
    for (const lost of tries.filter((t) => t.statusCode === 422)) assert.match(lost.body.message, /^race\.example\.com is already (a domain of|taken by your app) domain-/)
    assert.equal((await stored()).filter((h) => h === 'race.example.com').length, 1)
    const winner = tries.find((t) => t.statusCode === 201)!.body
    assert.equal((await p.api.delete(`apps/${winner.app.name}/domains/race.example.com`)).statusCode, 200)
  })

  test("another app's domain, an unknown one and another owner's app", async () => {
    for (const ref of ['blog.example.com', 'nowhere.example.com', '01234567-89ab-cdef-0123-456789abcdef', 'stranger-app.localhost']) {
      const res = await p.api.get<Problem>(`apps/domain-app/domains/${ref}`)
      assert.deepEqual([res.statusCode, res.body.resource], [404, 'domain'], ref)
      assert.equal((await p.api.delete(`apps/domain-app/domains/${ref}`)).statusCode, 404, ref)
    }
    assert.equal((await p.api.get('apps/stranger-app/domains')).statusCode, 403)
    assert.equal((await add('api.example.org', 'stranger-app')).statusCode, 403)
    assert.equal((await p.api.get('apps/no-such-app/domains')).statusCode, 404)
  })

  test('Range paging: the default domain leads, Next-Range walks the custom ones', async () => {
    const first = await p.api.get<Domain[]>('apps/domain-app/domains', {headers: {range: 'hostname ..; max=1'}})
    assert.equal(first.statusCode, 206)
    assert.deepEqual(first.body.map((d) => d.hostname), ['domain-app.localhost'])
    assert.equal(first.headers['next-range'], 'hostname ]..; max=1')
    const seen = [...first.body]
    let range = String(first.headers['next-range'])
    for (let i = 0; i < 10 && range; i++) {
      const page = await p.api.get<Domain[]>('apps/domain-app/domains', {headers: {range}})
      seen.push(...page.body)
      range = String(page.headers['next-range'] ?? '')
    }
    const whole = await p.api.get<Domain[]>('apps/domain-app/domains', {headers: {range: 'id ..; max=1000;'}})
    assert.equal(whole.statusCode, 200)
    const hostnames = (domains: Domain[]) => domains.map((d) => d.hostname)
    assert.equal(whole.body.length, 5)
    assert.deepEqual(hostnames(seen), ['domain-app.localhost', ...hostnames(whole.body.slice(1)).sort()])
    assert.equal(whole.body[0].kind, 'heroku')
  })

  test('the default domain follows a rename; the app has no SNI endpoints', async () => {
    const before = (await p.api.get<Domain[]>('apps/domain-other/domains')).body[0]
    assert.equal((await p.api.patch('apps/domain-other', {json: {name: 'domain-renamed'}})).statusCode, 200)
    const after = (await p.api.get<Domain[]>('apps/domain-renamed/domains')).body[0]
    assert.deepEqual([after.id, after.hostname], [before.id, 'domain-renamed.localhost'])
    const sni = await p.api.get('apps/domain-app/sni-endpoints')
    assert.deepEqual([sni.statusCode, sni.body], [200, []])
    assert.equal((await p.api.get('apps/stranger-app/sni-endpoints')).statusCode, 403)
  })

  test("destroying an app removes its domains and frees their hostnames", async () => {
    assert.equal((await add('doomed.example.com', 'domain-renamed')).statusCode, 201)
    assert.equal((await p.api.delete('apps/domain-renamed')).statusCode, 200)
    assert.ok(!(await stored()).includes('doomed.example.com'))
    assert.equal((await p.api.get('apps/domain-renamed/domains')).statusCode, 404)
    assert.equal((await add('doomed.example.com', 'stranger-app', p.stranger)).statusCode, 201)
  })
})
