import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const addon = (state: string) => ({
  id: 'addon-1',
  name: 'important-redis',
  addon_service: {id: 'svc-1', name: 'heroku-redis'},
  plan: {id: 'plan-1', name: 'heroku-redis:mini', price: {cents: 300, contract: false, unit: 'month'}},
  app: {id: 'app-1', name: 'example-app'},
  billed_price: null,
  state,
  created_at: '2026-11-02T10:00:00Z',
})
const attachment = (app: string, name: string) => ({
  id: `att-${app}-${name}`,
  name,
  addon: {id: 'addon-1', name: 'important-redis', app: {id: 'app-1', name: 'example-app'}},
  app: {id: `id-${app}`, name: app},
})

describe('addons:info', () => {
  afterEach(() => nock.cleanAll())

  it('prints the add-on, its attachments and its state', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'REDIS', app: 'example-app'})
      .reply(200, [addon('provisioned')])
      .get('/addons/addon-1/addon-attachments')
      .reply(200, [attachment('example-tasker', 'BROKER'), attachment('example-app', 'SESSION_STORE')])
    const {stdout, exitCode} = await runCli(['addons:info', 'REDIS', '--app', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        '=== important-redis',
        'Attachments:  example-app::SESSION_STORE, example-tasker::BROKER',
        'Installed at: 2026-11-02T10:00:00Z',
        'Owning app:   example-app',
        'Plan:         heroku-redis:mini',
        'Price:        $3/month',
        'State:        created',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('names the in-between states as the user sees them', async () => {
    for (const [state, label] of [['provisioning', 'creating'], ['deprovisioning', 'destroying'], ['deprovisioned', 'destroyed']]) {
      const scope = nock(API)
        .post('/actions/addons/resolve')
        .reply(200, [addon(state)])
        .get('/addons/addon-1/addon-attachments')
        .reply(200, [])
      const {stdout} = await runCli(['addons:info', 'important-redis'])
      assert.match(stdout, new RegExp(`\\nAttachments:\\s*\\n[\\s\\S]*\\nState:        ${label}\\n$`))
      scope.done()
    }
  })

  it('--json prints the add-on with its attachments', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'important-redis', app: null})
      .reply(200, [addon('provisioned')])
      .get('/addons/addon-1/addon-attachments')
      .reply(200, [attachment('example-app', 'REDIS')])
    const {stdout, exitCode} = await runCli(['addons:info', 'important-redis', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), {...addon('provisioned'), attachments: [attachment('example-app', 'REDIS')]})
    scope.done()
  })

  it('an unknown add-on exits 3', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'nope', app: null})
      .reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
    const {stdout, stderr, exitCode} = await runCli(['addons:info', 'nope'])
    assert.equal(exitCode, 3)
    assert.equal(stdout, '')
    assert.equal(stderr, "Error: Couldn't find that add-on: nope.\n")
    scope.done()
  })
})
