import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import Fastify from 'fastify'
import {
  JsonFilePartnerTokenStore, PlatformCallError, providerKit, webhookReceiver,
  type PlatformClient, type ProviderManifest, type WebhookEvent,
} from '../../../src/providers/kit/index.js'
import {type RunningPlatform, startPlatform} from '../../../src/platform/start.js'
import {platformJson} from '../../helpers/platform-fetch.js'

// A provider built with the kit against the real local platform: once an add-on is recorded, the
// kit hands `provisioned` the resource's client (app, owner, domains, attachments) and the provider
// subscribes to the app's releases and domains; the kit's receiver checks each delivery's signature
// and hands the provider typed events.

const KEY = 'platform-client-key-0123456789abcdef'
const EMAIL = 'owner@example.com'
const manifest: ProviderManifest = {
  id: 'notes',
  name: 'Notes',
  api: {config_vars: ['NOTES_URL'], password: 'notes-password', regions: ['*'], production: {base_url: 'http://127.0.0.1/heroku/resources'}},
  plans: [{name: 'basic', price: {cents: 0, unit: 'month'}, default: true}],
}
const secretOf = (resourceId: string) => `secret-of-${resourceId}`

describe('the kit\'s platform client and webhook receiver, against the platform', () => {
  const provider = Fastify()
  let platform: RunningPlatform
  let providerUrl = ''
  let dataDir: string
  const seen = new Map<string, {app: string; owner: string; domains: string[]; attachments: string[]; secret?: string}>()
  const events: Array<{resource: string; event: WebhookEvent}> = []
  const warnings: string[] = []
  let kit: ReturnType<typeof providerKit>
  let tokensFile: string

  const api = <T>(method: string, path: string, body?: unknown) => platformJson<T>(platform.url, KEY, method, path, body)
  const waitFor = async (what: string, ready: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400; i++) {
      if (await ready()) return
      await sleep(25)
    }
    assert.fail(`timed out waiting for ${what}`)
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'addonkit-platform-client-'))
    tokensFile = join(dataDir, 'provider', 'partner-tokens.json')
    kit = providerKit({
      manifest,
      tokens: new JsonFilePartnerTokenStore(tokensFile),
      warn: (message) => warnings.push(message),
      async provision(request) {
        const config = {NOTES_URL: `https://notes.example.com/${request.uuid}`}
        // `-- --slow true`: answered 202, built a moment later
        if (request.options?.slow === 'true') return {later: async () => ({config})}
        return {config}
      },
      async planChange() {
        return {}
      },
      async deprovision() {},
      async provisioned(resource, client) {
        if (resource.name === 'unlucky-notes') await client.subscribe(['api:release'], 'notify', 'ftp://hooks.example.com/in')
        const app = await client.app()
        const subscription = await client.subscribe(['api:release', 'api:domain'], 'sync', `${providerUrl}/webhooks/${resource.id}`, {secret: secretOf(resource.id)})
        seen.set(resource.id, {
          app: app.name,
          owner: (await client.owner()).email,
          domains: (await client.domains()).map((d) => d.hostname),
          attachments: (await client.attachments()).map((a) => `${a.app.name}:${a.name}`),
          secret: subscription.secret,
        })
      },
    })
    await provider.register(kit)
    await provider.register(webhookReceiver({
      subscriberFor: (key) => (seen.has(key) ? {subscriber: key, secret: secretOf(key)} : undefined),
      receive(resource, event) {
        events.push({resource, event})
      },
    }), {prefix: '/webhooks'})
    providerUrl = await provider.listen({host: '127.0.0.1', port: 0})
    platform = await startPlatform({
      port: 0,
      dataDir,
      accounts: [{email: EMAIL, apiKey: KEY}],
      manifests: [{...manifest, api: {...manifest.api, test: {base_url: `${providerUrl}/heroku/resources`}}}],
      builtinProviders: false,
      writeState: false,
      deletionIntervalMs: 50,
      log: () => {},
    })
    await api('POST', '/apps', {name: 'notes-app'})
    await api('POST', '/apps/notes-app/domains', {hostname: 'www.notes.example.com'})
  })
  after(async () => {
    await platform?.close()
    await provider.close()
    if (dataDir) rmSync(dataDir, {recursive: true, force: true})
  })

  let addonId = ''

  test('once the add-on is recorded, the provider reads its app, the owner and the domains, and subscribes', async () => {
    const created = await api<{id: string}>('POST', '/apps/notes-app/addons', {plan: 'notes'})
    assert.equal(created.status, 201)
    addonId = created.body.id
    await waitFor('provisioned to run', () => seen.has(addonId))
    assert.deepEqual(seen.get(addonId), {
      app: 'notes-app', owner: EMAIL, domains: ['notes-app.localhost', 'www.notes.example.com'], attachments: ['notes-app:NOTES'], secret: secretOf(addonId),
    })
    assert.deepEqual(warnings, [])
    const hooks = await api<Array<{include: string[]; level: string; url: string; addon: {id: string}}>>('GET', '/apps/notes-app/webhooks')
    assert.deepEqual(hooks.body, [], 'an add-on webhook is not one of the app\'s own')
    // the token is kept where the provider said, readable by it alone
    assert.equal(statSync(tokensFile).mode & 0o777, 0o600)
  })

  test('a config change reaches the receiver as a typed release event, signed with the secret', async () => {
    assert.equal((await api('PATCH', '/apps/notes-app/config-vars', {GREETING: 'hello'})).status, 200)
    await waitFor('the release event', () => events.some(({event}) => event.resource === 'release'))
    const {resource, event} = events.find(({event}) => event.resource === 'release')!
    assert.equal(resource, addonId)
    assert.equal(event.action, 'create')
    if (event.resource !== 'release') return
    assert.match(event.data.description, /GREETING/)
    assert.equal(event.data.app.name, 'notes-app')
    assert.equal(event.actor.email, EMAIL)
    assert.equal(typeof event.webhook_metadata.delivery.id, 'string')
  })

  test('a domain added later arrives as a domain event', async () => {
    assert.equal((await api('POST', '/apps/notes-app/domains', {hostname: 'api.notes.example.com'})).status, 201)
    await waitFor('the domain event', () => events.some(({event}) => event.resource === 'domain' && event.data.hostname === 'api.notes.example.com'))
    const {event} = events.find(({event}) => event.resource === 'domain')!
    assert.equal(event.action, 'create')
  })

  test('kit.platform(id) gives the client later, from the kept tokens after a restart too', async () => {
    const client = await kit.platform(addonId)
    assert.ok(client)
    assert.equal((await client.app()).name, 'notes-app')
    assert.equal(await kit.platform('no-such-resource'), undefined)

    // a new process of the same provider: its token store is the file
    const restarted = providerKit({manifest, tokens: new JsonFilePartnerTokenStore(tokensFile), async provision() {
      return {config: {}}
    }, async planChange() {
      return {}
    }, async deprovision() {}})
    const again = (await restarted.platform(addonId)) as PlatformClient
    // the default domain first, the custom ones in id order
    const domains = (await again.domains()).map((d) => d.hostname)
    assert.deepEqual([domains[0], ...domains.slice(1).sort()], ['notes-app.localhost', 'api.notes.example.com', 'www.notes.example.com'])
    assert.equal((await again.webhooks()).length, 1)
  })

  test('what the token may not read is refused with the platform\'s answer', async () => {
    await api('POST', '/apps', {name: 'other-app'})
    const client = (await kit.platform(addonId))!
    const refusal = await client.app('other-app').then(() => assert.fail('read an app the add-on is not attached to'), (error: unknown) => error)
    assert.ok(refusal instanceof PlatformCallError)
    assert.equal(refusal.status, 404)
    assert.equal(refusal.id, 'not_found')
    assert.match(refusal.message, /^GET \/apps\/other-app: 404 Couldn't find that app\.$/)
    const subscribe = await client.subscribe(['api:build'], 'notify', 'https://hooks.example.com').then(() => assert.fail('subscribed to an unknown include'), (error: unknown) => error)
    assert.ok(subscribe instanceof PlatformCallError)
    assert.equal(subscribe.status, 422)
  })

  test('a subscription without a secret gets the one the platform made up, once', async () => {
    const client = (await kit.platform(addonId))!
    const subscription = await client.subscribe(['api:app'], 'notify', `${providerUrl}/elsewhere`)
    assert.match(subscription.secret ?? '', /^.{16,}$/)
    await client.unsubscribe(subscription.webhook.id)
    assert.equal((await client.webhooks()).length, 1)
  })

  test('an asynchronous provision hands over the client once it is marked provisioned', async () => {
    const created = await api<{id: string; state: string}>('POST', '/apps/notes-app/addons', {plan: 'notes', name: 'slow-notes', config: {slow: 'true'}})
    assert.equal(created.body.state, 'provisioning')
    await waitFor('provisioned to run', () => seen.has(created.body.id))
    assert.equal((await api<{state: string}>('GET', '/apps/notes-app/addons/slow-notes')).body.state, 'provisioned')
    assert.match(seen.get(created.body.id)?.attachments.join() ?? '', /^notes-app:NOTES_\w+$/)
    assert.equal(seen.get(created.body.id)?.owner, EMAIL)
    assert.equal(await api('DELETE', `/apps/notes-app/addons/${created.body.id}`).then((r) => r.status), 200)
  })

  test('when what runs after provisioning fails, the provider gets one warning and the add-on stands', async () => {
    const created = await api<{id: string; state: string}>('POST', '/apps/notes-app/addons', {plan: 'notes', name: 'unlucky-notes'})
    assert.equal(created.status, 201)
    await waitFor('the warning', () => warnings.length > 0)
    await sleep(200)
    assert.deepEqual(warnings, [`notes: after provisioning ${created.body.id}: POST /addons/${created.body.id}/webhooks: 422 url must be an http or https URL, not ftp.`])
    assert.equal((await api<{state: string}>('GET', '/apps/notes-app/addons/unlucky-notes')).body.state, 'provisioned')
    warnings.length = 0
    assert.equal((await api('DELETE', `/apps/notes-app/addons/${created.body.id}`)).status, 200)
  })

  test('deprovisioning forgets the token', async () => {
    assert.equal((await api('DELETE', `/apps/notes-app/addons/${addonId}`)).status, 200)
    await waitFor('the token to be forgotten', async () => (await kit.platform(addonId)) === undefined)
  })
})
