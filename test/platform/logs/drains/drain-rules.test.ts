import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {frameId, MAX_LINES, nextBatch, TARGET_BYTES} from '../../../../src/platform/logs/drains/delivery-batch.js'
import {insertDrain} from '../../../../src/platform/logs/drains/drain-rows.js'
import {drainTarget, drainUrlProblem} from '../../../../src/platform/logs/drains/drain-url.js'
import {LogDrainsService} from '../../../../src/platform/logs/drains/drains-service.js'
import {LogFeed} from '../../../../src/platform/logs/log-feed.js'
import {LogStream} from '../../../../src/platform/logs/log-stream.js'
import type {Store} from '../../../../src/platform/store/database.js'
import {defaultPage} from '../../../../src/platform/store/paging.js'
import type {LogDrainRow} from '../../../../src/platform/store/schema.js'
import {httpsDrainFrame, logTime, parseDrainBody, syslogDrainFrame, type LogLine} from '../../../../src/wire/logplex.js'
import {AT, openStoreWithApps, OTHER_ROW, OWNER_ROW} from '../../store-rows.js'

describe('drain URLs', () => {
  test('taken: http, https, syslog and syslog+tls URLs with a host (and a port for syslog)', () => {
    for (const url of ['https://logs.example.com/drain', 'http://u:p@127.0.0.1:8080/x?y=1', 'syslog://logs.example.com:514', 'syslog+tls://[::1]:6514']) {
      assert.equal(drainUrlProblem(url), undefined, url)
    }
  })

  test('refused, naming the URL and the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['ftp://logs.example.com', /^Url ftp:\/\/logs\.example\.com cannot be a log drain: use an https:\/\/, http:\/\/, syslog:\/\/ or syslog\+tls:\/\/ URL\.$/],
      ['HTTPS://logs.example.com', /use an https:\/\//],
      ['https://', /use an https:\/\//],
      ['https://logs.example.com/with space', /use an https:\/\//],
      ['syslog+tls://logs.example.com', /a syslog drain needs a port \(syslog:\/\/HOST:PORT\)\.$/],
      ['https://:80/x', /it is not a valid URL\.$/],
    ]
    for (const [url, reason] of cases) assert.match(drainUrlProblem(url) ?? 'taken', reason, url)
  })

  test('userinfo becomes Basic auth and leaves the URL; syslog URLs become host, port and TLS', () => {
    assert.deepEqual(drainTarget('https://user:p%40ss@logs.example.com/in?x=1#frag'), {
      kind: 'http', url: 'https://logs.example.com/in?x=1#frag', authorization: `Basic ${Buffer.from('user:p@ss').toString('base64')}`,
    })
    assert.deepEqual(drainTarget('http://logs.example.com/in'), {kind: 'http', url: 'http://logs.example.com/in'})
    assert.deepEqual(drainTarget('syslog://logs.example.com:514'), {kind: 'syslog', host: 'logs.example.com', port: 514, tls: false})
    assert.deepEqual(drainTarget('syslog+tls://[::1]:6514'), {kind: 'syslog', host: '::1', port: 6514, tls: true})
  })
})

test('Logplex-Frame-Id: 32 upper-case hex digits, one per drain and line range', () => {
  assert.match(frameId('drain-1', 0, 10), /^[0-9A-F]{32}$/)
  assert.equal(frameId('drain-1', 0, 10), frameId('drain-1', 0, 10))
  assert.notEqual(frameId('drain-1', 0, 10), frameId('drain-1', 0, 11))
  assert.notEqual(frameId('drain-1', 0, 10), frameId('drain-2', 0, 10))
})

describe('drains on a store', () => {
  let store: Store
  let stream: LogStream
  let service: LogDrainsService
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-drains-'))
  const at = AT
  const owner = OWNER_ROW
  const other = OTHER_ROW
  const line = (message: string, time = '2026-12-02T10:00:00.000000+00:00'): LogLine => ({time, source: 'app', process: 'web.1', message})
  const drainRow = (changes: Partial<LogDrainRow>): LogDrainRow => ({
    id: 'drain-x', app_id: 'app-batch', addon_id: null, url: 'https://x.example.com/', token: 'd.x', delivered_seq: 0, delivered_at: null,
    batch_end_seq: null, batch_attempts: 0, created_at: at, updated_at: at, ...changes,
  })
  const https = (l: LogLine) => httpsDrainFrame(l)

  before(async () => {
    store = await openStoreWithApps(dir, [['app-1', 'first-app', 'acct-1'], ['app-batch', 'batch-app', 'acct-1'], ['app-3', 'their-app', 'acct-2']])
    stream = new LogStream(store, new LogFeed(store))
    service = new LogDrainsService({store, logs: stream})
  })
  after(async () => {
    await store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('a new drain starts after the app\'s last line', async () => {
    await stream.append('app-1', [line('before 1'), line('before 2')])
    const drain = await service.create(owner, 'first-app', 'https://new.example.com/')
    assert.equal(drain.delivered_seq, 2)
    assert.equal(await nextBatch(stream, drain, https), undefined)
    await stream.append('app-1', [line('after')])
    const batch = (await nextBatch(stream, drain, https))!
    assert.deepEqual(parseDrainBody(Buffer.from(batch.body)).map((m) => m.message), ['after'])
    assert.deepEqual({fromSeq: batch.fromSeq, endSeq: batch.endSeq, count: batch.count, dropped: batch.dropped, retry: batch.retry}, {fromSeq: 2, endSeq: 3, count: 1, dropped: 0, retry: false})
  })

  test('create, find and remove by id, URL or token; duplicates, bad URLs and other owners refused', async () => {
    const drain = await service.create(owner, 'first-app', 'syslog://logs.example.com:514')
    await assert.rejects(service.create(owner, 'first-app', 'syslog://logs.example.com:514'), {status: 422, message: 'Url has already been taken'})
    await assert.rejects(service.create(owner, 'first-app', 'smtp://logs.example.com'), {status: 422})
    await assert.rejects(service.create(other, 'first-app', 'https://sneaky.example.com/'), {status: 403})
    for (const ref of [drain.id, drain.url, drain.token]) assert.equal((await service.info(owner, 'first-app', ref)).id, drain.id)
    await assert.rejects(service.info(owner, 'first-app', 'd.nope'), {status: 404})
    assert.equal((await service.destroy(owner, 'first-app', drain.token)).id, drain.id)
    await assert.rejects(service.destroy(owner, 'first-app', drain.url), {status: 404, message: "Couldn't find that log drain."})
    const {items} = await service.list(owner, 'first-app', defaultPage())
    assert.deepEqual(items.map((d) => d.url), ['https://new.example.com/'])
  })

  test('an add-on\'s drain cannot be removed through the app', async () => {
    const row = await store.transaction((tx) => insertDrain(tx, stream, {appId: 'app-1', addonId: 'addon-gone', url: 'https://addon.example.com/', token: 'd.addon'}))
    assert.equal(row!.token, 'd.addon')
    await assert.rejects(service.destroy(owner, 'first-app', 'd.addon'), {
      status: 422, message: 'The log drain d.addon belongs to the add-on addon-gone: it can only be removed by destroying the add-on.',
    })
    assert.equal(await store.transaction((tx) => insertDrain(tx, stream, {appId: 'app-1', addonId: null, url: 'https://addon.example.com/'})), undefined)
  })

  test('a batch stops at 1,000 lines, or before passing 100 KiB', async () => {
    await stream.append('app-batch', Array.from({length: 1200}, (_, i) => line(`short ${i + 1}`)))
    const byCount = (await nextBatch(stream, drainRow({}), https))!
    assert.equal(byCount.count, MAX_LINES)
    assert.equal(byCount.endSeq, 1000)
    const long = 'x'.repeat(9000)
    await stream.append('app-batch', Array.from({length: 20}, () => line(long)))
    const byBytes = (await nextBatch(stream, drainRow({delivered_seq: 1200}), https))!
    assert.equal(byBytes.count, 11)
    assert.ok(Buffer.byteLength(byBytes.body) <= TARGET_BYTES)
    assert.ok(Buffer.byteLength(byBytes.body) + Buffer.byteLength(https(line(long))) > TARGET_BYTES)
    const syslog = (await nextBatch(stream, drainRow({delivered_seq: 1199}), (l) => syslogDrainFrame(l, 'd.x')))!
    assert.equal(parseDrainBody(Buffer.from(syslog.body), 'syslog')[0].host, 'd.x')
  })

  test('lines pushed out before the drain got them lead its next batch as one L10 line', async () => {
    // app-batch keeps lines 1221..2720 once 1,500 more are written
    await stream.append('app-batch', Array.from({length: 1500}, (_, i) => line(`later ${i + 1}`, '2026-12-02T11:00:00.000000+00:00')))
    assert.equal(await stream.firstSeq('app-batch'), 1221)
    const behind = drainRow({delivered_seq: 1000, delivered_at: '2026-12-02T09:30:00.000Z'})
    const batch = (await nextBatch(stream, behind, https))!
    const messages = parseDrainBody(Buffer.from(batch.body))
    assert.deepEqual(messages[0], {pri: 190, time: '2026-12-02T11:00:00.000000+00:00', host: 'host', source: 'heroku', process: 'logplex', message: `Error L10 (output buffer overflow): 220 messages dropped since ${logTime(new Date('2026-12-02T09:30:00.000Z'))}.`})
    assert.equal(batch.dropped, 220)
    assert.equal(messages[1].message, 'later 1')
    assert.equal(batch.count, messages.length)
    // never delivered before: "since" the drain's creation
    const never = (await nextBatch(stream, drainRow({delivered_seq: 1000}), https))!
    assert.match(parseDrainBody(Buffer.from(never.body))[0].message, new RegExp(`since ${logTime(new Date(at)).replace(/[.+]/g, '\\$&')}\\.$`))
  })

  test('a retried batch keeps its lines and frame id; one whose lines are all gone becomes a new batch', async () => {
    const first = (await nextBatch(stream, drainRow({delivered_seq: 2700}), https))!
    assert.equal(first.endSeq, 2720)
    const retried = (await nextBatch(stream, drainRow({delivered_seq: 2700, batch_end_seq: 2710, batch_attempts: 1}), https))!
    assert.deepEqual({endSeq: retried.endSeq, count: retried.count, retry: retried.retry}, {endSeq: 2710, count: 10, retry: true})
    assert.equal(retried.frameId, frameId('drain-x', 2700, 2710))
    const again = (await nextBatch(stream, drainRow({delivered_seq: 2700, batch_end_seq: 2710, batch_attempts: 2}), https))!
    assert.equal(again.frameId, retried.frameId)
    assert.equal(again.body, retried.body)
    const gone = (await nextBatch(stream, drainRow({delivered_seq: 100, batch_end_seq: 200, batch_attempts: 2}), https))!
    assert.equal(gone.retry, false)
    assert.equal(gone.dropped, 1120)
    assert.equal(gone.endSeq, 1221 + MAX_LINES - 1)
  })
})
