import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {eventually, startTestPlatform, type TestPlatform} from '../helpers.js'
import {partnerClient} from '../webhooks/partner.js'
import {startReceiver, type Receiver} from '../webhooks/receiver.js'
import {HerokuSchema, SCHEMA_PATH, schemaAvailable} from './heroku-schema.js'

// Webhook answers checked against Heroku's published schema: app-webhook, app-webhook-delivery and
// app-webhook-event, and the add-on webhook (not in the schema copy we keep: Heroku documents it
// with the app webhook's properties, `addon: {id, name}` in place of `app`). Beyond the schema, as
// Heroku answers since 2023: a delivery's status may be `skipped`.
describe('webhook answers match the Heroku Platform API schema', {skip: schemaAvailable ? false : `no schema at ${SCHEMA_PATH}`}, () => {
  let provider: TestProvider
  let p: TestPlatform
  let schema: HerokuSchema
  let receiver: Receiver

  const widened: Record<string, (s: Record<string, any>) => void> = {
    'app-webhook-delivery': (s) => {
      s.properties.status.enum = [...s.properties.status.enum, 'skipped']
    },
    'addon-webhook': (s) => {
      s.properties.addon = s.properties.app
      delete s.properties.app
      s.required = s.required.map((name: string) => (name === 'app' ? 'addon' : name))
    },
  }
  const definitions: Record<string, string> = {'app-webhook': 'app-webhook/definitions/app_webhook', 'addon-webhook': 'app-webhook/definitions/app_webhook'}

  const conforms = (resource: string, body: unknown, where: string) =>
    schema.assertConforms(resource, body, where, {definition: definitions[resource], adjust: widened[resource]})

  before(async () => {
    schema = new HerokuSchema()
    provider = await startTestProvider()
    receiver = await startReceiver()
    p = await startTestPlatform([provider.manifest], {webhookBackoffMs: 20})
    assert.equal((await p.api.post('apps', {json: {name: 'contract-hooks'}})).statusCode, 201)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
  })

  test('app webhooks: create, list, info, update, delete', async () => {
    const made = await p.api.post<any>('apps/contract-hooks/webhooks', {json: {include: ['api:release', 'api:domain'], level: 'sync', url: receiver.url}})
    assert.equal(made.statusCode, 201)
    conforms('app-webhook', made.body, 'POST /apps/{app}/webhooks')
    conforms('app-webhook', (await p.api.get<any>('apps/contract-hooks/webhooks')).body, 'GET /apps/{app}/webhooks')
    conforms('app-webhook', (await p.api.get<any>(`apps/contract-hooks/webhooks/${made.body.id}`)).body, 'GET /apps/{app}/webhooks/{id}')
    conforms('app-webhook', (await p.api.patch<any>(`apps/contract-hooks/webhooks/${made.body.id}`, {json: {level: 'notify'}})).body, 'PATCH /apps/{app}/webhooks/{id}')
    const spare = await p.api.post<any>('apps/contract-hooks/webhooks', {json: {include: ['api:app'], level: 'notify', url: receiver.url}})
    conforms('app-webhook', (await p.api.delete<any>(`apps/contract-hooks/webhooks/${spare.body.id}`)).body, 'DELETE /apps/{app}/webhooks/{id}')
  })

  test('deliveries and events, before and after their attempt; the delivered body carries the payload', async () => {
    receiver.answers = ['hang']
    await p.api.patch('apps/contract-hooks/config-vars', {json: {GREETING: 'hello'}})
    await receiver.arrivals(1)
    // under way: last_attempt present, its code still null
    conforms('app-webhook-delivery', (await p.api.get<any>('apps/contract-hooks/webhook-deliveries')).body, 'GET /apps/{app}/webhook-deliveries (attempt under way)')
    receiver.releaseHung()
    await p.api.post('apps/contract-hooks/domains', {json: {hostname: 'www.contract-hooks.example.com', sni_endpoint: null}})
    await eventually(async () => (await p.api.get<any[]>('apps/contract-hooks/webhook-deliveries')).body.every((d) => d.status === 'succeeded'), 'both delivered')
    const deliveries = (await p.api.get<any[]>('apps/contract-hooks/webhook-deliveries')).body
    conforms('app-webhook-delivery', deliveries, 'GET /apps/{app}/webhook-deliveries')
    conforms('app-webhook-delivery', (await p.api.get<any>(`apps/contract-hooks/webhook-deliveries/${deliveries[0].id}`)).body, 'GET /apps/{app}/webhook-deliveries/{id}')
    conforms('app-webhook-event', (await p.api.get<any>('apps/contract-hooks/webhook-events')).body, 'GET /apps/{app}/webhook-events')
    conforms('app-webhook-event', (await p.api.get<any>(`apps/contract-hooks/webhook-events/${deliveries[0].event.id}`)).body, 'GET /apps/{app}/webhook-events/{id}')
    for (const r of receiver.received) conforms('app-webhook-event/definitions/payload', r.body, 'the delivered body')
  })

  test('add-on webhooks and their deliveries and events, with the partner token', async () => {
    const addon = (await p.api.post<any>('apps/contract-hooks/addons', {json: {plan: 'heroku-redis'}})).body
    const partner = await partnerClient(p, provider)
    const made = await partner.post<any>(`addons/${addon.id}/webhooks`, {json: {include: ['api:release'], level: 'notify', url: receiver.url}})
    assert.equal(made.statusCode, 201)
    conforms('addon-webhook', made.body, 'POST /addons/{addon}/webhooks')
    conforms('addon-webhook', (await partner.get<any>(`addons/${addon.id}/webhooks`)).body, 'GET /addons/{addon}/webhooks')
    conforms('addon-webhook', (await partner.patch<any>(`addons/${addon.id}/webhooks/${made.body.id}`, {json: {url: `${receiver.url}/v2`}})).body, 'PATCH /addons/{addon}/webhooks/{id}')
    await p.api.patch('apps/contract-hooks/config-vars', {json: {GREETING: 'again'}})
    await eventually(async () => (await partner.get<any[]>(`addons/${addon.id}/webhook-deliveries`)).body.some((d) => d.status === 'succeeded'), 'the provider\'s delivery')
    const deliveries = (await partner.get<any[]>(`addons/${addon.id}/webhook-deliveries`)).body
    conforms('app-webhook-delivery', deliveries, 'GET /addons/{addon}/webhook-deliveries')
    conforms('app-webhook-delivery', (await partner.get<any>(`addons/${addon.id}/webhook-deliveries/${deliveries[0].id}`)).body, 'GET /addons/{addon}/webhook-deliveries/{id}')
    conforms('app-webhook-event', (await partner.get<any>(`addons/${addon.id}/webhook-events`)).body, 'GET /addons/{addon}/webhook-events')
    conforms('app-webhook-event', (await partner.get<any>(`addons/${addon.id}/webhook-events/${deliveries[0].event.id}`)).body, 'GET /addons/{addon}/webhook-events/{id}')
    conforms('addon-webhook', (await partner.delete<any>(`addons/${addon.id}/webhooks/${made.body.id}`)).body, 'DELETE /addons/{addon}/webhooks/{id}')
  })
})
