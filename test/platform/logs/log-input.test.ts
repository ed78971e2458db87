import assert from 'node:assert/strict'
import {gzipSync} from 'node:zlib'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {inputFrame} from '../../../src/wire/logplex.js'
import {client, OWNER, startTestPlatform, type TestPlatform} from '../helpers.js'
import {startLogProvider, type LogProvider} from './log-provider.js'

// Logplex's HTTP input as an add-on uses it: its log_input_url (Basic `token:t.<uuid>`), frames of
// application/logplex-1, answers 204 / 400 / 401, and a whole body is kept or none of it.
describe('POST /logs (log input)', () => {
  let provider: LogProvider
  let p: TestPlatform
  let addon: {id: string; name: string}
  let inputUrl: URL
  const api = () => client(p.url, OWNER.apiKey)
  const post = (body: string | Buffer, headers: Record<string, string> = {}, url = inputUrl) => got.post(new URL('/logs', url), {
    body, throwHttpErrors: false, retry: {limit: 0},
    headers: {'Content-Type': 'application/logplex-1', authorization: `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`, ...headers},
  })
  const history = async (app = 'logs-app') => {
    const session = await api().post<any>(`apps/${app}/log-sessions`, {json: {lines: 1500}})
    assert.equal(session.statusCode, 201, JSON.stringify(session.body))
    const res = await got(session.body.logplex_url, {headers: {Accept: 'text/event-stream'}})
    return res.body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
  }
  const frame = (message: string, proc = 'worker.1') => inputFrame({time: '2026-12-02T10:00:00.123456+00:00', host: 'loggy', app: 'app', process: proc, message})

  before(async () => {
    provider = await startLogProvider()
    p = await startTestPlatform([provider.manifest], {accounts: [OWNER]})
    assert.equal((await api().post('apps', {json: {name: 'logs-app'}})).statusCode, 201)
    const res = await api().post<any>('apps/logs-app/addons', {json: {plan: 'loggy:basic', name: 'important-loggy'}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    addon = res.body
    const sent = provider.provisions.at(-1)!.log_input_url
    assert.match(sent ?? '', /^http:\/\/token:t\.[0-9a-f-]{36}@127\.0\.0\.1:\d+\/logs$/)
    inputUrl = new URL(sent!)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
  })

  test('the attachment carries the same log_input_url the provider got', async () => {
    const attachments = (await api().get<any[]>('apps/logs-app/addon-attachments')).body
    assert.equal(attachments[0].log_input_url, inputUrl.toString())
  })

  test('accepted frames show under the add-on\'s name, with the platform\'s own lines', async () => {
    const body = frame('sample#used_memory=1.2MB') + frame('héllo wörld ✓', 'web.2')
    const res = await post(body, {'Logplex-Msg-Count': '2'})
    assert.equal(res.statusCode, 204)
    const lines = await history()
    assert.ok(lines.includes('2026-12-02T10:00:00.123456+00:00 important-loggy[worker.1]: sample#used_memory=1.2MB'), lines.join('\n'))
    assert.ok(lines.includes('2026-12-02T10:00:00.123456+00:00 important-loggy[web.2]: héllo wörld ✓'), lines.join('\n'))
    assert.ok(lines.some((l) => /app\[api\]: Attach LOGGY \(important-loggy\) by owner@example\.com$/.test(l)), lines.join('\n'))
    assert.ok(lines.some((l) => /app\[api\]: Release v1 created by owner@example\.com$/.test(l)), lines.join('\n'))
    assert.ok(lines.some((l) => /app\[api\]: Provision important-loggy \(loggy:basic\) by owner@example\.com: Loggy is ready$/.test(l)), lines.join('\n'))
  })

  test('gzip bodies are accepted', async () => {
    const res = await post(gzipSync(frame('zipped line')), {'Content-Encoding': 'gzip'})
    assert.equal(res.statusCode, 204)
    assert.ok((await history()).some((l) => l.endsWith('important-loggy[worker.1]: zipped line')))
  })

  test('a count mismatch or a bad frame rejects the whole body and stores nothing', async () => {
    const before = await history()
    const mismatch = await post(frame('counted wrong'), {'Logplex-Msg-Count': '2'})
    assert.equal(mismatch.statusCode, 400)
    assert.equal(mismatch.body, 'Message count mismatch')
    const malformed = await post(frame('good line') + '12 not a frame')
    assert.equal(malformed.statusCode, 400)
    assert.equal(malformed.body, 'Malformed log messages')
    assert.deepEqual(await history(), before)
  })

  test('wrong credentials get 401 with a Basic challenge', async () => {
    const wrong = new URL(inputUrl)
    wrong.password = 't.00000000-0000-4000-8000-000000000000'
    const res = await post(frame('x'), {}, wrong)
    assert.equal(res.statusCode, 401)
    assert.match(String(res.headers['www-authenticate']), /^Basic realm=/)
  })

  test('a destroyed add-on\'s token stops working at once', async () => {
    const other = await api().post<any>('apps/logs-app/addons', {json: {plan: 'loggy:basic', name: 'short-lived-loggy'}})
    assert.equal(other.statusCode, 201)
    const url = new URL(provider.provisions.at(-1)!.log_input_url!)
    assert.equal((await post(frame('still here'), {}, url)).statusCode, 204)
    assert.equal((await api().delete(`apps/logs-app/addons/short-lived-loggy`)).statusCode, 200)
    assert.equal((await post(frame('gone'), {}, url)).statusCode, 401)
    assert.ok(!(await history()).some((l) => l.endsWith(': gone')))
  })

  // a token that was used is remembered by the instance (where it writes); its attachment is not
  test('a detached attachment\'s token is refused at once, though it was used just before', async () => {
    assert.equal((await api().post('apps', {json: {name: 'other-logs-app'}})).statusCode, 201)
    const attached = await api().post<any>('addon-attachments', {json: {addon: addon.id, app: 'other-logs-app', name: 'SHARED_LOGGY'}})
    assert.equal(attached.statusCode, 201, JSON.stringify(attached.body))
    const url = new URL(attached.body.log_input_url)
    assert.notEqual(url.password, inputUrl.password)
    assert.equal((await post(frame('through the second attachment'), {}, url)).statusCode, 204)
    assert.ok((await history('other-logs-app')).some((l) => l.endsWith('important-loggy[worker.1]: through the second attachment')))
    assert.equal((await api().delete(`addon-attachments/${attached.body.id}`)).statusCode, 200)
    const refused = await post(frame('after the detach'), {}, url)
    assert.equal(refused.statusCode, 401)
    assert.equal(refused.headers['www-authenticate'], 'Basic realm="Logplex"')
    assert.ok(!(await history('other-logs-app')).some((l) => l.endsWith(': after the detach')))
    // and stays refused
    assert.equal((await post(frame('later still'), {}, url)).statusCode, 401)
    // the add-on's own attachment writes on
    assert.equal((await post(frame('owner attachment still writes'))).statusCode, 204)
  })

  test('a destroyed app\'s tokens are refused at once, though they were used just before', async () => {
    assert.equal((await api().post('apps', {json: {name: 'doomed-logs-app'}})).statusCode, 201)
    assert.equal((await api().post('apps/doomed-logs-app/addons', {json: {plan: 'loggy:basic', name: 'doomed-loggy'}})).statusCode, 201)
    const url = new URL(provider.provisions.at(-1)!.log_input_url!)
    assert.equal((await post(frame('before the end'), {}, url)).statusCode, 204)
    assert.equal((await api().delete('apps/doomed-logs-app')).statusCode, 200)
    const refused = await post(frame('after the end'), {}, url)
    assert.equal(refused.statusCode, 401)
    assert.equal(refused.headers['www-authenticate'], 'Basic realm="Logplex"')
  })

  test('POSTs sent together are written or refused each on its own token', async () => {
    assert.equal((await api().post('apps/logs-app/addons', {json: {plan: 'loggy:basic', name: 'leaving-loggy'}})).statusCode, 201)
    const leaving = new URL(provider.provisions.at(-1)!.log_input_url!)
    assert.equal((await post(frame('leaving soon'), {}, leaving)).statusCode, 204)
    assert.equal((await api().delete('apps/logs-app/addons/leaving-loggy')).statusCode, 200)
    const answers = await Promise.all(Array.from({length: 12}, (_, i) => i % 2 === 0
      ? post(frame(`together ${i}`))
      : post(frame(`refused ${i}`), {}, leaving)))
    assert.deepEqual(answers.map((res) => res.statusCode), Array.from({length: 12}, (_, i) => (i % 2 === 0 ? 204 : 401)))
    const lines = await history()
    for (let i = 0; i < 12; i += 2) assert.ok(lines.some((l) => l.endsWith(`important-loggy[worker.1]: together ${i}`)), `together ${i}`)
    assert.ok(!lines.some((l) => /: refused \d+$/.test(l)))
  })

  test('a renamed add-on\'s lines show under its new name, its token too', async () => {
    assert.equal((await post(frame('named before'))).statusCode, 204)
    assert.equal((await api().patch(`apps/logs-app/addons/important-loggy`, {json: {name: 'renamed-loggy'}})).statusCode, 200)
    assert.equal((await post(frame(`my token is ${inputUrl.password}`))).statusCode, 204)
    const lines = await history()
    assert.ok(lines.some((l) => l.endsWith('important-loggy[worker.1]: named before')), lines.join('\n'))
    assert.ok(lines.some((l) => l.endsWith('renamed-loggy[worker.1]: my token is renamed-loggy')), lines.join('\n'))
  })
})
