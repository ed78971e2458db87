import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {startStubApi, type StubApi} from '../../bench/stub-api.js'
import {cleanEnv, ensureBuilt, runNode} from '../bin/spawn.js'
import {ROOT} from '../helpers/cli.js'

// addonkit loaded as a plugin by another oclif CLI (test/fixtures/host-cli, bin `hostcli`, topics
// separated by spaces): `plugins link` of this checkout, then our commands run through the host's
// oclif against a stub Platform API. A linked ESM plugin in a production host runs the compiled dist/.

const HOST = join(ROOT, 'test', 'fixtures', 'host-cli', 'bin', 'run.js')

describe('addonkit as a plugin of a host oclif CLI', () => {
  let api: StubApi
  let home: string
  let env: NodeJS.ProcessEnv
  const hostcli = (...args: string[]) => runNode([HOST, ...args], env)

  before(async () => {
    ensureBuilt()
    api = await startStubApi({app: 'example-app', addons: 1})
    home = mkdtempSync(join(tmpdir(), 'addonkit-host-'))
    env = cleanEnv({
      // everything the host and addonkit would keep in the user's home goes to the temp dir
      HOSTCLI_DATA_DIR: join(home, 'data'),
      HOSTCLI_CONFIG_DIR: join(home, 'config'),
      HOSTCLI_CACHE_DIR: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'xdg-data'),
      XDG_CONFIG_HOME: join(home, 'xdg-config'),
      XDG_CACHE_HOME: join(home, 'xdg-cache'),
      ADDONKIT_DATA_DIR: join(home, 'addonkit'),
      ADDONKIT_API_URL: api.url,
      ADDONKIT_API_KEY: api.token,
    })
    const link = await hostcli('plugins', 'link', ROOT, '--no-install')
    assert.equal(link.code, 0, link.stderr)
  })

  after(async () => {
    await api?.close()
    if (home) rmSync(home, {recursive: true, force: true})
  })

  it('is linked into the host data dir, not the user home', async () => {
    const pjson = JSON.parse(readFileSync(join(home, 'data', 'package.json'), 'utf8')) as {oclif: {plugins: unknown[]}}
    assert.deepEqual(pjson.oclif.plugins, [{name: 'addonkit', root: ROOT.replace(/\/$/, ''), type: 'link'}])
    const plugins = await hostcli('plugins')
    assert.equal(plugins.code, 0)
    assert.match(plugins.stdout, /^addonkit 0\.1\.0 \(link\) /m)
  })

  it('hostcli addons --app lists the resources and attachments as in the seed', async () => {
    const {stdout, stderr, code} = await hostcli('addons', '--app', 'example-app')
    assert.equal(code, 0, stderr)
    assert.equal(
      stdout,
      [
        '=== Resources for example-app',
        'Plan               Name             Price',
        '-----------------  ---------------  ----------',
        'heroku-redis:mini  important-redis  $3/month',
        '',
        '=== Attachments for example-app',
        'Name    Add-on           Billing App',
        '------  ---------------  -------------',
        'BROKER  important-redis  example-app',
        '',
      ].join('\n'),
    )
    assert.doesNotMatch(stderr, /Error|EEXIT/)
  })

  it('hostcli addons:attach --as --confirm attaches and prints the new release', async () => {
    const {stdout, stderr, code} = await hostcli('addons:attach', 'important-redis', '--as', 'SESSION_STORE', '--confirm', 'example-app', '--app', 'example-app')
    assert.equal(code, 0, stderr)
    assert.equal(stdout, '')
    assert.match(stderr, /^Attaching important-redis as SESSION_STORE to example-app\.\.\. done$/m)
    assert.match(stderr, /^Setting SESSION_STORE vars and restarting example-app\.\.\. done, v10$/m)
    assert.deepEqual(
      api.attachments.map((a) => `${a.app.name}:${a.name}->${a.addon.name}`),
      ['example-app:BROKER->important-redis', 'example-app:SESSION_STORE->important-redis'],
    )
    const post = api.requests.find((r) => r.method === 'POST' && r.path === '/addon-attachments')
    assert.deepEqual(post?.body, {addon: {name: 'important-redis'}, app: {name: 'example-app'}, name: 'SESSION_STORE', confirm: 'example-app'})

    const listed = await hostcli('addons', '--app', 'example-app')
    assert.match(listed.stdout, /^SESSION_STORE  important-redis  example-app$/m)
  })

  it('a taken alias without --confirm off a TTY fails with one line and the usage exit code, changing nothing', async () => {
    const before = api.attachments.length
    const {stdout, stderr, code} = await hostcli('addons', 'attach', 'important-redis', '--as', 'BROKER', '--app', 'example-app')
    assert.equal(code, 2, stderr)
    assert.equal(stdout, '')
    assert.match(stderr, /--confirm example-app/)
    // the host's oclif must not add its own report of our exit (" ›   Error: EEXIT: 2")
    assert.doesNotMatch(stderr, /EEXIT|\n\s+at /)
    assert.equal(api.attachments.length, before)
  })

  // addonkit's command_not_found hook answers only when addonkit is the CLI itself
  it('an unknown host command gets the host answer, not the addonkit one', async () => {
    const {stdout, stderr, code} = await hostcli('adons')
    assert.equal(code, 2)
    assert.equal(stdout, '')
    assert.doesNotMatch(stderr, /addonkit/)
    assert.match(stderr, /command adons not found/)
  })

  it('hostcli config --help writes the examples with the host bin name and topic separator', async () => {
    const {stdout, code} = await hostcli('config', '--help')
    assert.equal(code, 0)
    assert.match(stdout, /^ {2}\$ hostcli config --app example-app$/m)
    assert.match(stdout, /^ {2}\$ hostcli config --app example-app --shell$/m)
    assert.doesNotMatch(stdout, /addonkit/)
  })

  it('hostcli addons attach --help names the host in every example', async () => {
    const {stdout, code} = await hostcli('addons', 'attach', '--help')
    assert.equal(code, 0)
    assert.match(stdout, /^ {2}\$ hostcli addons attach important-redis --as SESSION_STORE --app example-app$/m)
    assert.doesNotMatch(stdout, /addonkit/)
  })
})
