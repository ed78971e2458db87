import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, afterEach, beforeEach, describe, it} from 'node:test'
import nock from 'nock'
import type {AppJson} from '../../../src/wire/app-json.js'
import {API, runCli} from '../../helpers/cli.js'
import {addon, attachment} from '../../lib/addons/fakes.js'
import {expectAddonAttachments, expectCreate, expectDestroy, expectRelease} from '../../lib/addons/scopes.js'

// addons:apply against Heroku's Platform API: only calls the real API has, in the shapes it answers.
// Every request is an interceptor; anything else the command sent would fail the run.
const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')
const dir = mkdtempSync(join(tmpdir(), 'addonkit-apply-heroku-'))
const file = join(dir, 'app.json')
const writeAppJson = (doc: AppJson) => writeFileSync(file, JSON.stringify(doc))

// an app as Heroku shows it: Postgres under its default alias, a second Key-Value Store under a colour
const database = addon('postgresql-curved-12345', {plan: 'heroku-postgresql:essential-0', cents: 500, config_vars: ['DATABASE_URL']})
const rose = addon('cooling-carefully-7273', {plan: 'heroku-redis:mini', config_vars: ['HEROKU_REDIS_ROSE_URL']})
const cache = addon('kv-solid-56412', {plan: 'heroku-redis:mini', config_vars: ['CACHE_URL']})
const attachments = [
  attachment('DATABASE', database, 'example-app', ['DATABASE_URL']),
  attachment('HEROKU_REDIS_ROSE', rose, 'example-app', ['HEROKU_REDIS_ROSE_URL']),
  attachment('CACHE', cache, 'example-app', ['CACHE_URL']),
]

function expectAppReads(scope: nock.Scope, config: Record<string, string> = {DATABASE_URL: 'postgres://…'}): void {
  scope.get('/apps/example-app/addons').reply(200, [database, rose, cache])
  scope.get('/apps/example-app/addon-attachments').reply(200, attachments)
  scope.get('/apps/example-app/config-vars').reply(200, config)
}

describe('addons:apply against the Heroku API', () => {
  beforeEach(() => {
    process.env.ADDONKIT_WAIT_INTERVAL_MS = '1'
  })
  afterEach(() => {
    nock.cleanAll()
    delete process.env.ADDONKIT_WAIT_INTERVAL_MS
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('creates (waiting for the provider), changes a plan, sets a secret and prunes, in that order', async () => {
    writeAppJson({
      addons: ['heroku-postgresql:essential-1', {plan: 'heroku-redis:premium-0', as: 'BROKER'}, {plan: 'heroku-redis', as: 'CACHE'}],
      env: {SECRET_KEY: {generator: 'secret'}, DATABASE_URL: {description: 'set by the add-on'}},
    })
    const pending = addon('redis-tapered-40404', {plan: 'heroku-redis:premium-0', cents: 1500, state: 'provisioning'})
    const scope = nock(API)
    expectAppReads(scope)
    expectAddonAttachments(scope, rose, [attachments[1]])
    // --confirm goes with each create too, as addons:create sends it
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis:premium-0'}, attachment: {name: 'BROKER'}, config: {}, confirm: 'example-app'}).reply(201, pending)
    const poll = () => scope.get(`/apps/example-app/addons/${pending.id}`).matchHeader('accept-expansion', 'addon_service,plan')
    poll().reply(200, pending)
    poll().reply(200, {...pending, state: 'provisioned', config_vars: ['BROKER_URL']})
    expectRelease(scope, 'example-app', 11)
    scope
      .patch(`/apps/example-app/addons/${database.id}`, {plan: {name: 'heroku-postgresql:essential-1'}})
      .matchHeader('accept-expansion', 'plan')
      .reply(200, addon('postgresql-curved-12345', {plan: 'heroku-postgresql:essential-1', cents: 900}))
    scope.patch('/apps/example-app/config-vars', (body) => Object.keys(body).join() === 'SECRET_KEY' && /^[0-9a-f]{64}$/.test(body.SECRET_KEY)).reply(200, {})
    expectRelease(scope, 'example-app', 12)
    expectDestroy(scope, rose).reply(200, {...rose, state: 'deprovisioned'})
    expectRelease(scope, 'example-app', 13)

    const {stdout, stderr, exitCode, asked} = await runCli(['addons:apply', '--app', 'example-app', '--file', file, '--prune', '--confirm', 'example-app', '--wait'])
    assert.equal(stderr, lines(
      'Creating redis-tapered-40404... done, ($15/month)',
      'Waiting for redis-tapered-40404... done',
      'Adding redis-tapered-40404 to example-app... done',
      'Setting BROKER_URL and restarting example-app... done, v11',
      'Changing postgresql-curved-12345 on example-app from heroku-postgresql:essential-0 to heroku-postgresql:essential-1... done, ($9/month)',
      'Setting SECRET_KEY and restarting example-app... done, v12',
      'Destroying cooling-carefully-7273 on example-app... done, ($3/month)',
      'Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, v13',
    ))
    assert.equal(stdout, lines(
      '+ create heroku-redis:premium-0 as BROKER',
      '~ plan postgresql-curved-12345 (DATABASE): essential-0 → essential-1',
      '+ set SECRET_KEY (generated)',
      '- destroy cooling-carefully-7273 (HEROKU_REDIS_ROSE)',
      '= kv-solid-56412 (CACHE) heroku-redis:mini unchanged',
      'Applied 4 changes to example-app.',
    ))
    assert.deepEqual(asked, [])
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('an app that already matches: the three reads and nothing else', async () => {
    writeAppJson({addons: ['heroku-postgresql:essential-0', 'heroku-redis', {plan: 'heroku-redis:mini', as: 'CACHE'}], env: {DATABASE_URL: {}}})
    const scope = nock(API)
    expectAppReads(scope)
    const {stdout, stderr, exitCode} = await runCli(['addons:apply', '--app', 'example-app', '--file', file])
    assert.equal(stderr, '')
    assert.equal(stdout, lines(
      '= postgresql-curved-12345 (DATABASE) heroku-postgresql:essential-0 unchanged',
      '= cooling-carefully-7273 (HEROKU_REDIS_ROSE) heroku-redis:mini unchanged',
      '= kv-solid-56412 (CACHE) heroku-redis:mini unchanged',
      'No changes: 3 add-ons match app.json.',
    ))
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('--dry-run --json: the plan as data, from the reads alone', async () => {
    writeAppJson({addons: [{plan: 'heroku-redis:mini', as: 'CACHE', options: {maxmemory_policy: 'allkeys-lru'}}, {plan: 'heroku-redis', as: 'BROKER'}]})
    const scope = nock(API)
    expectAppReads(scope)
    const {stdout, stderr, exitCode} = await runCli(['addons:apply', '--app', 'example-app', '--file', file, '--dry-run', '--json', '--prune'])
    assert.equal(stderr, '')
    assert.deepEqual(JSON.parse(stdout), {
      app: 'example-app',
      steps: [
        {action: 'create', entry: 1, service: 'heroku-redis', plan: null, as: 'BROKER', name: null, options: {}},
        {action: 'destroy', addon: {id: database.id, name: database.name, app: 'example-app'}, aliases: ['DATABASE'], plan: 'heroku-postgresql:essential-0'},
        {action: 'destroy', addon: {id: rose.id, name: rose.name, app: 'example-app'}, aliases: ['HEROKU_REDIS_ROSE'], plan: 'heroku-redis:mini'},
      ],
      unchanged: [{entry: 0, addon: {id: cache.id, name: cache.name, app: 'example-app'}, as: 'CACHE', plan: 'heroku-redis:mini'}],
      unmanaged: [],
      applied: false,
    })
    assert.equal(exitCode, 0)
    scope.done()
  })

  it('a refused plan change stops the run: what was done, what was not, the API message', async () => {
    writeAppJson({addons: [{plan: 'heroku-redis:mini', as: 'BROKER'}, {plan: 'heroku-redis:premium-0', as: 'CACHE'}], env: {MODE: 'fast'}})
    const created = addon('redis-round-11111', {plan: 'heroku-redis:mini', config_vars: ['BROKER_URL']})
    const message = 'Cannot downgrade: too much data.'
    const scope = nock(API)
    expectAppReads(scope)
    expectCreate(scope, 'example-app', {plan: {name: 'heroku-redis:mini'}, attachment: {name: 'BROKER'}, config: {}}).reply(201, created)
    expectRelease(scope, 'example-app', 20)
    scope.patch(`/apps/example-app/addons/${cache.id}`, {plan: {name: 'heroku-redis:premium-0'}}).reply(422, {id: 'invalid_params', message})
    scope.get('/addon-services/heroku-redis/plans').reply(200, [])
    const {stderr, exitCode} = await runCli(['addons:apply', '--app', 'example-app', '--file', file])
    assert.equal(stderr, lines(
      'Creating redis-round-11111... done, ($3/month)',
      'Adding redis-round-11111 to example-app... done',
      'Setting BROKER_URL and restarting example-app... done, v20',
      'Changing kv-solid-56412 on example-app from heroku-redis:mini to heroku-redis:premium-0... !',
      'Done:',
      '  + create heroku-redis:mini as BROKER',
      'Not done (run addonkit addons:apply again to continue):',
      '  ~ plan kv-solid-56412 (CACHE): mini → premium-0',
      '  + set MODE (from app.json)',
      `Error: ${message}`,
    ))
    assert.equal(exitCode, 1)
    scope.done()
  })
})
