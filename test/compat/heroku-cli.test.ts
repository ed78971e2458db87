// The real `heroku` CLI (npm heroku@11) driven against the local platform with HEROKU_HOST.
// .ci/run installs it and sets ADDONKIT_TEST_HEROKU_BIN; locally: npm i --prefix .cache/heroku heroku@11
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {type RunningPlatform, startPlatform} from '../../src/platform/start.js'
import {type SeedProvider, startRedisLikeProvider} from '../fixtures/seed/redis-like-provider.js'

const localBin = join(process.cwd(), '.cache/heroku/node_modules/.bin/heroku')
const herokuBin = process.env.ADDONKIT_TEST_HEROKU_BIN || (existsSync(localBin) ? localBin : '')
const KEY = 'compat-test-key-0123456789abcdef'

describe('the real heroku CLI against the local platform', {skip: herokuBin ? false : 'heroku CLI not installed (set ADDONKIT_TEST_HEROKU_BIN)'}, () => {
  let platform: RunningPlatform
  let provider: SeedProvider
  let home: string

  const herokuEnv = () => ({
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
  })

  // asynchronous: the platform runs in this process and must keep answering while the CLI waits
  const heroku = (...args: string[]) =>
    new Promise<{status: number | null; stdout: string; stderr: string}>((resolve) => {
    const child = spawn(herokuBin, args, {timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'], env: herokuEnv()})
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

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'addonkit-heroku-home-'))
    provider = await startRedisLikeProvider()
    platform = await startPlatform({
      port: 0,
      dataDir: join(home, 'platform'),
      accounts: [{email: 'compat@example.com', apiKey: KEY}],
      manifests: [provider.manifest],
      builtinProviders: false,
      writeState: false,
      log: () => {},
    })
    await api('POST', '/apps', {name: 'example-app'})
  })

  after(async () => {
    await platform?.close()
    await provider?.close()
    rmSync(home, {recursive: true, force: true})
  })

  it('addons:create provisions and prints the config var', async () => {
    const r = await heroku('addons:create', 'heroku-redis', '--name', 'important-redis', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr + r.stdout, /important-redis/)
    assert.match(r.stderr + r.stdout, /REDIS_URL/)
  })

  it('addons lists the resource and its attachment', async () => {
    const r = await heroku('addons', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    // heroku v11 prints its own table form: service (name), plan, prices, state, then the aliases
    assert.match(r.stdout, /heroku-redis \(important-redis\)\s+mini\s+~\$0\.004\/hour\s+\$3\/month\s+created/)
    assert.match(r.stdout, /└─ as REDIS/)
  })

  it('apps:info shows the app', async () => {
    const r = await heroku('apps:info', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== example-app/)
    assert.match(r.stdout, /Addons:\s+heroku-redis:mini/)
    assert.match(r.stdout, /Owner:\s+compat@example\.com/)
  })

  it('addons:info shows the plan, attachments and state', async () => {
    const r = await heroku('addons:info', 'important-redis', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /Plan:\s+heroku-redis:mini/)
    assert.match(r.stdout, /Attachments:\s+example-app::REDIS/)
    assert.match(r.stdout, /State:\s+created/)
  })

  it('addons:open --show-url prints the web_url, which leads to a signed login', async () => {
    const r = await heroku('addons:open', 'important-redis', '--show-url', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const addon = await api('GET', '/apps/example-app/addons/important-redis')
    assert.equal(r.stdout.trim(), addon.web_url)
    const opened = await fetch(addon.web_url, {redirect: 'manual'})
    assert.equal(opened.status, 303)
    assert.match(opened.headers.get('location') ?? '', /\/sso-login\?.*user_scoped_resource_token=/)
  })

  it('addons:attach --as adds an alias and its vars', async () => {
    const r = await heroku('addons:attach', 'important-redis', '--as', 'SESSION_STORE', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /SESSION_STORE/)
    const vars = await api('GET', '/apps/example-app/config-vars')
    assert.equal(vars.SESSION_STORE_URL, vars.REDIS_URL)
  })

  it('config shows the add-on vars and config:set adds a user var', async () => {
    const set = await heroku('config:set', 'FOO=bar', '-a', 'example-app')
    assert.equal(set.status, 0, set.stderr)
    const r = await heroku('config', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /FOO:\s+bar/)
    assert.match(r.stdout, /SESSION_STORE_URL:\s+redis:\/\//)
  })

  it('addons:detach removes the alias and exactly its vars', async () => {
    const r = await heroku('addons:detach', 'SESSION_STORE', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const vars = await api('GET', '/apps/example-app/config-vars')
    assert.equal(vars.SESSION_STORE_URL, undefined)
    assert.ok(vars.REDIS_URL)
    assert.equal(vars.FOO, 'bar')
  })

  it('addons:upgrade changes the plan', async () => {
    const r = await heroku('addons:upgrade', 'important-redis', 'heroku-redis:premium-0', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const addon = await api('GET', '/addons/important-redis')
    assert.equal(addon.plan.name, 'heroku-redis:premium-0')
  })

  it('addons:destroy --confirm deprovisions and removes the vars', async () => {
    const r = await heroku('addons:destroy', 'important-redis', '-a', 'example-app', '--confirm', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const vars = await api('GET', '/apps/example-app/config-vars')
    assert.deepEqual(vars, {FOO: 'bar'})
    const list = await heroku('addons', '-a', 'example-app')
    assert.equal(list.status, 0, list.stderr)
    assert.match(list.stdout, /No add-ons|no add-ons/i)
  })

  // what `addonkit run` printed, through the same endpoints it uses
  const printToLog = async (message: string) => {
    const res = await fetch(`${platform.url}/apps/example-app/log-lines`, {
      method: 'POST',
      headers: {authorization: `Bearer ${KEY}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'},
      body: JSON.stringify({process: 'run.1', lines: [{message}]}),
    })
    assert.equal(res.status, 204)
  }

  it('logs prints the history: the platform\'s own lines and a run\'s output', async () => {
    assert.equal((await api('POST', '/apps/example-app/dynos', {command: 'node worker.js'})).name, 'run.1')
    await printToLog('hello from run.1')
    const r = await heroku('logs', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /^\S+ app\[api\]: Set FOO config vars by compat@example\.com$/m)
    assert.match(r.stdout, /^\S+ app\[run\.1\]: hello from run\.1$/m)
    const lines = r.stdout.trimEnd().split('\n')
    assert.match(lines.at(-1)!, /app\[run\.1\]: hello from run\.1$/)
  })

  it('logs --tail shows a line written while it runs', async () => {
    const child = spawn(herokuBin, ['logs', '--tail', '-a', 'example-app', '-d', 'run'], {stdio: ['ignore', 'pipe', 'pipe'], env: herokuEnv()})
    let stdout = ''
    let stderr = ''
    let wake = () => {}
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      wake()
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
    const seen = async (text: string) => {
      while (!stdout.includes(text)) {
        const more = new Promise<boolean>((resolve) => (wake = () => resolve(true)))
        if (!(await Promise.race([more, closed.then(() => false)]))) throw new Error(`heroku logs --tail exited before showing ${text}:\n${stdout}\n${stderr}`)
      }
    }
    try {
      await seen('hello from run.1')
      await printToLog('written while tailing')
      await seen('written while tailing')
    } finally {
      child.kill('SIGINT')
    }
    assert.match(stdout, /^\S+ app\[run\.1\]: written while tailing$/m)
  })

  it('drains:add, drains and drains:remove', async () => {
    const url = 'https://127.0.0.1:9/compat-drain'
    const added = await heroku('drains:add', url, '-a', 'example-app')
    assert.equal(added.status, 0, added.stderr)
    assert.equal(added.stdout, `Successfully added drain ${url}\n`)
    const [drain] = await api('GET', '/apps/example-app/log-drains')
    const listed = await heroku('drains', '-a', 'example-app')
    assert.equal(listed.status, 0, listed.stderr)
    assert.match(listed.stdout, /^=== Drains$/m)
    assert.ok(listed.stdout.includes(`${url} (${drain.token})`), listed.stdout)
    const removed = await heroku('drains:remove', url, '-a', 'example-app')
    assert.equal(removed.status, 0, removed.stderr)
    assert.equal(removed.stdout, `Successfully removed drain ${url}\n`)
    assert.deepEqual(await api('GET', '/apps/example-app/log-drains'), [])
  })
})
