import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import type {Got} from 'got'
import {PASSWORD, startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, OWNER, startTestPlatform, type TestPlatform} from '../helpers.js'
import {LOG_PROVIDER_PASSWORD, startLogProvider} from '../logs/log-provider.js'
import {HerokuSchema, SCHEMA_PATH, schemaAvailable} from './heroku-schema.js'

// Every resource the platform serves, checked against Heroku's published Platform API schema: each
// property the schema lists is present, of the type, format and enum it gives. Not here, because the
// schema has no resource for them: the SSO login (GET /apps/{app}/addons/{addon}/sso and the HTML
// pages), the form-encoded OAuth grant exchange (POST /oauth/token) and the service docs page.
describe('answers match the Heroku Platform API schema', {skip: schemaAvailable ? false : `no schema at ${SCHEMA_PATH}`}, () => {
  let provider: TestProvider
  let p: TestPlatform
  let schema: HerokuSchema

  // Where Heroku itself answers beyond its schema, and so do we:
  // - add-on `state` also takes `deprovisioning` while a provider finishes an asynchronous deprovision
  //   (the public-beta flow the heroku CLI handles);
  // - `Accept-Inclusion: addon:plan` adds `plan: {id, name}` inside an attachment's `addon` (which the
  //   schema closes with additionalProperties: false): addons:info and addons:attach read it.
  // - a domain's `hostname` is a bare host name (www.example.com, *.example.com), which the schema's
  //   `uri` format (a scheme first) refuses.
  const widened: Record<string, (s: Record<string, any>) => void> = {
    'add-on': (s) => s.properties.state.enum.push('deprovisioning'),
    'add-on-attachment': (s) => {
      s.properties.addon.properties.plan = {type: 'object', required: ['id', 'name'], properties: {id: {type: 'string', format: 'uuid'}, name: {type: 'string'}}}
    },
    domain: (s) => delete s.properties.hostname.format,
  }

  const conforms = (resource: string, body: unknown, where: string) => schema.assertConforms(resource, body, where, {adjust: widened[resource]})

  async function get(api: Got, path: string, resource: string, headers: Record<string, string> = {}): Promise<any> {
    const res = await api.get<any>(path, {headers})
    assert.ok(res.statusCode === 200 || res.statusCode === 206, `GET ${path}: ${res.statusCode} ${JSON.stringify(res.body)}`)
    conforms(resource, res.body, `GET ${path}`)
    return res.body
  }

  async function send(api: Got, method: 'post' | 'patch' | 'put' | 'delete', path: string, json: unknown, resource: string, headers: Record<string, string> = {}): Promise<any> {
    const res = await api[method]<any>(path, {json, headers})
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${method.toUpperCase()} ${path}: ${res.statusCode} ${JSON.stringify(res.body)}`)
    conforms(resource, res.body, `${method.toUpperCase()} ${path}`)
    return res.body
  }

  // the provider's side: its grant for the add-on it was last asked to provision, exchanged for a token
  async function partnerToken(): Promise<Got> {
    const grant = provider.provisions.at(-1)!.oauth_grant.code as string
    const token = await send(p.anonymous, 'post', 'oauth/tokens', {grant: {type: 'authorization_code', code: grant}, client: {secret: PASSWORD}}, 'oauth-token')
    return client(p.url, token.access_token.token)
  }

  before(async () => {
    schema = new HerokuSchema()
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('the check itself refuses a missing property, a wrong type, a bad format and an unknown enum value', async () => {
    const app = await p.api.post('apps', {json: {name: 'contract-probe'}}).json<Record<string, any>>()
    const validate = schema.validator('app')
    assert.ok(validate(app))
    const {generation: _dropped, ...withoutGeneration} = app
    for (const broken of [withoutGeneration, {...app, maintenance: 'no'}, {...app, id: 'not-a-uuid'}, {...app, created_at: 'yesterday'}]) assert.equal(validate(broken), false)
    const region = await p.anonymous.get('regions/eu').json<Record<string, any>>()
    assert.ok(schema.validator('region')(region))
    assert.equal(schema.validator('region')({...region, provider: {...region.provider, region: 'mars-north-1'}}), false)
  })

  test('account, regions, rate limits', async () => {
    await get(p.api, 'account', 'account')
    await get(p.api, `users/${OWNER.email}`, 'account')
    await get(p.api, 'account/rate-limits', 'rate-limit')
    await get(p.anonymous, 'regions', 'region')
    await get(p.anonymous, 'regions/eu', 'region')
  })

  test('spaces and apps, in and out of a space', async () => {
    await send(p.api, 'post', 'spaces', {name: 'contract-space', region: 'virginia'}, 'space')
    await get(p.api, 'spaces', 'space')
    await get(p.api, 'spaces/contract-space', 'space')

    await send(p.api, 'post', 'apps', {name: 'contract-app'}, 'app')
    await send(p.api, 'post', 'apps', {name: 'contract-spaced', space: 'contract-space'}, 'app')
    await send(p.api, 'post', 'apps', {name: 'contract-doomed'}, 'app')
    await get(p.api, 'apps', 'app')
    await get(p.api, 'users/~/apps', 'app')
    await get(p.api, 'apps/contract-spaced', 'app')
    await send(p.api, 'patch', 'apps/contract-app', {maintenance: false}, 'app')
    await send(p.api, 'delete', 'apps/contract-doomed', undefined, 'app')
    await send(p.api, 'delete', 'apps/contract-probe', undefined, 'app')
  })

  test('the catalog: services, plans, region capabilities', async () => {
    await get(p.anonymous, 'addon-services', 'add-on-service')
    await get(p.anonymous, 'addon-services/heroku-redis', 'add-on-service')
    const plans = await get(p.anonymous, 'addon-services/heroku-redis/plans', 'plan')
    await get(p.anonymous, 'addon-services/heroku-redis/plans/mini', 'plan')
    await get(p.anonymous, `plans/${plans[0].id}`, 'plan')
    await get(p.anonymous, 'addon-region-capabilities', 'add-on-region-capability')
    await get(p.anonymous, 'addon-services/heroku-redis/region-capabilities', 'add-on-region-capability')
    await get(p.anonymous, 'regions/virginia/addon-region-capabilities', 'add-on-region-capability')
  })

  test('add-ons provisioned, renamed, upgraded, expanded, resolved and destroyed', async () => {
    const expanded = {'accept-expansion': 'addon_service,plan'}
    const legacy = {'x-heroku-legacy-provider-messages': 'true'}
    const created = await send(p.api, 'post', 'apps/contract-app/addons', {plan: 'heroku-redis:mini'}, 'add-on', {...expanded, ...legacy})
    assert.equal(created.state, 'provisioned')
    conforms('add-on-service', created.addon_service, 'expanded addon_service')
    conforms('plan', created.plan, 'expanded plan')
    await send(p.api, 'post', 'apps/contract-app/addons', {plan: 'heroku-redis', name: 'contract-cache'}, 'add-on')

    await get(p.api, 'apps/contract-app/addons', 'add-on')
    await get(p.api, 'addons', 'add-on')
    await get(p.api, 'users/~/addons', 'add-on')
    await get(p.api, 'apps/contract-app/addons/contract-cache', 'add-on', expanded)
    await get(p.api, `addons/${created.id}`, 'add-on')
    await send(p.api, 'patch', `apps/contract-app/addons/${created.name}`, {name: 'contract-store'}, 'add-on')
    await send(p.api, 'patch', 'addons/contract-store', {plan: 'heroku-redis:premium-0'}, 'add-on', legacy)
    await send(p.api, 'patch', 'addons/contract-store', {plan: 'heroku-redis:mini'}, 'add-on')
    await send(p.api, 'post', 'actions/addons/resolve', {addon: 'contract-cache', app: 'contract-app'}, 'add-on')

    const gone = await send(p.api, 'delete', 'apps/contract-app/addons/contract-cache', {force: false}, 'add-on')
    assert.equal(gone.state, 'deprovisioned')
  })

  test('attachments, config vars and releases', async () => {
    const attached = await send(p.api, 'post', 'addon-attachments', {addon: 'contract-store', app: 'contract-spaced', name: 'CACHE'}, 'add-on-attachment')
    await get(p.api, 'addon-attachments', 'add-on-attachment')
    await get(p.api, `addon-attachments/${attached.id}`, 'add-on-attachment')
    await get(p.api, 'apps/contract-spaced/addon-attachments', 'add-on-attachment', {'accept-inclusion': 'addon:plan,config_vars'})
    await get(p.api, 'apps/contract-spaced/addon-attachments/CACHE', 'add-on-attachment')
    await get(p.api, 'addons/contract-store/addon-attachments', 'add-on-attachment')
    await send(p.api, 'post', 'actions/addon-attachments/resolve', {addon_attachment: 'CACHE', app: 'contract-spaced'}, 'add-on-attachment')
    await send(p.api, 'delete', `addon-attachments/${attached.id}`, undefined, 'add-on-attachment')

    await send(p.api, 'patch', 'apps/contract-app/config-vars', {GREETING: 'hello'}, 'config-var/definitions/config_vars')
    await get(p.api, 'apps/contract-app/config-vars', 'config-var/definitions/config_vars')
    const releases = await get(p.api, 'apps/contract-app/releases', 'release')
    await get(p.api, `apps/contract-app/releases/${releases[0].version}`, 'release')
    await get(p.api, `apps/contract-app/releases/${releases.at(-1).id}`, 'release')
  })

  test('domains: the default one and custom ones, a wildcard among them', async () => {
    await send(p.api, 'post', 'apps/contract-app/domains', {hostname: 'www.contract.example.com', sni_endpoint: null}, 'domain')
    const wildcard = await send(p.api, 'post', 'apps/contract-app/domains', {hostname: '*.contract.example.com', sni_endpoint: null}, 'domain')
    const domains = await get(p.api, 'apps/contract-app/domains', 'domain')
    assert.deepEqual(domains.map((d: {kind: string}) => d.kind), ['heroku', 'custom', 'custom'])
    await get(p.api, `apps/contract-app/domains/${domains[0].id}`, 'domain')
    await get(p.api, 'apps/contract-app/domains/www.contract.example.com', 'domain')
    await send(p.api, 'delete', `apps/contract-app/domains/${wildcard.id}`, undefined, 'domain')
  })

  test('log drains: a user\'s, and an add-on\'s as its provider lists and moves it', async () => {
    const drain = await send(p.api, 'post', 'apps/contract-app/log-drains', {url: 'https://user:secret@127.0.0.1:9/drain'}, 'log-drain')
    await send(p.api, 'post', 'apps/contract-app/log-drains', {url: 'syslog+tls://127.0.0.1:9'}, 'log-drain')
    await get(p.api, `apps/contract-app/log-drains/${drain.token}`, 'log-drain')
    await send(p.api, 'delete', `apps/contract-app/log-drains/${encodeURIComponent(drain.url)}`, undefined, 'log-drain')
    const logs = await startLogProvider({id: 'contract-loggy'})
    try {
      await p.platform.services.catalog.register(logs.manifest)
      logs.drainUrl = 'https://127.0.0.1:9/addon-drain'
      const addon = await send(p.api, 'post', 'apps/contract-app/addons', {plan: 'contract-loggy:basic'}, 'add-on')
      const drains = await get(p.api, 'apps/contract-app/log-drains', 'log-drain')
      const owned = drains.find((d: {addon: {id: string} | null}) => d.addon?.id === addon.id)
      const grant = logs.provisions.at(-1)!.oauth_grant.code
      const token = await send(p.anonymous, 'post', 'oauth/tokens', {grant: {type: 'authorization_code', code: grant}, client: {secret: LOG_PROVIDER_PASSWORD}}, 'oauth-token')
      const partner = client(p.url, token.access_token.token)
      await get(partner, `addons/${addon.id}/log-drains`, 'log-drain')
      await send(partner, 'put', `addons/${addon.id}/log-drains/${owned.token}`, {url: 'https://127.0.0.1:9/moved'}, 'log-drain')
      await send(p.api, 'delete', `apps/contract-app/addons/${addon.name}`, {force: true}, 'add-on')
    } finally {
      await logs.close()
    }
  })

  test('add-ons provisioning and deprovisioning asynchronously, through the partner API', async () => {
    provider.behaviour = 'async'
    const pending = await send(p.api, 'post', 'apps/contract-app/addons', {plan: 'heroku-redis'}, 'add-on')
    assert.equal(pending.state, 'provisioning')
    await get(p.api, 'apps/contract-app/addons', 'add-on')
    const partner = await partnerToken()
    await get(partner, `addons/${pending.id}`, 'add-on')
    await send(partner, 'patch', `addons/${pending.id}/config`, {config: [{name: 'REDIS_URL', value: 'redis://contract'}]}, 'add-on-config')
    await get(partner, `addons/${pending.id}/config`, 'add-on-config')
    await get(partner, `addons/${pending.id}/addon-attachments`, 'add-on-attachment')
    assert.equal((await send(partner, 'post', `addons/${pending.id}/actions/provision`, undefined, 'add-on')).state, 'provisioned')
    provider.behaviour = 'sync'

    provider.deleteBehaviour = 'async'
    const leaving = await send(p.api, 'delete', `apps/contract-app/addons/${pending.name}`, {force: true}, 'add-on')
    assert.equal(leaving.state, 'deprovisioning')
    await get(p.api, `addons/${pending.id}`, 'add-on')
    assert.equal((await send(partner, 'post', `addons/${pending.id}/actions/deprovision`, undefined, 'add-on')).state, 'deprovisioned')
    provider.deleteBehaviour = 'sync'
  })
})
