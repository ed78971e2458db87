import assert from 'node:assert/strict'
import {test} from 'node:test'
import {oldStore} from '../old-store.js'

// A store from before billing: its add-ons get a plan period from their creation, on their plan, so
// this month's cost counts them from the start; pending reservations get none.
test('0010_billing gives existing add-ons a period from their creation', async () => {
  const {db, migrate, close} = await oldStore('0010')
  try {
    assert.equal(await migrate('0010_billing'), undefined)
    const at = '2024-02-10T12:34:56.789Z'
    await db.insertInto('accounts').values({id: 'acct', email: 'a@example.com', name: null, api_key_hash: 'h', created_at: at, updated_at: at}).execute()
    await db.insertInto('regions').values({id: 'r', name: 'us', description: 'd', country: 'c', locale: 'l', private_capable: 0, provider_name: 'p', provider_region: 'pr', created_at: at, updated_at: at}).execute()
    await db.insertInto('apps').values({id: 'app', name: 'old-app', owner_id: 'acct', region_id: 'r', space_id: null, maintenance: 0, released_at: null, created_at: at, updated_at: at}).execute()
    await db.insertInto('addon_services').values({id: 'svc', name: 'old-svc', human_name: 'Old', cli_plugin_name: null, state: 'ga', supports_multiple_installations: 1, supports_sharing: 1, manifest: '{}', created_at: at, updated_at: at}).execute()
    await db.insertInto('plans').values({id: 'plan', service_id: 'svc', name: 'old-svc:basic', slug: 'basic', human_name: 'Basic', description: 'd', price_cents: 700, price_unit: 'month', price_contract: 0, is_default: 1, inside_private_network: 1, outside_private_network: 1, created_at: at, updated_at: at}).execute()
    for (const [id, state] of [['kept', 'provisioned'], ['reserved', 'pending']]) {
      await db.insertInto('addons').values({id, name: `old-${id}`, service_id: 'svc', plan_id: 'plan', app_id: 'app', state, provider_id: null, config: '{}', staged_config: null, provision_message: null, created_at: at, updated_at: at}).execute()
    }
    assert.equal(await migrate(), undefined)
    const periods = await db.selectFrom('billing_periods').selectAll().execute()
    assert.deepEqual(periods.map((p) => [p.account_id, p.app_name, p.addon_id, p.addon_name, p.service_name, p.plan_name, p.price_cents, Number(p.started_s), p.ended_s]),
      [['acct', 'old-app', 'kept', 'old-kept', 'old-svc', 'old-svc:basic', 700, Date.parse('2024-02-10T12:34:56Z') / 1000, null]])
    assert.deepEqual(await db.selectFrom('plans').select(['price_metered', 'meters']).execute(), [{price_metered: 0, meters: null}])
  } finally {
    await close()
  }
})
