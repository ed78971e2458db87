import assert from 'node:assert/strict'
import {after, before, beforeEach, describe, test} from 'node:test'
import type {Got} from 'got'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {publish} from '../../../src/platform/webhooks/publish.js'
import {eventually, OWNER, startTestPlatform, type TestPlatform} from '../helpers.js'
import {partnerClient} from './partner.js'
import {startReceiver, type Receiver} from './receiver.js'

const ALL = ['api:app', 'api:addon', 'api:addon-attachment', 'api:release', 'api:domain']
// events carry no credential: the add-on's dashboard link (it signs in as the owner) and log_input_url
const addonData = (addon: any) => ({...addon, web_url: null})
const attachmentData = (attachment: any) => ({...attachment, web_url: null, log_input_url: null})

// What each kind of change publishes: the resource as the API serves it, and an update's old values.
describe('webhook events', () => {
  let provider: TestProvider
  let p: TestPlatform
  let receiver: Receiver
  let partnerReceiver: Receiver

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest], {webhookBackoffMs: 20})
    receiver = await startReceiver()
    partnerReceiver = await startReceiver()
    await p.api.post('apps', {json: {name: 'event-app'}})
    await p.api.post('apps', {json: {name: 'event-source'}})
    const made = await p.api.post<any>('apps/event-app/webhooks', {json: {include: ALL, level: 'sync', url: receiver.url}})
    assert.equal(made.statusCode, 201)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
    await partnerReceiver?.close()
  })
  beforeEach(() => {
    receiver.received.length = 0
    partnerReceiver.received.length = 0
  })

  // waits for `count` bodies at the receiver, then gives them by "resource action"
  async function heard(count: number, r = receiver): Promise<Map<string, any[]>> {
    await eventually(() => r.received.length >= count, `${count} deliveries`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(r.received.length, count, r.received.map((x) => `${x.body.resource} ${x.body.action}`).join(', '))
    const byKind = new Map<string, any[]>()
    for (const {body} of r.received) byKind.set(`${body.resource} ${body.action}`, [...(byKind.get(`${body.resource} ${body.action}`) ?? []), body])
    return byKind
  }

  test('an add-on created: add-on and attachment create, and the release it makes', async () => {
    const addon = (await p.api.post<any>('apps/event-app/addons', {json: {plan: 'heroku-redis', name: 'event-redis'}})).body
    const events = await heard(3)
    const attachment = (await p.api.get<any[]>('apps/event-app/addon-attachments')).body[0]
    const created = events.get('addon create')![0]
    const served = (await p.api.get<any>('addons/event-redis')).body
    assert.match(served.web_url, /\/dashboard\/addons\/[^/]+\/open$/)
    assert.deepEqual(created.data, addonData(served))
    assert.equal(created.data.id, addon.id)
    assert.deepEqual(created.previous_data, {})
    assert.equal(created.actor.email, OWNER.email)
    assert.deepEqual(events.get('addon-attachment create')![0].data, attachmentData(attachment))
    const release = events.get('release create')![0].data
    assert.equal(release.description, 'Attach REDIS (@ref:event-redis)')
    assert.deepEqual(release.addon_plan_names, ['heroku-redis:mini'])
  })

  test('an add-on renamed, then its plan changed: updates with the old values of what changed', async () => {
    const before = (await p.api.get<any>('addons/event-redis')).body
    await p.api.patch('addons/event-redis', {json: {name: 'renamed-redis'}})
    const renamed = (await heard(1)).get('addon update')![0]
    assert.equal(renamed.data.name, 'renamed-redis')
    assert.deepEqual(renamed.previous_data, {name: 'event-redis', updated_at: before.updated_at})

    receiver.received.length = 0
    const beforePlan = (await p.api.get<any>('addons/renamed-redis')).body
    await p.api.patch('addons/renamed-redis', {json: {plan: 'heroku-redis:premium-0'}})
    const events = await heard(2)
    const upgraded = events.get('addon update')![0]
    assert.equal(upgraded.data.plan.name, 'heroku-redis:premium-0')
    assert.deepEqual(upgraded.previous_data.plan, beforePlan.plan)
    assert.equal(upgraded.previous_data.name, undefined)
    assert.match(events.get('release create')![0].data.description, /^Update REDIS_URL by renamed-redis/)
  })

  test('an add-on of another app attached and detached here; config set and rolled back: each a release', async () => {
    const shared = (await p.api.post<any>('apps/event-source/addons', {json: {plan: 'heroku-redis', name: 'shared-redis'}})).body
    assert.equal(receiver.received.length, 0, 'event-source is not the hooked app')
    const attached = (await p.api.post<any>('addon-attachments', {json: {addon: shared.id, app: 'event-app', name: 'CACHE'}})).body
    let events = await heard(2)
    assert.deepEqual(events.get('addon-attachment create')![0].data, attachmentData(attached))
    assert.equal(events.get('release create')![0].data.description, 'Attach CACHE (@ref:shared-redis)')

    receiver.received.length = 0
    await p.api.delete(`addon-attachments/${attached.id}`)
    events = await heard(2)
    assert.deepEqual(events.get('addon-attachment destroy')![0].data, attachmentData(attached))
    assert.equal(events.get('release create')![0].data.description, 'Detach CACHE (@ref:shared-redis)')

    receiver.received.length = 0
    await p.api.patch('apps/event-app/config-vars', {json: {GREETING: 'hello'}})
    const set = (await heard(1)).get('release create')![0].data
    assert.equal(set.description, 'Set GREETING config vars')
    assert.equal(set.current, true)

    receiver.received.length = 0
    const rolled = await p.api.post<any>('apps/event-app/releases', {json: {release: set.version - 1}})
    assert.equal(rolled.statusCode, 201, JSON.stringify(rolled.body))
    const rollback = (await heard(1)).get('release create')![0].data
    assert.equal(rollback.description, `Rollback to v${set.version - 1}`)
    assert.deepEqual(rollback, (await p.api.get<any>(`apps/event-app/releases/${rollback.version}`)).body)
  })

  test('a domain added and removed', async () => {
    const added = (await p.api.post<any>('apps/event-app/domains', {json: {hostname: 'www.events.example.com', sni_endpoint: null}})).body
    await p.api.delete('apps/event-app/domains/www.events.example.com')
    const events = await heard(2)
    assert.deepEqual(events.get('domain create')![0].data, added)
    assert.deepEqual(events.get('domain destroy')![0].data, added)
  })

  test('the app renamed: its old name and addresses in previous_data', async () => {
    const before = (await p.api.get<any>('apps/event-app')).body
    await p.api.patch('apps/event-app', {json: {name: 'event-app-2'}})
    const update = (await heard(1)).get('app update')![0]
    assert.deepEqual(update.data, (await p.api.get<any>('apps/event-app-2')).body)
    assert.deepEqual(update.previous_data, {name: 'event-app', web_url: before.web_url, git_url: before.git_url, updated_at: before.updated_at})
    await p.api.patch('apps/event-app-2', {json: {name: 'event-app'}})
    await heard(2)
  })

  test('an add-on provisioned asynchronously: created provisioning, then an update when its provider says it is ready', async () => {
    provider.behaviour = 'async'
    const addon = (await p.api.post<any>('apps/event-app/addons', {json: {plan: 'heroku-redis', name: 'slow-redis'}})).body
    provider.behaviour = 'sync'
    let events = await heard(2)
    assert.equal(events.get('addon create')![0].data.state, 'provisioning')
    receiver.received.length = 0
    const partner = await partnerClient(p, provider)
    await partner.patch(`addons/${addon.id}/config`, {json: {config: [{name: 'REDIS_URL', value: 'redis://ready'}]}})
    assert.equal((await partner.post(`addons/${addon.id}/actions/provision`)).statusCode, 201)
    events = await heard(2)
    const ready = events.get('addon update')![0]
    assert.equal(ready.data.state, 'provisioned')
    assert.equal(ready.previous_data.state, 'provisioning')
    assert.deepEqual(ready.actor, {id: (await p.api.get<any>('account')).body.id, email: OWNER.email})
    assert.match(events.get('release create')![0].data.description, /^Attach [A-Z_]+ \(@ref:slow-redis\)$/)
    receiver.received.length = 0
    await p.api.delete('apps/event-app/addons/slow-redis', {json: {force: true}})
    await heard(3)
  })

  test('an add-on destroyed: add-on destroy, its attachment destroyed and the release of its detach', async () => {
    const attachment = (await p.api.get<any[]>('addons/renamed-redis/addon-attachments')).body[0]
    await p.api.delete('apps/event-app/addons/renamed-redis', {json: {force: true}})
    const events = await heard(3)
    const destroyed = events.get('addon destroy')![0]
    assert.equal(destroyed.data.name, 'renamed-redis')
    assert.equal(destroyed.data.state, 'deprovisioned')
    assert.deepEqual(events.get('addon-attachment destroy')![0].data, attachmentData(attachment))
    assert.equal(events.get('release create')![0].data.description, 'Detach REDIS (@ref:renamed-redis)')
  })

  test('an alias taken over with confirm: the replaced attachment destroyed, the new one created', async () => {
    const first = (await p.api.post<any>('apps/event-source/addons', {json: {plan: 'heroku-redis', name: 'first-cache'}})).body
    const second = (await p.api.post<any>('apps/event-source/addons', {json: {plan: 'heroku-redis', name: 'second-cache'}})).body
    const replaced = (await p.api.post<any>('addon-attachments', {json: {addon: first.id, app: 'event-app', name: 'SWAP'}})).body
    await heard(2)
    receiver.received.length = 0
    const made = await p.api.post<any>('addon-attachments', {json: {addon: second.id, app: 'event-app', name: 'SWAP', confirm: 'event-app'}})
    assert.equal(made.statusCode, 201, JSON.stringify(made.body))
    const events = await heard(3)
    assert.deepEqual(events.get('addon-attachment destroy')![0].data, attachmentData(replaced))
    assert.equal(events.get('addon-attachment create')![0].data.id, made.body.id)
    assert.match(events.get('release create')![0].data.description, /^Attach SWAP \(@ref:second-cache\)$/)
    receiver.received.length = 0
    await p.api.delete(`addon-attachments/${made.body.id}`)
    await heard(2)
  })

  test('an add-on past its provisioning deadline: its attachment and the add-on heard as destroyed, by the owner', async () => {
    provider.behaviour = 'async'
    const late = (await p.api.post<any>('apps/event-app/addons', {json: {plan: 'heroku-redis', name: 'late-redis'}})).body
    provider.behaviour = 'sync'
    await heard(2)
    receiver.received.length = 0
    assert.deepEqual(await p.platform.services.deadline.expire(Date.now() + 13 * 60 * 60 * 1000), ['late-redis'])
    const events = await heard(2)
    assert.equal(events.get('addon destroy')![0].data.id, late.id)
    assert.equal(events.get('addon destroy')![0].actor.email, OWNER.email)
    assert.equal(events.get('addon-attachment destroy')![0].data.addon.id, late.id)
  })

  describe("an add-on's provider hears the apps its add-on is attached to", () => {
    let partner: Got
    let addon: any

    before(async () => {
      await p.api.post('apps', {json: {name: 'partner-home'}})
      await p.api.post('apps', {json: {name: 'partner-guest'}})
      await p.api.post('apps', {json: {name: 'partner-elsewhere'}})
      addon = (await p.api.post<any>('apps/partner-home/addons', {json: {plan: 'heroku-redis', name: 'partner-redis'}})).body
      partner = await partnerClient(p, provider)
      const made = await partner.post<any>(`addons/${addon.id}/webhooks`, {json: {include: ['api:release', 'api:addon-attachment', 'api:app', 'api:domain'], level: 'sync', url: partnerReceiver.url, authorization: 'Bearer partner'}})
      assert.equal(made.statusCode, 201, JSON.stringify(made.body))
    })

    test('releases and domains of its apps, not of others; its attach and detach elsewhere', async () => {
      await p.api.patch('apps/partner-home/config-vars', {json: {A: '1'}})
      await p.api.patch('apps/partner-elsewhere/config-vars', {json: {A: '1'}})
      let events = await heard(1, partnerReceiver)
      assert.equal(events.get('release create')![0].data.app.name, 'partner-home')
      assert.equal(partnerReceiver.received[0].headers.authorization, 'Bearer partner')

      partnerReceiver.received.length = 0
      const attached = (await p.api.post<any>('addon-attachments', {json: {addon: addon.id, app: 'partner-guest', name: 'GUEST'}})).body
      await p.api.post('apps/partner-guest/domains', {json: {hostname: 'guest.example.com', sni_endpoint: null}})
      events = await heard(3, partnerReceiver)
      assert.deepEqual(events.get('addon-attachment create')![0].data, attachmentData(attached))
      assert.equal(events.get('release create')![0].data.app.name, 'partner-guest')
      assert.equal(events.get('domain create')![0].data.hostname, 'guest.example.com')

      partnerReceiver.received.length = 0
      await p.api.delete(`addon-attachments/${attached.id}`)
      // detached, it no longer hears that app: not even the release of its own detach
      events = await heard(1, partnerReceiver)
      assert.deepEqual(events.get('addon-attachment destroy')![0].data, attachmentData(attached))

      const deliveries = (await partner.get<any[]>(`addons/${addon.id}/webhook-deliveries`)).body
      assert.equal(deliveries.length, 5)
      const ids = new Set((await partner.get<any[]>(`addons/${addon.id}/webhook-events`)).body.map((e) => e.id))
      for (const d of deliveries) assert.ok(ids.has(d.event.id))
      const one = await partner.get<any>(`addons/${addon.id}/webhook-events/${deliveries[0].event.id}`)
      assert.equal(one.statusCode, 200)
      // the app owner's own events are not the provider's to read
      await p.api.patch('apps/event-app/config-vars', {json: {B: '1'}})
      await heard(1)
      const ownerEvent = (await p.api.get<any[]>('apps/event-app/webhook-events')).body.at(-1)
      assert.equal((await partner.get(`addons/${addon.id}/webhook-events/${ownerEvent.id}`)).statusCode, 404)
    })

    test('an app it is attached to is destroyed: the provider hears it', async () => {
      await p.api.post('addon-attachments', {json: {addon: addon.id, app: 'partner-guest', name: 'GUEST'}})
      await heard(2, partnerReceiver)
      partnerReceiver.received.length = 0
      const guest = (await p.api.get<any>('apps/partner-guest')).body
      await p.api.delete('apps/partner-guest')
      const destroyed = (await heard(1, partnerReceiver)).get('app destroy')![0]
      assert.deepEqual(destroyed.data, guest)
    })
  })

  test('a change that rolls back publishes nothing', async () => {
    const {store} = p.platform.services.ctx
    const app = (await p.api.get<any>('apps/event-app')).body
    const jobs = async () => (await p.platform.services.ctx.jobs.count('webhook-event')) + (await p.platform.services.ctx.jobs.count('webhook-delivery'))
    const jobsBefore = await jobs()
    const events = async () => (await store.db.selectFrom('webhook_events').select('id').execute()).length
    const eventsBefore = await events()
    await assert.rejects(store.transaction(async (tx) => {
      const id = await publish(tx, {appId: app.id, include: 'api:release', action: 'create', actor: app.owner, data: {version: 999}})
      assert.ok(id, 'the webhook of event-app listens')
      throw new Error('the change failed after publishing')
    }), /the change failed after publishing/)
    assert.equal(await events(), eventsBefore)
    assert.equal(await jobs(), jobsBefore)
    // a refused change (this one before it even starts) sends nothing either
    assert.equal((await p.api.patch('apps/event-app/config-vars', {json: {A: 5}})).statusCode, 422)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(receiver.received.length, 0)
  })
})
