import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const ACCEPT = 'application/vnd.heroku+json; version=3.webhooks'
const app = {id: '9a6f4b0e-0000-4000-8000-000000000001', name: 'example-app'}
const webhook = (id: string, extra: Record<string, unknown> = {}) => ({
  id, app, include: ['api:release', 'api:domain'], level: 'notify', url: 'https://example.com/hooks',
  created_at: '2024-05-01T12:00:00Z', updated_at: '2024-05-01T12:00:00Z', ...extra,
})
const ID = '5a4c0c7e-1111-4000-8000-000000000001'
const delivery = (id: string, extra: Record<string, unknown> = {}) => ({
  id, event: {id: 'ev-1', include: 'api:release'}, webhook: {id: ID, level: 'sync'}, status: 'succeeded', num_attempts: 2, next_attempt_at: null,
  last_attempt: {id: 'at-1', code: 200, error_class: null, status: 'succeeded', created_at: '2024-05-01T12:00:01Z', updated_at: '2024-05-01T12:00:01Z'},
  created_at: '2024-05-01T12:00:00Z', updated_at: '2024-05-01T12:00:01Z', ...extra,
})

describe('webhooks', () => {
  afterEach(() => nock.cleanAll())

  it('lists the webhooks oldest first, with the Accept header the heroku CLI sends', async () => {
    const scope = nock(API).get('/apps/example-app/webhooks').matchHeader('accept', ACCEPT)
      .reply(200, [webhook('b-newer', {created_at: '2024-06-01T00:00:00Z', level: 'sync', include: ['api:app']}), webhook('a-older')])
    const {stdout, stderr, exitCode} = await runCli(['webhooks', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      'Webhook ID  URL                        Include                 Level',
      '----------  -------------------------  ----------------------  --------',
      'a-older     https://example.com/hooks  api:release,api:domain  notify',
      'b-newer     https://example.com/hooks  api:app                 sync',
      '',
    ].join('\n'))
    scope.done()
  })

  it('says how to add one when there is none; --json prints the API array', async () => {
    const scope = nock(API).get('/apps/example-app/webhooks').times(2).reply(200, [])
    assert.equal((await runCli(['webhooks', '-a', 'example-app'])).stdout, 'example-app has no webhooks\nUse addonkit webhooks:add to add one.\n')
    assert.deepEqual(JSON.parse((await runCli(['webhooks', '-a', 'example-app', '--json'])).stdout), [])
    scope.done()
  })
})

describe('webhooks:add', () => {
  afterEach(() => nock.cleanAll())

  it('sends the subscription and prints the generated secret under its header', async () => {
    const scope = nock(API)
      .post('/apps/example-app/webhooks', {include: ['api:release', 'api:domain'], level: 'notify', url: 'https://example.com/hooks'})
      .matchHeader('accept', ACCEPT)
      .reply(201, webhook(ID), {'Heroku-Webhook-Secret': 'f00d'})
    const {stdout, stderr, exitCode} = await runCli(['webhooks:add', '-i', 'api:release, api:domain', '-l', 'notify', '-u', 'https://example.com/hooks', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.match(stderr, /Adding webhook to example-app\.\.\. done\n/)
    assert.equal(stdout, '=== Webhooks Signing Secret\nf00d\n')
    scope.done()
  })

  it('a given secret and authorization are sent and not printed; --json has secret null', async () => {
    const scope = nock(API)
      .post('/apps/example-app/webhooks', {include: ['api:release'], level: 'sync', url: 'https://example.com/hooks', secret: 'mine', authorization: 'Bearer x'})
      .times(2)
      .reply(201, webhook(ID, {level: 'sync', include: ['api:release']}))
    const argv = ['webhooks:add', '-i', 'api:release', '-l', 'sync', '-u', 'https://example.com/hooks', '-s', 'mine', '-t', 'Bearer x', '-a', 'example-app']
    assert.equal((await runCli(argv)).stdout, '')
    const json = JSON.parse((await runCli([...argv, '--json'])).stdout)
    assert.equal(json.secret, null)
    assert.equal(json.id, ID)
    scope.done()
  })

  it('the platform refusing an include: its message on one line, exit 1', async () => {
    const message = 'Unknown include api:dyno: valid includes are api:app, api:addon, api:addon-attachment, api:release, api:domain.'
    const scope = nock(API).post('/apps/example-app/webhooks').reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['webhooks:add', '-i', 'api:dyno', '-l', 'notify', '-u', 'https://example.com', '-a', 'example-app'])
    assert.equal(exitCode, 1)
    assert.match(stderr, new RegExp(`\\nError: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`))
    scope.done()
  })

  it('needs include, level and url; a level other than notify or sync is a usage error', async () => {
    const missing = await runCli(['webhooks:add', '-l', 'notify', '-u', 'https://example.com', '-a', 'example-app'])
    assert.equal(missing.exitCode, 2)
    assert.equal(missing.stderr, 'Error: Missing required flag include\n')
    const level = await runCli(['webhooks:add', '-i', 'api:app', '-l', 'often', '-u', 'https://example.com', '-a', 'example-app'])
    assert.equal(level.exitCode, 2)
    assert.match(level.stderr, /^Error: Expected --level=often to be one of: notify, sync/)
  })
})

describe('webhooks:info, webhooks:update, webhooks:remove', () => {
  afterEach(() => nock.cleanAll())

  it('info shows one webhook', async () => {
    const scope = nock(API).get(`/apps/example-app/webhooks/${ID}`).reply(200, webhook(ID))
    const {stdout, exitCode} = await runCli(['webhooks:info', ID, '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      `=== ${ID}`,
      `Webhook ID: ${ID}`,
      'URL:        https://example.com/hooks',
      'Include:    api:release,api:domain',
      'Level:      notify',
      '',
    ].join('\n'))
    scope.done()
  })

  it('update sends only the flags given, and needs one', async () => {
    const scope = nock(API).patch(`/apps/example-app/webhooks/${ID}`, {level: 'sync', include: ['api:app']}).reply(200, webhook(ID, {level: 'sync'}))
    const {stderr, exitCode} = await runCli(['webhooks:update', ID, '-l', 'sync', '-i', 'api:app', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.match(stderr, new RegExp(`Updating webhook ${ID} of example-app\\.\\.\\. done\\n`))
    scope.done()
    const none = await runCli(['webhooks:update', ID, '-a', 'example-app'])
    assert.equal(none.exitCode, 2)
    assert.equal(none.stderr, 'Error: Nothing to change: give --include, --level, --url, --secret or --authorization.\n')
  })

  it('remove deletes it; an unknown one exits 3', async () => {
    const scope = nock(API)
      .delete(`/apps/example-app/webhooks/${ID}`).reply(200, webhook(ID))
      .delete('/apps/example-app/webhooks/nope').reply(404, {id: 'not_found', message: "Couldn't find that webhook.", resource: 'webhook'})
    const removed = await runCli(['webhooks:remove', ID, '-a', 'example-app'])
    assert.equal(removed.exitCode, 0)
    assert.match(removed.stderr, new RegExp(`Removing webhook ${ID} from example-app\\.\\.\\. done\\n`))
    const unknown = await runCli(['webhooks:remove', 'nope', '-a', 'example-app'])
    assert.equal(unknown.exitCode, 3)
    assert.match(unknown.stderr, /Error: Couldn't find that webhook\.\n$/)
    scope.done()
  })
})

describe('webhooks:deliveries', () => {
  afterEach(() => nock.cleanAll())

  it('asks for the newest page, filtered by status as the heroku CLI does, and prints it oldest first', async () => {
    const scope = nock(API).get('/apps/example-app/webhook-deliveries').query({'eq[status]': 'failed'})
      .matchHeader('range', 'seq ..; order=desc,max=1000').matchHeader('accept', ACCEPT)
      .reply(200, [
        delivery('d-2', {status: 'failed', num_attempts: 1, webhook: {id: ID, level: 'notify'}, last_attempt: {id: 'at-2', code: null, error_class: 'Timeout', status: 'failed', created_at: 'x', updated_at: 'x'}}),
        delivery('d-1', {status: 'failed', num_attempts: 1, webhook: {id: ID, level: 'notify'}, last_attempt: {id: 'at-3', code: 500, error_class: null, status: 'failed', created_at: 'x', updated_at: 'x'}}),
      ])
    const {stdout, stderr, exitCode} = await runCli(['webhooks:deliveries', '-s', 'failed', '-a', 'example-app'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, [
      'Delivery ID  Created               Status  Include      Level   Attempts  Code  Error    Next Attempt',
      '-----------  --------------------  ------  -----------  ------  --------  ----  -------  --------------',
      'd-1          2024-05-01T12:00:00Z  failed  api:release  notify  1         500',
      'd-2          2024-05-01T12:00:00Z  failed  api:release  notify  1               Timeout',
      '',
    ].join('\n'))
    scope.done()
  })

  it('says when there is none; an unknown status is a usage error', async () => {
    const scope = nock(API).get('/apps/example-app/webhook-deliveries').reply(200, [])
    assert.equal((await runCli(['webhooks:deliveries', '-a', 'example-app'])).stdout, 'example-app has no deliveries\n')
    scope.done()
    const bad = await runCli(['webhooks:deliveries', '-s', 'lost', '-a', 'example-app'])
    assert.equal(bad.exitCode, 2)
  })

  it('deliveries:info shows the delivery and its event payload; --json both', async () => {
    const event = {id: 'ev-1', include: 'api:release', payload: {action: 'create', actor: {id: 'u', email: 'a@example.com'}, data: {version: 3}, previous_data: {}, resource: 'release', version: 'application/vnd.heroku+json; version=3'}, created_at: 'x', updated_at: 'x'}
    const scope = nock(API)
      .get('/apps/example-app/webhook-deliveries/d-1').times(2).reply(200, delivery('d-1'))
      .get('/apps/example-app/webhook-events/ev-1').times(2).reply(200, event)
    const {stdout, exitCode} = await runCli(['webhooks:deliveries:info', 'd-1', '-a', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, [
      '=== d-1',
      'Created:      2024-05-01T12:00:00Z',
      'Event:        ev-1',
      `Webhook:      ${ID}`,
      'Status:       succeeded',
      'Include:      api:release',
      'Level:        sync',
      'Attempts:     2',
      'Code:         200',
      'Error:',
      'Next Attempt:',
      '',
      '=== Event Payload',
      ...JSON.stringify(event.payload, null, 2).split('\n'),
      '',
    ].join('\n'))
    const json = JSON.parse((await runCli(['webhooks:deliveries:info', 'd-1', '-a', 'example-app', '--json'])).stdout)
    assert.deepEqual(json, {delivery: delivery('d-1'), event})
    scope.done()
  })
})
