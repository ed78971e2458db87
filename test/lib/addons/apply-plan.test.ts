import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Addon, Attachment} from '../../../src/lib/api/types.js'
import {computePlan, type AppState} from '../../../src/lib/addons/apply/plan.js'
import {noChangesLine, planLines} from '../../../src/lib/addons/apply/render.js'
import {validateAppJson, type AppJson} from '../../../src/wire/app-json.js'
import {addon, attachment} from './fakes.js'

// The plan `addons:apply` computes from an app.json and what the app holds, as the lines it prints.
const APP = 'example-app'

function manifest(doc: AppJson) {
  const parsed = validateAppJson(doc)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.manifest
}

// an add-on of APP and its aliases on APP, the first alias the oldest
function held(name: string, plan: string, aliases: string[], options: {app?: string; state?: Addon['state']; since?: string} = {}): {addon: Addon; attachments: Attachment[]} {
  const made = addon(name, {plan, app: options.app ?? APP, state: options.state})
  const since = options.since ?? '2026-01-01T00:00:00Z'
  return {addon: made, attachments: aliases.map((alias) => ({...attachment(alias, made, APP), created_at: since}))}
}

function state(items: Array<{addon: Addon; attachments: Attachment[]}>, config: Record<string, string> = {}): AppState {
  return {app: APP, addons: items.map((i) => i.addon), attachments: items.flatMap((i) => i.attachments), config}
}

const lines = (doc: AppJson, app: AppState, prune = false) => planLines(computePlan(manifest(doc), app, {prune}))

describe('addons:apply plan', () => {
  const cases: Array<[string, AppJson, AppState, string[]]> = [
    [
      'a fresh app: every entry is a create, with its alias, name and options; those with `as` first',
      {
        addons: [
          'kv',
          'heroku-redis:mini',
          {plan: 'heroku-redis:premium-0', as: 'BROKER', name: 'important-redis'},
          {plan: 'heroku-postgresql:essential-0', options: {version: '16', fast: true}},
        ],
      },
      state([]),
      [
        '+ create heroku-redis:premium-0 as BROKER named important-redis',
        '+ create kv',
        '+ create heroku-redis:mini',
        '+ create heroku-postgresql:essential-0 with version=16, fast=true',
      ],
    ],
    [
      'a plan that differs is changed; a bare service matches any plan',
      {addons: [{plan: 'heroku-redis:premium-0', as: 'BROKER'}, {plan: 'kv', as: 'CACHE'}]},
      state([held('important-redis', 'heroku-redis:mini', ['BROKER']), held('kv-solid-56412', 'kv:free', ['CACHE'])]),
      ['~ plan important-redis (BROKER): mini → premium-0', '= kv-solid-56412 (CACHE) kv:free unchanged'],
    ],
    [
      'without `as`: the default alias first; the colour alias is unmanaged',
      {addons: ['heroku-redis:mini']},
      state([
        held('cooling-carefully-7273', 'heroku-redis:mini', ['HEROKU_REDIS_ROSE'], {since: '2025-01-01T00:00:00Z'}),
        held('redis-curved-12345', 'heroku-redis:mini', ['REDIS'], {since: '2026-01-01T00:00:00Z'}),
      ]),
      [
        '= redis-curved-12345 (REDIS) heroku-redis:mini unchanged',
        '? cooling-carefully-7273 (HEROKU_REDIS_ROSE) heroku-redis:mini is not in app.json: left alone (--prune destroys it)',
      ],
    ],
    [
      'without `as`, twice: the default alias, then colour aliases oldest first, then a create',
      {addons: ['heroku-redis', 'heroku-redis:premium-0', 'heroku-redis']},
      state([
        held('redis-two', 'heroku-redis:mini', ['HEROKU_REDIS_2'], {since: '2024-01-01T00:00:00Z'}),
        held('redis-rose', 'heroku-redis:mini', ['HEROKU_REDIS_ROSE'], {since: '2025-06-01T00:00:00Z'}),
        held('redis-aqua', 'heroku-redis:mini', ['HEROKU_REDIS_AQUA'], {since: '2025-01-01T00:00:00Z'}),
        held('redis-default', 'heroku-redis:mini', ['REDIS'], {since: '2026-01-01T00:00:00Z'}),
      ]),
      [
        '~ plan redis-two (HEROKU_REDIS_2): mini → premium-0',
        '= redis-default (REDIS) heroku-redis:mini unchanged',
        '= redis-aqua (HEROKU_REDIS_AQUA) heroku-redis:mini unchanged',
        '? redis-rose (HEROKU_REDIS_ROSE) heroku-redis:mini is not in app.json: left alone (--prune destroys it)',
      ],
    ],
    [
      'an alias an entry claims with `as` is not taken by an entry without one',
      {addons: [{plan: 'heroku-redis', as: 'REDIS'}, 'heroku-redis']},
      state([held('redis-default', 'heroku-redis:mini', ['REDIS'])]),
      ['+ create heroku-redis', '= redis-default (REDIS) heroku-redis:mini unchanged'],
    ],
    [
      'an add-on with two aliases is matched once; the add-on of another app is never pruned',
      {addons: ['heroku-redis']},
      state([
        held('important-redis', 'heroku-redis:mini', ['BROKER', 'SESSION_STORE']),
        held('shared-db', 'heroku-postgresql:essential-0', ['SHARED_DB'], {app: 'other-app'}),
      ]),
      [
        '= important-redis (BROKER) heroku-redis:mini unchanged',
        '? shared-db (SHARED_DB) heroku-postgresql:essential-0 is not in app.json: left alone (it belongs to other-app)',
      ],
    ],
    [
      'add-ons being destroyed are not there any more',
      {addons: [{plan: 'heroku-redis:mini', as: 'BROKER'}]},
      state([held('going-redis', 'heroku-redis:mini', ['BROKER'], {state: 'deprovisioning'})]),
      ['+ create heroku-redis:mini as BROKER'],
    ],
    [
      'env: only vars the app lacks; a value from app.json, a generated secret; optional ones without a value are skipped',
      {
        env: {
          RAILS_ENV: 'production',
          WEB_CONCURRENCY: {value: '2', description: 'processes'},
          SECRET_KEY: {generator: 'secret'},
          PRESENT_SECRET: {generator: 'secret'},
          OPTIONAL_TOKEN: {required: false, description: 'set it for the metrics'},
          GIVEN_TOKEN: {description: 'the app has it'},
        },
      },
      state([], {PRESENT_SECRET: 'x', GIVEN_TOKEN: 'y'}),
      ['+ set RAILS_ENV (from app.json)', '+ set WEB_CONCURRENCY (from app.json)', '+ set SECRET_KEY (generated)'],
    ],
  ]
  for (const [name, doc, app, expected] of cases) {
    it(name, () => assert.deepEqual(lines(doc, app), expected))
  }

  it('--prune: the app\'s own unmanaged add-ons are destroyed, last, with their aliases', () => {
    const app = state([
      held('important-redis', 'heroku-redis:mini', ['BROKER']),
      held('cooling-carefully-7273', 'heroku-redis:mini', ['HEROKU_REDIS_ROSE']),
      held('kv-solid-56412', 'kv:free', ['CACHE', 'KV']),
      held('shared-db', 'heroku-postgresql:essential-0', ['SHARED_DB'], {app: 'other-app'}),
    ])
    assert.deepEqual(lines({addons: [{plan: 'heroku-redis:premium-0', as: 'BROKER'}], env: {SECRET_KEY: {generator: 'secret'}}}, app, true), [
      '~ plan important-redis (BROKER): mini → premium-0',
      '+ set SECRET_KEY (generated)',
      '- destroy kv-solid-56412 (CACHE, KV)',
      '- destroy cooling-carefully-7273 (HEROKU_REDIS_ROSE)',
      '? shared-db (SHARED_DB) heroku-postgresql:essential-0 is not in app.json: left alone (it belongs to other-app)',
    ])
  })

  it('the plan as data: steps in order, no config value anywhere', () => {
    const plan = computePlan(
      manifest({addons: [{plan: 'heroku-redis:mini', as: 'BROKER', options: {maxmemory: '1gb'}}], env: {SECRET_KEY: {generator: 'secret'}, MODE: 'fast'}}),
      state([held('kv-solid-56412', 'kv:free', ['KV'])]),
      {prune: true},
    )
    const kv = addon('kv-solid-56412', {plan: 'kv:free'})
    assert.deepEqual(plan, {
      app: APP,
      steps: [
        {action: 'create', entry: 0, service: 'heroku-redis', plan: 'heroku-redis:mini', as: 'BROKER', name: null, options: {maxmemory: '1gb'}},
        {action: 'set', name: 'SECRET_KEY', source: 'generated'},
        {action: 'set', name: 'MODE', source: 'app.json'},
        {action: 'destroy', addon: {id: kv.id, name: kv.name, app: APP}, aliases: ['KV'], plan: 'kv:free'},
      ],
      unchanged: [],
      unmanaged: [],
    })
    assert.ok(!JSON.stringify(plan).includes('fast'))
  })

  it('idempotent: everything matches, no steps, and the closing line counts the add-ons', () => {
    const app = state([held('important-redis', 'heroku-redis:mini', ['BROKER']), held('kv-solid-56412', 'kv:free', ['KV'])], {SECRET_KEY: 'k'})
    const plan = computePlan(manifest({addons: [{plan: 'heroku-redis:mini', as: 'BROKER'}, 'kv:free'], env: {SECRET_KEY: {generator: 'secret'}}}), app, {prune: true})
    assert.deepEqual(plan.steps, [])
    assert.equal(noChangesLine(plan), 'No changes: 2 add-ons match app.json.')
  })

  const refusals: Array<[string, AppJson, AppState, string]> = [
    [
      'an alias held by another service',
      {addons: [{plan: 'heroku-redis', as: 'CACHE'}]},
      state([held('kv-solid-56412', 'kv:free', ['CACHE'])]),
      'addons[0] wants heroku-redis as CACHE, but CACHE on example-app is kv-solid-56412 (kv)',
    ],
    [
      'two entries naming two aliases of one add-on',
      {addons: [{plan: 'heroku-redis', as: 'BROKER'}, {plan: 'heroku-redis', as: 'SESSION_STORE'}]},
      state([held('important-redis', 'heroku-redis:mini', ['BROKER', 'SESSION_STORE'])]),
      'addons[0] (BROKER) and addons[1] (SESSION_STORE) are both aliases of important-redis: each entry stands for an add-on of its own',
    ],
    [
      'a required var with no value in app.json or on the app, even beside other changes',
      {addons: ['heroku-redis'], env: {API_TOKEN: {description: 'the partner API token'}, SECRET_KEY: {generator: 'secret'}}},
      state([]),
      'app.json requires API_TOKEN, which has no value: set it first',
    ],
    [
      'two required vars',
      {env: {API_TOKEN: {required: true}, OTHER_TOKEN: {}}},
      state([]),
      'app.json requires API_TOKEN, OTHER_TOKEN, which have no value: set them first',
    ],
  ]
  for (const [name, doc, app, message] of refusals) {
    it(`refused before any change: ${name}`, () => {
      assert.throws(() => computePlan(manifest(doc), app, {prune: false}), {message})
    })
  }
})
