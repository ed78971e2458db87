import {test} from 'node:test'
import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {JsonFileResourceStore, loadManifest, manifestProblems} from '../../../src/providers/kit/index.js'
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
  assert.deepEqual(manifestProblems(example), [])
  const broken = {id: 'Bad Id', api: {config_vars: ['lower'], password: '', regions: ['mars'], production: {}}}
  assert.deepEqual(manifestProblems(broken), [
    'id must match pattern "^[a-z][a-z0-9-]*$"',
    'api.config_vars.0 must match pattern "^[A-Z][0-9A-Z_]+$"',
    'api.password must NOT have fewer than 1 characters',
    'api.regions.0 must be equal to one of the allowed values (*, us, eu, virginia, oregon, frankfurt, tokyo, sydney, dublin)',
    'api.production must be a URL or an object with base_url (and sso_url)',
  ])
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-manifest-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  await assert.rejects(loadManifest(join(dir, 'missing.json')), {message: `cannot read manifest ${join(dir, 'missing.json')}: ENOENT`})
  writeFileSync(join(dir, 'bad.json'), '{')
  await assert.rejects(loadManifest(join(dir, 'bad.json')), {message: `manifest ${join(dir, 'bad.json')} is not valid JSON`})
})
