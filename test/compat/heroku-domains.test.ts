// The real `heroku` CLI (npm heroku@11) driving the platform's domains, with HEROKU_HOST.
// .ci/run installs it and sets ADDONKIT_TEST_HEROKU_BIN; locally: npm i --prefix .cache/heroku heroku@11
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {type RunningPlatform, startPlatform} from '../../src/platform/start.js'

const herokuBin = process.env.ADDONKIT_TEST_HEROKU_BIN ?? ''
const KEY = 'compat-domains-key-0123456789abcdef'

describe('the real heroku CLI manages domains on the local platform', {skip: herokuBin ? false : 'ADDONKIT_TEST_HEROKU_BIN is not set: heroku CLI domains run skipped'}, () => {
  let platform: RunningPlatform
  let home: string

  // asynchronous: the platform runs in this process and must keep answering while the CLI waits
  const heroku = (...args: string[]) =>
    new Promise<{status: number | null; stdout: string; stderr: string}>((resolve) => {
      const child = spawn(herokuBin, args, {
        timeout: 90_000,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          XDG_DATA_HOME: join(home, '.local/share'),
          XDG_CACHE_HOME: join(home, '.cache'),
          HEROKU_HOST: platform.url,
          HEROKU_API_KEY: KEY,
          HEROKU_DISABLE_AUTOUPDATE: '1',
          HEROKU_SKIP_ANALYTICS: '1',
          HEROKU_SKIP_NEW_VERSION_CHECK: '1',
          NO_COLOR: '1',
          CI: 'true',
        },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (status) => resolve({status, stdout, stderr}))
    })

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return response.json() as Promise<any>
  }
  // the heroku CLI wraps its error lines behind " ›   " markers
  const unwrapped = (text: string) => text.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' ')
  const hostnames = async () => (await api('GET', '/apps/example-app/domains')).map((d: {hostname: string}) => d.hostname)

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'addonkit-heroku-home-'))
    platform = await startPlatform({
      port: 0,
      dataDir: join(home, 'platform'),
      accounts: [{email: 'compat@example.com', apiKey: KEY}],
      manifests: [],
      builtinProviders: false,
      writeState: false,
      log: () => {},
    })
    await api('POST', '/apps', {name: 'example-app'})
  })

  after(async () => {
    await platform?.close()
    rmSync(home, {recursive: true, force: true})
  })

  it('domains:add adds the domain and prints its DNS target', async () => {
    const r = await heroku('domains:add', 'WWW.Example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const added = await api('GET', '/apps/example-app/domains/www.example.com')
    assert.equal(added.kind, 'custom')
    assert.match(added.cname, /\.dns\.localhost$/)
    assert.match(r.stdout, new RegExp(`Configure your app's DNS provider to point to the DNS Target ${added.cname.replaceAll('.', '\\.')}`))
    assert.match(r.stderr, /Adding WWW\.Example\.com to example-app\.\.\. done/)
  })

  it('domains:add --json prints the API answer; a wildcard is accepted', async () => {
    const r = await heroku('domains:add', '*.example.com', '-a', 'example-app', '--json')
    assert.equal(r.status, 0, r.stderr)
    const printed = JSON.parse(r.stdout)
    assert.deepEqual(printed, await api('GET', '/apps/example-app/domains/*.example.com'))
    assert.equal(printed.hostname, '*.example.com')
  })

  it('domains lists the default domain, then the custom ones with their DNS targets', async () => {
    const r = await heroku('domains', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== example-app Heroku Domain\n\s*example-app\.localhost\n/)
    assert.match(r.stdout, /=== example-app Custom Domains/)
    const www = await api('GET', '/apps/example-app/domains/www.example.com')
    assert.match(r.stdout, new RegExp(`www\\.example\\.com\\s+CNAME\\s+${www.cname.replaceAll('.', '\\.')}`))
    assert.match(r.stdout, /\*\.example\.com\s+CNAME\s+\S+\.dns\.localhost/)
  })

  it('domains:info shows one domain', async () => {
    const r = await heroku('domains:info', 'www.example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /hostname:\s+www\.example\.com/)
    assert.match(r.stdout, /app:\s+example-app/)
    assert.match(r.stdout, /kind:\s+custom/)
  })

  it('domains:add of a hostname already there fails with the platform message', async () => {
    const r = await heroku('domains:add', 'www.example.com', '-a', 'example-app')
    assert.notEqual(r.status, 0)
    assert.match(unwrapped(r.stderr), /Error: www\.example\.com is already a domain of example-app\./)
  })

  it('domains:remove removes a custom domain and refuses the default one', async () => {
    const r = await heroku('domains:remove', 'www.example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /Removing www\.example\.com from example-app\.\.\. done/)
    assert.deepEqual(await hostnames(), ['example-app.localhost', '*.example.com'])
    const refused = await heroku('domains:remove', 'example-app.localhost', '-a', 'example-app')
    assert.notEqual(refused.status, 0)
    assert.match(unwrapped(refused.stderr), /Error: example-app\.localhost is the default domain of example-app: it cannot be removed\./)
    assert.deepEqual(await hostnames(), ['example-app.localhost', '*.example.com'])
  })
})
