// The real `heroku` CLI (npm heroku@11) driven against the local platform with HEROKU_HOST.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'node:test'
import {herokuBin, herokuCompat, skipWithoutHeroku} from './harness.js'

describe('the real heroku CLI against the local platform', {skip: skipWithoutHeroku}, () => {
  const compat = herokuCompat({seedProvider: true})
  const {heroku, api} = compat

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

  it('addons:open --show-url prints the web_url: the dashboard asks who is opening it, then leads to a signed login', async () => {
    const r = await heroku('addons:open', 'important-redis', '--show-url', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const addon = await api('GET', '/apps/example-app/addons/important-redis')
    assert.equal(r.stdout.trim(), addon.web_url)
    const page = new URL(addon.web_url).pathname
    const anonymous = await fetch(addon.web_url, {redirect: 'manual'})
    assert.equal(anonymous.status, 303)
    assert.equal(anonymous.headers.get('location'), `/dashboard/login?next=${encodeURIComponent(page)}`)
    // a browser signed in (here with `addonkit dashboard`'s one-time link) goes on to the add-on's sign-on
    const link = await api('POST', '/account/dashboard-links', {path: page})
    const signIn = await fetch(link.url, {redirect: 'manual'})
    assert.equal(signIn.headers.get('location'), page)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    const opened = await fetch(addon.web_url, {redirect: 'manual', headers: {cookie}})
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
    const res = await compat.request('POST', '/apps/example-app/log-lines', {process: 'run.1', lines: [{message}]})
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
    const child = spawn(herokuBin, ['logs', '--tail', '-a', 'example-app', '-d', 'run'], {stdio: ['ignore', 'pipe', 'pipe'], env: compat.env()})
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
