import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {ApiClient} from '../../../src/lib/api/client.js'
import {packAppJson} from '../../../src/wire/source-tarball.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {runCli} from '../../helpers/cli.js'
import {eventually, OWNER, startTestPlatform, type TestPlatform} from '../../platform/helpers.js'

const home = mkdtempSync(join(tmpdir(), 'addonkit-apps-setup-'))
// oclif's config.cacheDir, where --file's tarballs go: this test's own
process.env.ADDONKIT_CACHE_DIR = join(home, 'cache')

// `apps:setup` against a real local platform: --file packs app.json for it, --source hands over a
// tarball, --wait reports the outcome; what is wrong with app.json is said before any request.
describe('apps:setup', () => {
  let redis: TestProvider
  let soldOut: TestProvider
  let p: TestPlatform
  const run = (args: string[], url = p.url) =>
    runCli(['apps:setup', ...args], {
      url,
      deps: {
        api: new ApiClient({target: {url, token: OWNER.apiKey, source: 'env'}, retries: 0}),
        env: {...process.env, ADDONKIT_WAIT_INTERVAL_MS: '20'},
      },
    })
  const appJson = (name: string, doc: unknown) => {
    const path = join(home, name)
    writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc))
    return path
  }
  const appNames = async () => (await p.api.get<Array<{name: string}>>('apps')).body.map((a) => a.name).sort()

  before(async () => {
    redis = await startTestProvider()
    soldOut = await startTestProvider()
    soldOut.behaviour = 'refuse-422'
    Object.assign(soldOut.manifest, {id: 'sold-out', api: {...soldOut.manifest.api, config_vars_prefix: 'SOLD_OUT', config_vars: ['SOLD_OUT_URL']}})
    p = await startTestPlatform([redis.manifest, soldOut.manifest])
  })
  after(async () => {
    await p?.close()
    await redis?.close()
    await soldOut?.close()
    rmSync(home, {recursive: true, force: true})
  })

  it('--file --wait: the app with its add-ons and env; --env gives a required var its value', async () => {
    const file = appJson('app.json', {addons: [{plan: 'heroku-redis:mini', as: 'BROKER'}], env: {API_TOKEN: {required: true}, GREETING: 'hello'}})
    const {stdout, stderr, exitCode} = await run(['cli-setup', '--file', file, '--env', 'API_TOKEN=tok', '--wait'])
    assert.equal(exitCode, 0, stderr)
    assert.equal(stdout, 'cli-setup is set up.\n')
    assert.match(stderr, /Setting up cli-setup\.\.\. done/)
    const config = (await p.api.get<Record<string, string>>('apps/cli-setup/config-vars')).body
    assert.deepEqual([config.API_TOKEN, config.GREETING, typeof config.BROKER_URL], ['tok', 'hello', 'string'])
    // the tarball it handed over stays in the cache folder (the platform reads it after the CLI may have exited)
    assert.equal(readdirSync(join(home, 'cache', 'setup-sources')).filter((f) => f.endsWith('.tar.gz')).length, 1)
  })

  it('without --wait: answers at once with the setup id; the platform finishes by itself', async () => {
    const file = appJson('bare.json', {env: {GREETING: 'hi'}})
    const {stdout, stderr, exitCode} = await run(['--file', file])
    assert.equal(exitCode, 0, stderr)
    const match = /^(\S+) is being set up in the background \(app setup ([0-9a-f-]{36})\); --wait waits for it\.\n$/.exec(stdout)
    assert.ok(match, stdout)
    await eventually(async () => (await p.api.get<any>(`app-setups/${match[2]}`)).body.status === 'succeeded', 'the setup to succeed')
    assert.equal((await p.api.get<Record<string, string>>(`apps/${match[1]}/config-vars`)).body.GREETING, 'hi')
  })

  it('--source with a local tarball and --json: the final app-setup as the API gives it', async () => {
    const tarball = join(home, 'source.tar.gz')
    writeFileSync(tarball, await packAppJson(JSON.stringify({addons: ['heroku-redis']})))
    const {stdout, stderr, exitCode} = await run(['cli-source', '--source', tarball, '--wait', '--json'])
    assert.equal(exitCode, 0, stderr)
    const setup = JSON.parse(stdout)
    assert.deepEqual([setup.status, setup.app.name, setup.manifest_errors, setup.failure_message], ['succeeded', 'cli-source', [], null])
  })

  it('a failing add-on with --wait: exit 1, the reason in one line, nothing left', async () => {
    const file = appJson('sold-out.json', {addons: ['heroku-redis:mini', 'sold-out:mini']})
    const {stdout, stderr, exitCode} = await run(['cli-sold-out', '--file', file, '--wait'])
    assert.equal(exitCode, 1)
    assert.equal(stdout, '')
    assert.equal(stderr.split('\n').filter((l) => l.startsWith('Error:')).join('\n'), 'Error: addons[1] (sold-out:mini) could not be created: Plan mini is sold out in this region. cli-sold-out and what was created for it have been removed.')
    assert.equal((await p.api.get('apps/cli-sold-out')).statusCode, 404)
  })

  it('what is wrong is said before any request: app.json problems, a missing required var, --file off this machine (exit 2)', async () => {
    const before = await appNames()
    const cases: Array<[string[], string, string?]> = [
      [['--file', appJson('bad.json', {addons: [{plan: 'heroku-redis', as: 'lower'}], env: {X: {generator: 'uuid'}}})],
        `Error: ${join(home, 'bad.json')}: addons[0].as "lower" is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores; env.X.generator must be "secret"\n`],
      [['--file', appJson('needs.json', {env: {API_TOKEN: {description: 'yours'}}})], `Error: ${join(home, 'needs.json')} requires API_TOKEN, which has no value: pass --env API_TOKEN=VALUE\n`],
      [['--file', join(home, 'missing.json')], `Error: No ${join(home, 'missing.json')} here: pass --file PATH or --source URL.\n`],
      [['--file', appJson('fine.json', {})], 'Error: --file works only with a platform on this machine (it reads the file through a file:// URL); for https://api.example.com, put a gzipped tarball holding app.json where the platform can fetch it and pass --source URL.\n', 'https://api.example.com'],
      [['--source', join(home, 'nowhere.tar.gz')], `Error: --source ${join(home, 'nowhere.tar.gz')} is neither a URL nor a file here.\n`],
      [['--source', 'ftp://example.com/app.tgz'], 'Error: --source must be an https, http or file URL, or a local tarball\'s path: ftp://example.com/app.tgz\n'],
      [['--env', 'NOPE', '--source', 'https://example.com/app.tgz'], 'Error: --env takes KEY=VALUE, not NOPE\n'],
    ]
    for (const [args, expected, url] of cases) {
      const {stdout, stderr, exitCode} = await run(args, url)
      assert.deepEqual({exitCode, stdout, stderr}, {exitCode: 2, stdout: '', stderr: expected}, args.join(' '))
    }
    assert.deepEqual(await appNames(), before)
  })
})
