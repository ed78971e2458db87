import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {Catalog} from '../../../src/platform/services/catalog.js'
import {findReadableApp, partnerRefusal, partnerRouteProblem} from '../../../src/platform/services/partner-scope.js'
import type {Store} from '../../../src/platform/store/database.js'
import type {AddonRow, AttachmentRow} from '../../../src/platform/store/schema.js'
import {AT, openStoreWithApps, OTHER_ROW, OWNER_ROW} from '../store-rows.js'

describe('which routes a partner token may run', () => {
  test('partner routes: only those naming its own add-on', () => {
    assert.equal(partnerRefusal('partner', {addon: 'addon-1'}, 'addon-1'), undefined)
    const other = partnerRefusal('partner', {addon: 'addon-2'}, 'addon-1')
    assert.equal(other?.status, 403)
    assert.equal(other?.id, 'forbidden')
    // an add-on named rather than given by id is not this token's (providers use the uuid)
    assert.equal(partnerRefusal('partner', {addon: 'my-addon-name'}, 'addon-1')?.status, 403)
  })

  test('partner-app routes: let through, the app lookup decides', () => {
    assert.equal(partnerRefusal('partner-app', {app: 'any-app'}, 'addon-1'), undefined)
  })

  test('customer routes and unmarked ones: 403', () => {
    for (const mode of ['user', undefined]) {
      const refusal = partnerRefusal(mode, {addon: 'addon-1'}, 'addon-1')
      assert.equal(refusal?.status, 403)
      assert.equal(refusal?.message, 'This token only gives access to its own add-on and the apps it is attached to.')
    }
  })

  test('marks that would open too much are refused when the route is added', () => {
    assert.equal(partnerRouteProblem('partner-app', 'GET', '/apps/:app/domains'), undefined)
    assert.equal(partnerRouteProblem('partner-app', ['GET', 'HEAD'], '/apps/:app'), undefined)
    assert.equal(partnerRouteProblem('partner-app', 'POST', '/apps/:app/domains'), 'POST /apps/:app/domains: partner-app routes must be reads (GET)')
    assert.equal(partnerRouteProblem('partner-app', 'GET', '/apps'), 'GET /apps: partner-app routes must name their app (:app)')
    assert.equal(partnerRouteProblem('partner', 'GET', '/addons'), 'GET /addons: partner routes must name their add-on (:addon)')
    assert.equal(partnerRouteProblem('partner', 'PATCH', '/addons/:addon/config'), undefined)
    assert.equal(partnerRouteProblem('user', 'DELETE', '/apps/:app'), undefined)
  })
})

describe('the apps a reader may see', () => {
  let store: Store
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-partner-scope-'))
  const at = AT
  const owner = OWNER_ROW
  const other = OTHER_ROW
  const attachment = (id: string, addon_id: string, app_id: string): AttachmentRow =>
    ({id, addon_id, app_id, addon_app_id: 'app-1', name: `ALIAS_${id}`, namespace: null, log_input_token: null, created_at: at, updated_at: at})

  before(async () => {
    store = await openStoreWithApps(dir, [['app-1', 'home-app', 'acct-1'], ['app-2', 'shared-app', 'acct-1'], ['app-3', 'lonely-app', 'acct-1'], ['app-4', 'their-app', 'acct-2']])
    const catalog = new Catalog(store.db)
    await catalog.load()
    await catalog.register({id: 'scoped', api: {config_vars: ['SCOPED_URL'], password: 'p', regions: ['us'], production: 'https://x'}})
    const service = catalog.serviceByName('scoped')!
    const plan = (await store.db.selectFrom('plans').select('id').where('service_id', '=', service.row.id).executeTakeFirstOrThrow()).id
    const addon = (id: string, app_id: string): AddonRow => ({
      id, name: `scoped-${id}`, service_id: service.row.id, plan_id: plan, app_id, state: 'provisioned', provider_id: id, config: '{}',
      config_var_count: 0, config_bytes: 0, staged_config: null, provision_message: null, instance_id: null, created_at: at, updated_at: at,
    })
    await store.db.insertInto('addons').values([addon('addon-1', 'app-1'), addon('addon-2', 'app-4')]).execute()
    // addon-1 lives on home-app and is shared with shared-app; addon-2 is attached to their-app only
    await store.db.insertInto('attachments').values([attachment('att-1', 'addon-1', 'app-1'), attachment('att-2', 'addon-1', 'app-2'), attachment('att-3', 'addon-2', 'app-4')]).execute()
  })
  after(async () => {
    await store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('a partner token sees the apps its add-on is attached to, by name or id', async () => {
    const reader = {partnerAddonId: 'addon-1'}
    assert.equal((await findReadableApp(store.db, reader, 'home-app')).id, 'app-1')
    assert.equal((await findReadableApp(store.db, reader, 'app-2')).name, 'shared-app')
  })

  test('any other app does not exist for it (404), whoever owns it', async () => {
    const reader = {partnerAddonId: 'addon-1'}
    await assert.rejects(findReadableApp(store.db, reader, 'lonely-app'), {status: 404, id: 'not_found'})
    await assert.rejects(findReadableApp(store.db, reader, 'their-app'), {status: 404, id: 'not_found'})
    await assert.rejects(findReadableApp(store.db, reader, 'no-such-app'), {status: 404, id: 'not_found'})
    await assert.rejects(findReadableApp(store.db, {partnerAddonId: 'gone-addon'}, 'home-app'), {status: 404, id: 'not_found'})
  })

  test('a customer sees its own apps; another owner\'s is 403, as before', async () => {
    assert.equal((await findReadableApp(store.db, owner, 'lonely-app')).id, 'app-3')
    await assert.rejects(findReadableApp(store.db, other, 'lonely-app'), {status: 403, id: 'forbidden'})
  })
})
