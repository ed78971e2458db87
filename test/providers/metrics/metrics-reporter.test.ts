import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {MetricsReporter, type MetricsData} from '../../../src/providers/builtin/metrics/metrics-reporter.js'
import {metricsPartnerAccess} from '../../../src/providers/builtin/metrics/service-metrics.js'
import {attachmentLogUrls} from '../../../src/providers/builtin/metrics/attachment-log-urls.js'
import type {ProviderResource} from '../../../src/providers/kit/resource-store.js'
import {CLIENT_SECRET, startFakePlatform, type FakePlatform} from './fake-platform.js'

const dir = mkdtempSync(join(tmpdir(), 'addonkit-metrics-'))
let platform: FakePlatform
before(async () => {
  platform = await startFakePlatform()
})
after(async () => {
  await platform.close()
  rmSync(dir, {recursive: true, force: true})
})

function resource(id: string, data: MetricsData): ProviderResource<MetricsData> {
  return {id, name: `${id}-name`, plan: 'mini', config: {}, data, created_at: '', updated_at: ''}
}

// A reporter over `resources`, whose sample is `value` (or throws it when it is an Error).
function reporter(resources: ProviderResource<MetricsData>[], file: string, sample: () => string = () => 'source=TEST sample#n=1') {
  const warnings: string[] = []
  const partner = metricsPartnerAccess(join(dir, file), CLIENT_SECRET)
  const metrics = new MetricsReporter({
    service: 'test', intervalMs: 100, partner, warn: (m) => warnings.push(m),
    resources: async () => resources,
    sample: async () => sample(),
  })
  // what a provision does with its grant
  const exchange = (id: string) => partner.begin(id, callbackUrl(id)).exchange(platform.grant(id))
  return {metrics, exchange, warnings}
}

const callbackUrl = (id: string) => `${platform.url}/addons/${id}`

describe('MetricsReporter', () => {
  test('a line to every app the platform lists for the add-on; the owning app alone without a partner token', async () => {
    const withToken = resource('addon-1', {logInputUrl: platform.logUrl('owner-1')})
    const without = resource('addon-2', {logInputUrl: platform.logUrl('owner-2')})
    const {metrics, exchange, warnings} = reporter([withToken, without], 'tokens-1.json')
    await exchange('addon-1')
    platform.attach('addon-1', ['owner-1', 'reader-1'])
    await metrics.tick()
    assert.deepEqual(platform.lines('owner-1'), ['source=TEST sample#n=1'])
    assert.deepEqual(platform.lines('reader-1'), ['source=TEST sample#n=1'])
    assert.deepEqual(platform.lines('owner-2'), ['source=TEST sample#n=1'])
    // detached from reader-1: it gets no more lines
    platform.attach('addon-1', ['owner-1'])
    await metrics.tick()
    assert.equal(platform.lines('owner-1').length, 2)
    assert.equal(platform.lines('reader-1').length, 1)
    assert.deepEqual(warnings, [])
    await metrics.stop()
  })

  test('the platform away: one warning however many rounds, one more after it came back and went again', async () => {
    const r = resource('addon-3', {logInputUrl: platform.logUrl('owner-3')})
    const {metrics, exchange, warnings} = reporter([r, resource('addon-4', {logInputUrl: platform.logUrl('owner-4')})], 'tokens-3.json')
    await exchange('addon-3')
    platform.attach('addon-3', ['owner-3'])
    platform.down = true
    try {
      for (let i = 0; i < 3; i++) await metrics.tick()
    } finally {
      platform.down = false
    }
    assert.equal(warnings.length, 1, warnings.join('\n'))
    assert.match(warnings[0], /^test metrics lines could not reach the platform \(.+\); they are skipped, without further warnings, until it answers again$/)
    assert.ok(!warnings[0].includes('t.'), 'no log token in the warning')
    await metrics.tick()
    assert.equal(platform.lines('owner-3').length, 1)
    assert.equal(platform.lines('owner-4').length, 1)
    platform.down = true
    try {
      await metrics.tick()
      await metrics.tick()
    } finally {
      platform.down = false
    }
    assert.equal(warnings.length, 2, warnings.join('\n'))
    await metrics.stop()
  })

  test('a server that cannot be read: one warning, no line, lines again once it answers', async () => {
    let broken = true
    const r = resource('addon-5', {logInputUrl: platform.logUrl('owner-5')})
    const {metrics, warnings} = reporter([r], 'tokens-5.json', () => {
      if (broken) throw new Error('connect ECONNREFUSED 127.0.0.1:1')
      return 'source=TEST sample#n=5'
    })
    await metrics.tick()
    await metrics.tick()
    assert.deepEqual(warnings, ['test metrics for addon-5-name could not be read (connect ECONNREFUSED 127.0.0.1:1); trying again each interval'])
    assert.deepEqual(platform.lines('owner-5'), [])
    broken = false
    await metrics.tick()
    assert.deepEqual(platform.lines('owner-5'), ['source=TEST sample#n=5'])
    await metrics.stop()
  })

  test('started, it writes every interval; forget() and stop() end the lines', async () => {
    const one = resource('addon-6', {logInputUrl: platform.logUrl('owner-6')})
    const two = resource('addon-7', {logInputUrl: platform.logUrl('owner-7')})
    const {metrics} = reporter([one, two], 'tokens-6.json')
    metrics.start()
    for (let i = 0; i < 100 && platform.lines('owner-6').length < 2; i++) await new Promise((r) => setTimeout(r, 50))
    assert.ok(platform.lines('owner-6').length >= 2)
    await metrics.forget('addon-6')
    // let any round under way finish, then nothing more reaches the forgotten one
    await metrics.tick()
    const forgotten = platform.lines('owner-6').length
    const kept = platform.lines('owner-7').length
    for (let i = 0; i < 100 && platform.lines('owner-7').length < kept + 2; i++) await new Promise((r) => setTimeout(r, 50))
    assert.equal(platform.lines('owner-6').length, forgotten)
    await metrics.stop()
    const stopped = platform.lines('owner-7').length
    await new Promise((r) => setTimeout(r, 300))
    assert.equal(platform.lines('owner-7').length, stopped)
  })

  test('interval 0: start() does nothing', async () => {
    const partner = metricsPartnerAccess(join(dir, 'tokens-0.json'), CLIENT_SECRET)
    let sampled = 0
    const metrics = new MetricsReporter({
      service: 'test', intervalMs: 0, partner, warn: () => {},
      resources: async () => [resource('addon-0', {logInputUrl: platform.logUrl('owner-0')})],
      sample: async () => {
        sampled++
        return 'x'
      },
    })
    metrics.start()
    await new Promise((r) => setTimeout(r, 200))
    assert.equal(sampled, 0)
    await metrics.stop()
  })
})

describe('metricsPartnerAccess', () => {
  test('the grant is spent once; the token is kept in a 0600 file, refreshed near its end, and outlives a restart', async () => {
    const short = await startFakePlatform({expiresIn: 60})
    try {
      const file = join(dir, 'tokens-refresh.json')
      let now = 1_000_000
      const partner = metricsPartnerAccess(file, CLIENT_SECRET, () => now)
      await partner.begin('addon-8', `${short.url}/addons/addon-8`).exchange(short.grant('addon-8'))
      assert.equal(statSync(file).mode & 0o777, 0o600)
      short.attach('addon-8', ['owner-8', 'reader-8'])
      // a minute-long token is within the refresh margin at once
      assert.deepEqual(await attachmentLogUrls((await partner.client('addon-8'))!), [short.logUrl('owner-8'), short.logUrl('reader-8')])
      assert.deepEqual(short.tokenCalls, ['authorization_code addon-8', 'refresh_token addon-8'])
      // another process (a restart) reads the refreshed pair and refreshes with it
      now += 1000
      const restarted = metricsPartnerAccess(file, CLIENT_SECRET, () => now)
      assert.deepEqual(await attachmentLogUrls((await restarted.client('addon-8'))!), [short.logUrl('owner-8'), short.logUrl('reader-8')])
      assert.deepEqual(short.tokenCalls, ['authorization_code addon-8', 'refresh_token addon-8', 'refresh_token addon-8'])
      await partner.forget('addon-8')
      assert.equal(await metricsPartnerAccess(file, CLIENT_SECRET).client('addon-8'), undefined)
    } finally {
      await short.close()
    }
  })

  test('a wrong secret is refused by the platform and nothing is kept', async () => {
    const partner = metricsPartnerAccess(join(dir, 'tokens-wrong.json'), 'not-the-secret')
    await assert.rejects(partner.begin('addon-9', callbackUrl('addon-9')).exchange(platform.grant('addon-9')), /401/)
    assert.equal(await partner.client('addon-9'), undefined)
    assert.equal(await metricsPartnerAccess(join(dir, 'tokens-wrong.json'), CLIENT_SECRET).client('addon-9'), undefined)
  })
})
