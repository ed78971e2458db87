import assert from 'node:assert/strict'
import {after, before, test} from 'node:test'
import Fastify from 'fastify'
import {providerKit, ssoToken, type ProviderManifest} from '../../../src/providers/kit/index.js'
import {providerClient, provisionBody} from '../provider-client.js'

// A log add-on built with the kit: the provision hands over log_drain_token, the answer carries a
// top-level log_drain_url (also when the resource is built by `later`), and a dashboard of its own
// gets the page's query string.
const manifest: ProviderManifest = {
  id: 'drainer',
  name: 'Drainer',
  api: {
    config_vars: [],
    password: 'drainer-password',
    sso_salt: 'drainer-salt',
    regions: ['*'],
    requires: ['syslog_drain'],
    production: {base_url: 'https://drainer.example.com/heroku/resources', sso_url: 'https://drainer.example.com/sso/login'},
  },
  plans: [{name: 'test', price: {cents: 0, unit: 'month'}, default: true}],
}

const app = Fastify()
let base = ''
const tokens: unknown[] = []

before(async () => {
  await app.register(
    providerKit({
      manifest,
      async provision(request) {
        tokens.push(request.log_drain_token)
        const log_drain_url = `https://drainer.example.com/drain?for=${request.uuid}`
        if (request.options?.slow) return {log_drain_url, later: async () => ({config: {}})}
        return {config: {}, log_drain_url}
      },
      async planChange() {
        return {}
      },
      async deprovision() {},
      async dashboardPage(resource, view) {
        return {head: '<meta name="x-test" content="1">', body: `<p id="view">${resource.id} q=${view.query.q} email=${view.email}</p>`}
      },
    }),
    {prefix: '/drainer'},
  )
  base = `${await app.listen({host: '127.0.0.1', port: 0})}/drainer`
})
after(() => app.close())

test('log_drain_url is answered top-level, the same on a repeat, and after a `later` build', async () => {
  const api = providerClient(base, manifest)
  const body = provisionBody({log_drain_token: 'd.0123', log_input_url: null})
  const first = await api.provision(body)
  assert.deepEqual(first, {status: 200, body: {id: body.uuid, config: {}, log_drain_url: `https://drainer.example.com/drain?for=${body.uuid}`}})
  assert.deepEqual(await api.provision(body), first)
  assert.deepEqual(tokens, ['d.0123'])

  // no callback_url to report to: the kit waits for `later` and answers at once
  const slow = provisionBody({options: {slow: 'yes'}, callback_url: undefined})
  const answer = await api.provision(slow)
  assert.deepEqual(answer, {status: 200, body: {id: slow.uuid, config: {}, log_drain_url: `https://drainer.example.com/drain?for=${slow.uuid}`}})
})

test("a provider's own dashboard page gets the query string and the signed-in email", async () => {
  const body = provisionBody()
  await providerClient(base, manifest).provision(body)
  const id = String(body.uuid)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const login = await fetch(`${base}/sso/login`, {
    method: 'POST',
    body: new URLSearchParams({id, token: ssoToken(id, manifest.api.sso_salt!, timestamp), timestamp, email: 'dev@example.com'}),
    redirect: 'manual',
  })
  const cookie = login.headers.getSetCookie()[0].split(';')[0]
  const page = await fetch(`${base}/dashboard?q=a%26b&q=ignored`, {headers: {cookie}})
  assert.equal(page.headers.get('cache-control'), 'no-store')
  const html = await page.text()
  assert.ok(html.includes('<head><meta charset="utf-8"><title>Drainer</title><meta name="x-test" content="1"></head>'), html)
  assert.ok(html.includes(`<p id="view">${id} q=a&b email=dev@example.com</p>`), html)
  assert.ok(html.includes('<div id="heroku-header"></div>'))
})
