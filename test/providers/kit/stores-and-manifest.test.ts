import {test} from 'node:test'
import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {findManifestProblems, JsonFileResourceStore, loadManifest} from '../../../src/providers/kit/index.js'
import {manifest as example} from '../../../src/providers/examples/minimal.js'

const resource = (id: string) => ({id, plan: 'test', config: {A_URL: 'x'}, data: {}, created_at: 'now', updated_at: 'now'})

test('the JSON file store keeps resources across instances and leaves no temporary files', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-store-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  const path = join(dir, 'resources.json')
  const store = new JsonFileResourceStore(path)
  await Promise.all(['a', 'b', 'c'].map((id) => store.put(resource(id))))
  await store.delete('b')
  const reopened = new JsonFileResourceStore(path)
  // the three puts ran concurrently, so insertion order is not part of the contract
  assert.deepEqual((await reopened.list()).map((r) => r.id).sort(), ['a', 'c'])
  assert.deepEqual(await reopened.get('a'), resource('a'))
  assert.deepEqual(readdirSync(dir), ['resources.json'])
})

test('a corrupt store file gives a one-line error naming the file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-store-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  const path = join(dir, 'resources.json')
  writeFileSync(path, '{half')
  await assert.rejects(new JsonFileResourceStore(path).list(), {message: `${path} is not valid JSON: fix or remove it`})
})

test('manifest validation lists every problem', async (t) => {
  assert.deepEqual(findManifestProblems(example), [])
  assert.deepEqual(findManifestProblems(example, {strict: false}), [])
  const broken = {id: 'Bad Id', api: {config_vars: ['lower'], password: '', regions: ['mars'], production: {}}}
  assert.deepEqual(findManifestProblems(broken, {strict: false}), [
    'id "Bad Id" must be lower case letters, digits and dashes, starting with a letter',
    'api.regions contains "mars": use us, eu, virginia, oregon, frankfurt, tokyo, sydney, dublin, *',
    'api.password must be a non-empty string',
    'api.production.base_url is missing',
    'config var lower must be upper case letters, digits and underscores, starting with a letter',
  ])
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-manifest-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  await assert.rejects(loadManifest(join(dir, 'missing.json')), {message: `cannot read manifest ${join(dir, 'missing.json')}: no such file`})
  writeFileSync(join(dir, 'bad.json'), '{')
  await assert.rejects(loadManifest(join(dir, 'bad.json')), /^Error: manifest .*bad\.json is not valid JSON: /)
})

test('serving a provider needs less than offering it: http URLs, no test environment, any config var names', async (t) => {
  const local = {id: 'local-kv', api: {config_vars: ['KV_URL'], password: 'secret', regions: ['*'], production: {base_url: 'http://127.0.0.1:5000/heroku/resources'}}}
  assert.deepEqual(findManifestProblems(local, {strict: false}), [])
  assert.deepEqual(findManifestProblems(local), ['api.production.base_url must use https, not http', 'api.test is missing', 'config var KV_URL must start with LOCAL_KV_'])
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-manifest-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  writeFileSync(join(dir, 'local.json'), JSON.stringify(local))
  assert.equal((await loadManifest(join(dir, 'local.json'))).id, 'local-kv')
  await assert.rejects(loadManifest(join(dir, 'local.json'), {strict: true}), /has 3 problems: api\.production\.base_url must use https/)
})
