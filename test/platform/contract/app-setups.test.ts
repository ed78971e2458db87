import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {after, before, describe, test} from 'node:test'
import {packAppJson} from '../../../src/wire/source-tarball.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {eventually, startTestPlatform, type TestPlatform} from '../helpers.js'
import {HerokuSchema, SCHEMA_PATH, schemaAvailable} from './heroku-schema.js'

// The app-setup answers (POST /app-setups, GET /app-setups/{id}) checked against Heroku's published
// schema: every property present and typed as it says, while pending, once succeeded and once failed.
describe('app-setup answers match the Heroku Platform API schema', {skip: schemaAvailable ? false : `no schema at ${SCHEMA_PATH}`}, () => {
  let provider: TestProvider
  let p: TestPlatform
  let schema: HerokuSchema
  let dir: string

  function conforms(body: unknown, where: string): void {
    const validate = schema.validator('app-setup')
    const ok = validate(body)
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
    assert.ok(ok, `${where} is not an app-setup:\n  ${errors.join('\n  ')}`)
  }

  async function setUp(name: string, appJson: unknown): Promise<{created: any; done: any}> {
    const path = join(dir, `${name}.tar.gz`)
    writeFileSync(path, await packAppJson(JSON.stringify(appJson)))
    const res = await p.api.post<any>('app-setups', {json: {app: {name}, source_blob: {url: pathToFileURL(path).href}}})
    assert.equal(res.statusCode, 202, JSON.stringify(res.body))
    let done: any
    await eventually(async () => {
      done = (await p.api.get<any>(`app-setups/${res.body.id}`)).body
      return done.status !== 'pending'
    }, `setup ${name} to end`, 400)
    return {created: res.body, done}
  }

  before(async () => {
    schema = new HerokuSchema()
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    dir = mkdtempSync(join(tmpdir(), 'addonkit-contract-setups-'))
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('pending, succeeded and failed answers conform', async () => {
    const ok = await setUp('contract-setup-ok', {addons: ['heroku-redis:mini'], env: {GREETING: 'hello'}})
    assert.equal(ok.created.status, 'pending')
    conforms(ok.created, 'POST /app-setups')
    assert.equal(ok.done.status, 'succeeded')
    conforms(ok.done, 'GET /app-setups/{id} (succeeded)')

    const bad = await setUp('contract-setup-bad', {addons: [{plan: 'heroku-redis', as: 'lower'}]})
    assert.equal(bad.done.status, 'failed')
    assert.equal(bad.done.manifest_errors.length, 1)
    conforms(bad.done, 'GET /app-setups/{id} (failed)')
  })
})
