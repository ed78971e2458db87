// The real `heroku` CLI (npm heroku@11) reading metered plans and usage from the platform, with
// HEROKU_HOST: it asks for both under Accept: application/vnd.heroku+json; version=3.sdk.
// .ci/run installs it and sets ADDONKIT_TEST_HEROKU_BIN; locally: npm i --prefix .cache/heroku heroku@11
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {OWNER} from '../platform/helpers.js'
import {startBillingPlatform, type BillingPlatform} from '../platform/billing/fixture-month.js'

const herokuBin = process.env.ADDONKIT_TEST_HEROKU_BIN ?? ''

describe('the real heroku CLI reads metered plans and usage from the local platform', {skip: herokuBin ? false : 'ADDONKIT_TEST_HEROKU_BIN is not set: heroku CLI billing run skipped'}, () => {
  let b: BillingPlatform
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
          HEROKU_HOST: b.p.url,
          HEROKU_API_KEY: OWNER.apiKey,
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
  const rows = (text: string) => text.split('\n').map((line) => line.trim().split(/\s{2,}|\s*│\s*/).filter(Boolean))

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'addonkit-heroku-billing-'))
    b = await startBillingPlatform('2024-05-10T08:00:00Z')
    await b.p.api.post('apps', {json: {name: 'metered-app'}})
    await b.p.api.post('apps', {json: {name: 'quiet-app'}})
    const counter = await b.create('metered-app', 'metered', 'counter')
    await b.create('metered-app', 'mini', 'plain-cache')
    const reported = await counter.partner.post(`addons/${counter.id}/usage`, {json: {id: 'may-1', meters: {requests: 123_456, storage: 2.5}}})
    assert.equal(reported.statusCode, 201)
  })
  after(async () => {
    await b?.close()
    rmSync(home, {recursive: true, force: true})
  })

  it('usage:addons -a APP prints each meter of the app\'s metered add-ons, by add-on name', async () => {
    const r = await heroku('usage:addons', '-a', 'metered-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== Usage for (⬢ )?metered-app\n/)
    const table = rows(r.stdout)
    assert.ok(table.some((row) => row.join(' ') === 'Add-on Meter Quantity'), r.stdout)
    assert.ok(table.some((row) => row.join(' ') === 'counter requests 123456'), r.stdout)
    assert.ok(table.some((row) => row.join(' ') === 'counter storage 2.5'), r.stdout)
  })

  it('usage:addons of an app without usage says so', async () => {
    const r = await heroku('usage:addons', '-a', 'quiet-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /No usage found for app (⬢ )?quiet-app\n/)
  })

  it('addons:plans prints metered in the Price column and the pricing link as Max Price', async () => {
    const r = await heroku('addons:plans', 'heroku-redis')
    assert.equal(r.status, 0, r.stderr)
    const metered = rows(r.stdout).find((row) => row.includes('heroku-redis:metered'))
    assert.deepEqual(metered, ['heroku-redis:metered', 'metered', 'metered', 'https://elements.heroku.com/addons/heroku-redis#pricing'], r.stdout)
    const mini = rows(r.stdout).find((row) => row.includes('heroku-redis:mini'))
    assert.deepEqual(mini?.slice(-2), ['~$0.004/hour', '$3/month'], r.stdout)
  })

  it('addons -a APP prints metered for the metered add-on', async () => {
    const r = await heroku('addons', '-a', 'metered-app')
    assert.equal(r.status, 0, r.stderr)
    const counter = rows(r.stdout).find((row) => row.some((cell) => cell.includes('counter')))
    assert.ok(counter?.includes('metered'), r.stdout)
  })
})
