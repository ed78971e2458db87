import {after, before, describe, test} from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import {providerKit, ProviderError, ssoToken, userScopedSsoToken} from '../../../src/providers/kit/index.js'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'
import {providerClient, provisionBody} from '../provider-client.js'

const manifest: ProviderManifest = {
  id: 'widgets',
  name: 'Widgets',
  api: {
    config_vars: ['WIDGETS_URL'],
    password: 'provider-password',
    sso_salt: 'provider-salt',
    regions: ['us', 'frankfurt'],
    production: {base_url: 'https://widgets.example.com/heroku/resources', sso_url: 'https://widgets.example.com/sso/login'},
  },
  plans: [
    {name: 'test', price: {cents: 0, unit: 'month'}, default: true},
    {name: 'big', price: {cents: 1000, unit: 'month'}},
  ],
}

const app = Fastify()
let base = ''
let provisions = 0
const deprovisioned: string[] = []
let api: ReturnType<typeof providerClient>
let intruder: ReturnType<typeof providerClient>

before(async () => {
  await app.register(
    providerKit({
      manifest,
      async provision(request) {
        provisions++
        await new Promise((resolve) => setTimeout(resolve, 20)) // lets concurrent repeats overlap
        if (request.options?.fail) throw new ProviderError(503, 'widgets are sold out')
        return {config: {WIDGETS_URL: `https://widgets.example.com/${provisions}`}, message: 'widget ready'}
      },
      async planChange(_resource, plan) {
        return {config: {WIDGETS_URL: `https://widgets.example.com/${plan}`}, message: `now ${plan}`}
      },
      async deprovision(resource) {
        deprovisioned.push(resource.id)
      },
      async dashboard() {
        return {Usage: '3 widgets of 10'}
      },
    }),
    {prefix: '/providers/widgets'},
  )
  base = `${await app.listen({host: '127.0.0.1', port: 0})}/providers/widgets`
  api = providerClient(base, manifest)
  intruder = providerClient(base, manifest, 'wrong-password')
})
after(() => app.close())

describe('Basic auth comes before everything', () => {
  test('every verb answers 401 with wrong credentials, for known and unknown ids', async () => {
    const known = (await api.provision(provisionBody())).body.id
    for (const id of [known, 'no-such-resource']) {
      assert.equal((await intruder.planChange(id, 'big')).status, 401)
      assert.equal((await intruder.deprovision(id)).status, 401)
    }
    const refused = await intruder.provision(provisionBody())
    assert.deepEqual(refused, {status: 401, body: {message: 'wrong or missing credentials for this add-on provider'}})
    // Even a malformed body gets 401, not a validation error.
    assert.equal((await intruder.call('POST', '/heroku/resources', {nonsense: true})).status, 401)
    const anonymous = await fetch(`${base}/heroku/resources`, {method: 'POST'})
    assert.equal(anonymous.status, 401)
    assert.equal(anonymous.headers.get('www-authenticate'), 'Basic realm="widgets"')
    assert.deepEqual(deprovisioned, [])
  })
})

describe('provision', () => {
  test('a repeated provision with the same uuid returns the same resource, also when concurrent', async () => {
    const body = provisionBody()
    const before = provisions
    const [first, second] = await Promise.all([api.provision(body), api.provision(body)])
    const third = await api.provision(body)
    assert.equal(first.status, 200)
    assert.equal(first.body.id, body.uuid)
    assert.deepEqual(second.body, first.body)
    assert.deepEqual(third.body, first.body)
    assert.equal(provisions - before, 1)
    assert.equal(first.body.message, 'widget ready')
  })

  test('an unknown plan or region is refused with 422 and a message; nothing is created', async () => {
    const before = provisions
    assert.deepEqual(await api.provision(provisionBody({plan: 'huge'})), {
      status: 422,
      body: {message: 'widgets has no plan "huge": use one of test, big.'},
    })
    assert.deepEqual(await api.provision(provisionBody({region: 'amazon-web-services::ap-northeast-1'})), {
      status: 422,
      body: {message: 'widgets is not available in region amazon-web-services::ap-northeast-1: it serves us, frankfurt.'},
    })
    assert.equal(provisions, before)
  })

  test('region strings map to the manifest names (eu-central-1 is frankfurt); service:plan is accepted', async () => {
    const created = await api.provision(provisionBody({region: 'amazon-web-services::eu-central-1', plan: 'widgets:big'}))
    assert.equal(created.status, 200)
  })

  test('a malformed body gets 400 with a message', async () => {
    const answer = await api.provision({plan: 'test'})
    assert.equal(answer.status, 400)
    assert.match(answer.body.message, /uuid/)
  })

  test("a handler's refusal reaches the platform as status + message", async () => {
    assert.deepEqual(await api.provision(provisionBody({options: {fail: 'true'}})), {status: 503, body: {message: 'widgets are sold out'}})
  })
})

describe('plan change and deprovision', () => {
  test('plan change answers the new config; an unknown plan keeps the old one', async () => {
    const {id} = (await api.provision(provisionBody())).body
    assert.deepEqual(await api.planChange(id, 'big'), {status: 200, body: {config: {WIDGETS_URL: 'https://widgets.example.com/big'}, message: 'now big'}})
    assert.equal((await api.planChange(id, 'nope')).status, 422)
    assert.equal((await api.planChange('unknown-id', 'big')).status, 404)
  })

  test('deprovision answers 204, then 410 for the now unknown id', async () => {
    const {id} = (await api.provision(provisionBody())).body
    const gone = await api.deprovision(id)
    assert.equal(gone.status, 204)
    assert.ok(deprovisioned.includes(id))
    assert.deepEqual(await api.deprovision(id), {status: 410, body: {message: `widgets has no resource ${id}: it is already gone`}})
  })
})

describe('single sign-on', () => {
  let id = ''
  before(async () => {
    id = (await api.provision(provisionBody({name: 'acme-widgets'}))).body.id
  })

  function ssoForm(fields: Record<string, string>) {
    return fetch(`${base}/sso/login`, {method: 'POST', body: new URLSearchParams(fields), redirect: 'manual'})
  }
  const now = () => String(Math.floor(Date.now() / 1000))

  test('a good token sets a signed HttpOnly session and redirects to the dashboard', async () => {
    const timestamp = now()
    const login = await ssoForm({resource_id: id, resource_token: ssoToken(id, 'provider-salt', timestamp), timestamp, email: 'dev@example.com', 'nav-data': 'abc'})
    assert.equal(login.status, 303)
    assert.equal(login.headers.get('location'), '/providers/widgets/dashboard')
    const cookies = login.headers.getSetCookie()
    assert.match(cookies[0], /^addonkit-sso-widgets=[^;]+\.[^;]+; Path=\/providers\/widgets\/; HttpOnly/)
    assert.match(cookies[1], /^heroku-nav-data=abc;/)
    const page = await fetch(`${base}/dashboard`, {headers: {cookie: cookies[0].split(';')[0]}})
    assert.equal(page.status, 200)
    const html = await page.text()
    for (const shown of ['acme-widgets', 'test', '3 widgets of 10', 'dev@example.com']) assert.ok(html.includes(shown), shown)
  })

  test('a user-scoped token vouches for the email the dashboard shows; a changed email is refused', async () => {
    const timestamp = now()
    const user = {id: '0a1b2c3d-0000-4000-8000-000000000001', email: 'dev@example.com'}
    const fields = {resource_id: id, timestamp, user_id: user.id, email: user.email, user_scoped_resource_token: userScopedSsoToken(id, 'provider-salt', timestamp, user)}
    const login = await ssoForm(fields)
    assert.equal(login.status, 303)
    const page = await fetch(`${base}/dashboard`, {headers: {cookie: login.headers.getSetCookie()[0].split(';')[0]}})
    assert.ok((await page.text()).includes('dev@example.com'))
    // a valid resource_token alongside does not rescue a user-scoped token that no longer matches
    const tampered = await ssoForm({...fields, email: 'mallory@example.com', resource_token: ssoToken(id, 'provider-salt', timestamp)})
    assert.equal(tampered.status, 403)
    assert.match(await tampered.text(), /token is not valid/)
    const {user_id: _dropped, ...withoutUser} = fields
    assert.equal((await ssoForm(withoutUser)).status, 403)
  })

  test('the legacy GET form (id, token) works too', async () => {
    const timestamp = now()
    const query = new URLSearchParams({id, token: ssoToken(id, 'provider-salt', timestamp), timestamp})
    const login = await fetch(`${base}/sso/login?${query}`, {redirect: 'manual'})
    assert.equal(login.status, 303)
  })

  test('a bad token and a token older than 5 minutes are refused with 403', async () => {
    const timestamp = now()
    const bad = await ssoForm({id, token: ssoToken(id, 'other-salt', timestamp), timestamp})
    assert.equal(bad.status, 403)
    assert.match(await bad.text(), /token is not valid/)
    const old = String(Math.floor(Date.now() / 1000) - 6 * 60)
    const stale = await ssoForm({id, token: ssoToken(id, 'provider-salt', old), timestamp: old})
    assert.equal(stale.status, 403)
    assert.match(await stale.text(), /expired/)
    assert.equal(stale.headers.get('set-cookie'), null)
    assert.equal((await ssoForm({id, token: 'invalid', timestamp})).status, 403)
  })

  test('the dashboard refuses direct access and forged sessions', async () => {
    const direct = await fetch(`${base}/dashboard`)
    assert.equal(direct.status, 403)
    assert.match(await direct.text(), /no valid session/)
    const forgedPayload = Buffer.from(JSON.stringify({resourceId: id, expiresAt: 9999999999})).toString('base64url')
    const forged = await fetch(`${base}/dashboard`, {headers: {cookie: `addonkit-sso-widgets=${forgedPayload}.bogus`}})
    assert.equal(forged.status, 403)
  })
})
