import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {exportAddons, indentOf, isGeneratedAddonName, mergeAddons} from '../../../src/lib/app-json/export.js'
import {addon, attachment} from '../addons/fakes.js'

// What addons:export writes: one entry per add-on of the app, and a merge that leaves the rest alone.
describe('app.json export', () => {
  it('one entry per own add-on, under its first alias; a chosen name kept, a made-up one left out', () => {
    const broker = addon('important-redis', {plan: 'heroku-redis:premium-0'})
    const rose = addon('cooling-carefully-7273', {plan: 'heroku-redis:mini'})
    const db = addon('postgresql-curved-12345', {plan: 'heroku-postgresql:essential-0'})
    const shared = addon('shared-db', {plan: 'heroku-postgresql:essential-0', app: 'other-app'})
    const gone = addon('redis-going-11111', {state: 'deprovisioning'})
    const orphan = addon('kv-alone-22222', {plan: 'kv:free'})
    const later = (a: ReturnType<typeof attachment>) => ({...a, created_at: '2026-02-01T00:00:00Z'})
    const result = exportAddons('example-app', [broker, rose, db, shared, gone, orphan], [
      later(attachment('SESSION_STORE', broker)),
      attachment('BROKER', broker),
      attachment('HEROKU_REDIS_ROSE', rose),
      attachment('DATABASE', db),
      attachment('SHARED_DB', shared, 'example-app'),
      attachment('GOING', gone),
    ])
    assert.deepEqual(result.entries, [
      {plan: 'heroku-redis:premium-0', as: 'BROKER', name: 'important-redis'},
      {plan: 'heroku-postgresql:essential-0', as: 'DATABASE'},
      {plan: 'heroku-redis:mini', as: 'HEROKU_REDIS_ROSE'},
    ])
    assert.deepEqual(result.notes, [
      'Left out the alias SESSION_STORE of important-redis: app.json gives an add-on one alias.',
      'Left out shared-db (SHARED_DB): it belongs to other-app, and app.json only creates add-ons.',
      'Left out kv-alone-22222: it has no alias on example-app.',
    ])
  })

  it('names the platform made up', () => {
    for (const name of ['redis-concave-85537', 'cooling-carefully-7273', 'heroku-postgresql-rigid-12345']) assert.ok(isGeneratedAddonName(name), name)
    for (const name of ['important-redis', 'main-db', 'cache2', 'db-2024']) assert.ok(!isGeneratedAddonName(name), name)
  })

  it('the merge replaces addons in place, keeps every other key, and an entry\'s options', () => {
    const doc = {
      name: 'Small Sharp Tool',
      addons: [{plan: 'heroku-redis:mini', as: 'CACHE', options: {maxmemory: '1gb'}}, 'old-service', {plan: 'kv', as: 'BROKER', options: {a: 'b'}}],
      env: {RAILS_ENV: 'production'},
    }
    const merged = mergeAddons(doc, [{plan: 'heroku-redis:premium-0', as: 'CACHE'}, {plan: 'heroku-redis:mini', as: 'BROKER'}])
    assert.deepEqual(Object.keys(merged), ['name', 'addons', 'env'])
    assert.deepEqual(merged, {
      name: 'Small Sharp Tool',
      addons: [{plan: 'heroku-redis:premium-0', as: 'CACHE', options: {maxmemory: '1gb'}}, {plan: 'heroku-redis:mini', as: 'BROKER'}],
      env: {RAILS_ENV: 'production'},
    })
    assert.deepEqual(Object.keys(mergeAddons({name: 'x'}, [])), ['name', 'addons'])
  })

  it('keeps the file\'s indentation', () => {
    assert.equal(indentOf('{\n    "name": "x"\n}'), '    ')
    assert.equal(indentOf('{\n\t"name": "x"\n}'), '\t')
    assert.equal(indentOf('{"name": "x"}'), 2)
  })
})
