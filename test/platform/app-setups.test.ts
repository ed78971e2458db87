import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {after, before, describe, test} from 'node:test'
import {packAppJson} from '../../src/wire/source-tarball.js'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {eventually, startTestPlatform, type TestPlatform} from './helpers.js'

// POST /app-setups over HTTP: an app built from the app.json in a source tarball (file:// and
// http://), manifest errors, a failing add-on rolled back, and the checks made while the caller waits.
describe('app setups', () => {
  let redis: TestProvider
  let soldOut: TestProvider
  let p: TestPlatform
  let dir: string
  let files: Server
  let filesUrl: string

  before(async () => {
    redis = await startTestProvider()
    soldOut = await startTestProvider()
    soldOut.behaviour = 'refuse-422'
    // another service (the provider checks the platform's credentials against its own manifest's id)
    Object.assign(soldOut.manifest, {id: 'sold-out', api: {...soldOut.manifest.api, config_vars_prefix: 'SOLD_OUT', config_vars: ['SOLD_OUT_URL']}})
    p = await startTestPlatform([redis.manifest, soldOut.manifest])
    dir = mkdtempSync(join(tmpdir(), 'addonkit-app-setups-'))
    // serves the files of `dir` (GitHub-style tarballs over http)
    files = createServer((request, response) => {
      try {
        const body = readFileSync(join(dir, decodeURIComponent(new URL(request.url!, 'http://x').pathname)))
        response.writeHead(200, {'content-type': 'application/gzip'}).end(body)
      } catch {
        response.writeHead(404).end('not found')
      }
    })
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve))
    filesUrl = `http://127.0.0.1:${(files.address() as {port: number}).port}`
  })
  after(async () => {
    await p?.close()
    await redis?.close()
    await soldOut?.close()
    await new Promise((resolve) => files?.close(resolve))
    rmSync(dir, {recursive: true, force: true})
  })

  // app.json packed at the tarball's root, in `dir`; its file:// URL
  async function source(name: string, appJson: unknown): Promise<string> {
    const path = join(dir, `${name}.tar.gz`)
    writeFileSync(path, await packAppJson(typeof appJson === 'string' ? appJson : JSON.stringify(appJson)))
    return pathToFileURL(path).href
  }

  async function finished(id: string): Promise<any> {
    let body: any
    await eventually(async () => {
      body = (await p.api.get<any>(`app-setups/${id}`)).body
      return body.status !== 'pending'
    }, `app setup ${id} to end`, 400)
    return body
  }

  test('success: the app, its add-ons (plans, aliases, names, options) and env as app.json says; overrides win', async () => {
    const url = await source('ok', {
      name: 'ignored by the platform',
      addons: ['heroku-redis', {plan: 'heroku-redis:premium-0', as: 'CACHE', name: 'setup-cache', options: {'max-memory': 64, persist: true}}],
      env: {
        GREETING: 'hello',
        SECRET_KEY: {generator: 'secret', description: 'signs sessions'},
        API_TOKEN: {description: 'given at setup', required: true},
        OPTIONAL: {required: false},
        WEB_CONCURRENCY: {value: '2'},
      },
    })
    const res = await p.api.post<any>('app-setups', {json: {app: {name: 'setup-ok', region: 'eu'}, source_blob: {url}, overrides: {env: {API_TOKEN: 'tok-123', WEB_CONCURRENCY: '4', EXTRA: 'x'}}}})
    assert.equal(res.statusCode, 202, JSON.stringify(res.body))
    assert.equal(res.body.status, 'pending')
    assert.equal(res.body.app.name, 'setup-ok')
    assert.deepEqual({build: res.body.build, failure_message: res.body.failure_message, manifest_errors: res.body.manifest_errors, postdeploy: res.body.postdeploy}, {build: null, failure_message: null, manifest_errors: [], postdeploy: null})

    const done = await finished(res.body.id)
    assert.equal(done.status, 'succeeded', JSON.stringify(done))
    assert.equal(done.id, res.body.id)
    assert.equal(done.app.id, res.body.app.id)

    const app = (await p.api.get<any>('apps/setup-ok')).body
    assert.equal(app.region.name, 'eu')
    const attachments = (await p.api.get<any[]>('apps/setup-ok/addon-attachments')).body
    assert.deepEqual(attachments.map((a) => `${a.name}=${a.addon.name}`).sort(), ['CACHE=setup-cache', `REDIS=${attachments.find((a) => a.name === 'REDIS').addon.name}`])
    const addons = (await p.api.get<any[]>('apps/setup-ok/addons')).body
    assert.deepEqual(addons.map((a) => a.plan.name).sort(), ['heroku-redis:mini', 'heroku-redis:premium-0'])
    const cacheProvision = redis.provisions.find((body) => body.name === 'setup-cache')
    assert.deepEqual(cacheProvision?.options, {'max-memory': '64', persist: 'true'})

    const config = (await p.api.get<any>('apps/setup-ok/config-vars')).body
    assert.equal(config.GREETING, 'hello')
    assert.equal(config.API_TOKEN, 'tok-123')
    assert.equal(config.WEB_CONCURRENCY, '4')
    assert.equal(config.EXTRA, 'x')
    assert.match(config.SECRET_KEY, /^[0-9a-f]{64}$/)
    assert.equal('OPTIONAL' in config, false)
    assert.ok(config.REDIS_URL && config.CACHE_URL)
  })

  test('a GitHub-style tarball over http: app.json in its one top folder', async () => {
    const tree = join(dir, 'tree')
    mkdirSync(join(tree, 'owner-repo-0123abc'), {recursive: true})
    writeFileSync(join(tree, 'owner-repo-0123abc', 'app.json'), JSON.stringify({addons: ['heroku-redis:mini'], env: {FROM: 'top-folder'}}))
    writeFileSync(join(tree, 'owner-repo-0123abc', 'README.md'), 'hello\n')
    const tar = spawnSync('tar', ['-czf', join(dir, 'github.tar.gz'), '-C', tree, 'owner-repo-0123abc'])
    assert.equal(tar.status, 0, String(tar.stderr))
    const checksum = `SHA256:${createHash('sha256').update(readFileSync(join(dir, 'github.tar.gz'))).digest('hex')}`
    const res = await p.api.post<any>('app-setups', {json: {app: {name: 'setup-github'}, source_blob: {url: `${filesUrl}/github.tar.gz`, checksum}}})
    assert.equal(res.statusCode, 202, JSON.stringify(res.body))
    assert.equal((await finished(res.body.id)).status, 'succeeded')
    assert.equal((await p.api.get<any>('apps/setup-github/config-vars')).body.FROM, 'top-folder')
    assert.equal((await p.api.get<any[]>('apps/setup-github/addons')).body.length, 1)
  })

  test('manifest errors: every problem listed, nothing provisioned, the app removed', async () => {
    const provisionsBefore = redis.provisions.length
    const url = await source('invalid', {addons: ['heroku-redis', {plan: 'heroku-redis', as: 'lower'}, 42], env: {NEEDED: {description: 'no value'}, BAD: {generator: 'uuid'}}})
    const res = await p.api.post<any>('app-setups', {json: {app: {name: 'setup-invalid'}, source_blob: {url}}})
    assert.equal(res.statusCode, 202)
    const done = await finished(res.body.id)
    assert.equal(done.status, 'failed')
    assert.equal(done.failure_message, 'invalid app.json')
    assert.deepEqual(done.manifest_errors, [
      'addons[1].as "lower" is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores',
      'addons[2] must be a string ("service" or "service:plan") or an object with a plan',
      'env.BAD.generator must be "secret"',
    ])
    assert.equal((await p.api.get('apps/setup-invalid')).statusCode, 404)
    assert.equal(redis.provisions.length, provisionsBefore)

    // a valid file whose required var has no value anywhere
    const missing = await p.api.post<any>('app-setups', {json: {source_blob: {url: await source('missing', {env: {NEEDED: {description: 'no value'}, ALSO: {required: true}}})}}})
    const missingDone = await finished(missing.body.id)
    assert.deepEqual([missingDone.status, missingDone.failure_message, missingDone.manifest_errors], ['failed', 'invalid app.json', ['config var NEEDED is required', 'config var ALSO is required']])
    assert.equal((await p.api.get(`apps/${missing.body.app.name}`)).statusCode, 404)
  })

  test('a failing add-on: the setup fails saying why, and the add-ons it created are deprovisioned and the app deleted', async () => {
    const url = await source('sold-out', {addons: ['heroku-redis:mini', 'sold-out:mini'], env: {GREETING: 'hello'}})
    const res = await p.api.post<any>('app-setups', {json: {app: {name: 'setup-rollback'}, source_blob: {url}}})
    assert.equal(res.statusCode, 202)
    const done = await finished(res.body.id)
    assert.equal(done.status, 'failed')
    assert.equal(done.failure_message, 'addons[1] (sold-out:mini) could not be created: Plan mini is sold out in this region.')
    assert.deepEqual(done.manifest_errors, [])
    assert.deepEqual(done.app, res.body.app)
    // the first add-on got its DELETE before the setup said failed
    const created = redis.provisions.filter((body) => body.callback_url.includes('/addons/')).at(-1)!
    assert.ok(redis.deletes.includes(created.uuid), 'the created add-on was deprovisioned')
    assert.equal((await p.api.get('apps/setup-rollback')).statusCode, 404)
    assert.equal((await p.api.get<any[]>('addons')).body.filter((a) => a.app.name === 'setup-rollback').length, 0)
  })

  test('a source that cannot be read: failed with the reason, the app removed', async () => {
    const cases: Array<[string, string]> = [
      [pathToFileURL(join(dir, 'nowhere.tar.gz')).href, `Could not read app.json: could not read ${pathToFileURL(join(dir, 'nowhere.tar.gz')).href}: no such file.`],
      [`${filesUrl}/nowhere.tar.gz?token=secret`, `Could not read app.json: could not read ${filesUrl}/nowhere.tar.gz: it answered 404.`],
      [await source('not-json', '{"addons": ['), 'invalid app.json'],
    ]
    writeFileSync(join(dir, 'plain.txt'), 'not a tarball')
    cases.push([pathToFileURL(join(dir, 'plain.txt')).href, 'Could not read app.json: the source is not a gzipped tarball.'])
    for (const [url, message] of cases) {
      const res = await p.api.post<any>('app-setups', {json: {source_blob: {url}}})
      assert.equal(res.statusCode, 202)
      const done = await finished(res.body.id)
      assert.deepEqual([done.status, done.failure_message], ['failed', message], url)
      assert.equal((await p.api.get(`apps/${res.body.app.name}`)).statusCode, 404)
    }
    const checksum = await p.api.post<any>('app-setups', {json: {source_blob: {url: await source('sum', {}), checksum: `SHA256:${'0'.repeat(64)}`}}})
    assert.match((await finished(checksum.body.id)).failure_message, /^Could not read app.json: the source's checksum is SHA256:[0-9a-f]{64}, not SHA256:0{64}\.$/)
  })

  test('refused while the caller waits (422, no app made); another account sees no setup', async () => {
    const url = await source('plain', {})
    const refusals: Array<[unknown, string]> = [
      [{source_blob: {url: 'ftp://example.com/app.tgz'}}, 'source_blob.url must be an https, http or file URL, not ftp:.'],
      [{source_blob: {url: 'not a url'}}, 'source_blob.url "not a url" is not a URL.'],
      [{source_blob: {}}, "Invalid request body: source_blob must have required property 'url'."],
      [{source_blob: {url}, app: {region: 'atlantis'}}, 'Couldn\'t find the region "atlantis".'],
      [{source_blob: {url}, overrides: {env: {'BAD-NAME': 'x'}}}, 'Invalid config var name in overrides.env: BAD-NAME. Names may contain only letters, digits and underscores.'],
      [{source_blob: {url, checksum: 'md5:abc'}}, 'source_blob.checksum must be "SHA256:" and 64 hex digits, not "md5:abc".'],
    ]
    const appsBefore = (await p.api.get<any[]>('apps')).body.length
    for (const [body, message] of refusals) {
      const res = await p.api.post<any>('app-setups', {json: body})
      assert.deepEqual([res.statusCode, res.body.message], [422, message], JSON.stringify(body))
    }
    assert.equal((await p.api.get<any[]>('apps')).body.length, appsBefore)
    assert.equal((await p.api.post('apps', {json: {name: 'setup-taken'}})).statusCode, 201)
    const taken = await p.api.post<any>('app-setups', {json: {app: {name: 'setup-taken'}, source_blob: {url}}})
    assert.deepEqual([taken.statusCode, taken.body.message], [422, 'Name setup-taken is already taken.'])

    const mine = await p.api.post<any>('app-setups', {json: {source_blob: {url}}})
    assert.equal(mine.statusCode, 202)
    const theirs = await p.stranger.get<any>(`app-setups/${mine.body.id}`)
    assert.deepEqual([theirs.statusCode, theirs.body.message], [404, "Couldn't find that app setup."])
    assert.equal((await p.api.get<any>('app-setups/01234567-89ab-cdef-0123-456789abcdef')).statusCode, 404)
    assert.equal((await finished(mine.body.id)).status, 'succeeded')
  })
})
