import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {client, eventually, OWNER, startTestPlatform, type TestPlatform} from '../../helpers.js'
import {LOG_PROVIDER_PASSWORD, startLogProvider, type LogProvider} from '../log-provider.js'
import {HttpDrainReceiver} from './drain-receiver.js'
import {startProcess, writeLines} from './lines.js'

interface Drain {
  id: string
  url: string
  token: string
  addon: {id: string; name: string; app: {id: string; name: string}} | null
  app: {id: string; name: string} | null
}

// Drains an add-on brings: the provider answers its provision (which carried log_drain_token)
// with log_drain_url; the drain goes only with the add-on, and only the provider moves it.
describe('add-on log drains', () => {
  let provider: LogProvider
  let p: TestPlatform
  let receiver: HttpDrainReceiver
  let moved: HttpDrainReceiver
  let appId: string
  let addon: {id: string; name: string}
  let partner: ReturnType<typeof client>

  before(async () => {
    provider = await startLogProvider()
    receiver = await HttpDrainReceiver.start()
    moved = await HttpDrainReceiver.start()
    p = await startTestPlatform([provider.manifest])
    appId = (await p.api.post<{id: string}>('apps', {json: {name: 'addon-drained'}})).body.id
    provider.drainUrl = `${receiver.url}/drain`
    const created = await p.api.post<any>('apps/addon-drained/addons', {json: {plan: 'loggy:basic', name: 'reading-loggy'}})
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
    addon = created.body
    const grant = provider.provisions.at(-1)!.oauth_grant.code
    const token = await p.anonymous.post<any>('oauth/tokens', {json: {grant: {type: 'authorization_code', code: grant}, client: {secret: LOG_PROVIDER_PASSWORD}}})
    assert.equal(token.statusCode, 201, JSON.stringify(token.body))
    partner = client(p.url, token.body.access_token.token)
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    await receiver?.close()
    await moved?.close()
  })

  const appMessages = (r: HttpDrainReceiver) => r.delivered().filter((m) => m.source === 'app').map((m) => m.message)

  test('the provision answer\'s log_drain_url becomes the add-on\'s drain, with the token the provider was sent', async () => {
    const sent = provider.provisions.at(-1)!.log_drain_token
    assert.match(sent ?? '', /^d\.[0-9a-f-]{36}$/)
    const drains = (await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body
    assert.equal(drains.length, 1)
    assert.equal(drains[0].url, `${receiver.url}/drain`)
    assert.equal(drains[0].token, sent)
    assert.deepEqual(drains[0].addon, {id: addon.id, name: 'reading-loggy', app: {id: appId, name: 'addon-drained'}})
    assert.deepEqual(drains[0].app, {id: appId, name: 'addon-drained'})
  })

  test('the app\'s lines reach it, with that token in Logplex-Drain-Token', async () => {
    const process = await startProcess(p.api, 'addon-drained')
    await writeLines(p.api, 'addon-drained', process, ['for the add-on'])
    await eventually(() => appMessages(receiver).includes('for the add-on'), 'the add-on\'s drain got the line')
    const post = receiver.posts.find((x) => x.body.includes('for the add-on'))!
    assert.equal(post.headers['logplex-drain-token'], provider.provisions.at(-1)!.log_drain_token)
    assert.equal(post.path, '/drain')
  })

  test('the user cannot remove it: only destroying the add-on does', async () => {
    const [drain] = (await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body
    const refused = await p.api.delete<{id: string; message: string}>(`apps/addon-drained/log-drains/${drain.token}`)
    assert.equal(refused.statusCode, 422)
    assert.deepEqual(refused.body, {id: 'invalid_params', message: `The log drain ${drain.token} belongs to the add-on reading-loggy: it can only be removed by destroying the add-on.`})
    assert.equal((await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body.length, 1)
  })

  test('the provider lists its drains and moves one to another URL; the token stays and lines follow', async () => {
    const listed = await partner.get<Drain[]>(`addons/${addon.id}/log-drains`)
    assert.equal(listed.statusCode, 200, JSON.stringify(listed.body))
    assert.equal(listed.body.length, 1)
    const [drain] = listed.body
    // the owner may list them too, by the add-on's name
    assert.deepEqual((await p.api.get<Drain[]>('addons/reading-loggy/log-drains')).body, listed.body)
    const put = await partner.put<Drain>(`addons/${addon.id}/log-drains/${drain.token}`, {json: {url: `${moved.url}/new-home`}})
    assert.equal(put.statusCode, 200, JSON.stringify(put.body))
    assert.equal(put.body.url, `${moved.url}/new-home`)
    assert.equal(put.body.token, drain.token)
    assert.equal(put.body.id, drain.id)
    const process = await startProcess(p.api, 'addon-drained')
    await writeLines(p.api, 'addon-drained', process, ['after the move'])
    await eventually(() => appMessages(moved).includes('after the move'), 'the line went to the new URL')
    assert.ok(!appMessages(receiver).includes('after the move'))
    assert.equal(moved.posts.at(-1)!.headers['logplex-drain-token'], drain.token)
  })

  test('refusals: a bad URL, a user moving the drain, a drain of another add-on, another add-on\'s token', async () => {
    const [drain] = (await partner.get<Drain[]>(`addons/${addon.id}/log-drains`)).body
    const bad = await partner.put<{message: string}>(`addons/${addon.id}/log-drains/${drain.id}`, {json: {url: 'gopher://old.example.com'}})
    assert.equal(bad.statusCode, 422)
    assert.equal(bad.body.message, 'Url gopher://old.example.com cannot be a log drain: use an https://, http://, syslog:// or syslog+tls:// URL.')
    const byUser = await p.api.put<{message: string}>(`addons/${addon.id}/log-drains/${drain.id}`, {json: {url: 'https://user.example.com/'}})
    assert.equal(byUser.statusCode, 403)
    assert.equal(byUser.body.message, 'Only the add-on provider can change the URL of its log drain.')
    const user = await p.api.post<Drain>('apps/addon-drained/log-drains', {json: {url: 'https://user-drain.example.com/'}})
    assert.equal((await partner.put(`addons/${addon.id}/log-drains/${user.body.id}`, {json: {url: 'https://hijack.example.com/'}})).statusCode, 404)
    const taken = await partner.put<{message: string}>(`addons/${addon.id}/log-drains/${drain.id}`, {json: {url: 'https://user-drain.example.com/'}})
    assert.equal(taken.statusCode, 422)
    assert.equal(taken.body.message, 'Url has already been taken')
    const other = await p.api.post<any>('apps/addon-drained/addons', {json: {plan: 'loggy:basic', name: 'other-loggy'}})
    assert.equal(other.statusCode, 201)
    assert.equal((await partner.get(`addons/${other.body.id}/log-drains`)).statusCode, 403)
    assert.equal((await partner.get('apps/addon-drained/log-drains')).statusCode, 403)
  })

  test('destroying the add-on removes its drain; the user\'s own drains stay', async () => {
    assert.equal((await p.api.delete('apps/addon-drained/addons/reading-loggy')).statusCode, 200)
    const drains = (await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body
    assert.deepEqual(drains.map((d) => d.addon?.name ?? d.url).sort(), ['https://user-drain.example.com/', 'other-loggy'])
  })

  test('an unusable log_drain_url fails the provision: no add-on, a DELETE owed, the URL named', async () => {
    provider.drainUrl = 'ftp://drains.example.com/in'
    const failed = await p.api.post<{id: string; message: string}>('apps/addon-drained/addons', {json: {plan: 'loggy:basic', name: 'bad-drain-loggy'}})
    assert.equal(failed.statusCode, 503)
    assert.equal(failed.body.message, 'The add-on provider loggy answered with an unusable log_drain_url. Url ftp://drains.example.com/in cannot be a log drain: use an https://, http://, syslog:// or syslog+tls:// URL.')
    const uuid = provider.provisions.at(-1)!.uuid
    await eventually(() => provider.deletes.includes(uuid), 'the DELETE owed to the provider')
    const names = (await p.api.get<Array<{name: string}>>('apps/addon-drained/addons')).body.map((a) => a.name)
    assert.ok(!names.includes('bad-drain-loggy'), names.join(' '))
    const drains = (await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body
    assert.ok(!drains.some((d) => d.url.startsWith('ftp:')))
  })

  test('a provider that did not ask for syslog_drain gets no drain, whatever it answers', async () => {
    const quiet = await startLogProvider({id: 'quiet-loggy', requires: ['log_input']})
    try {
      await p.platform.services.catalog.register(quiet.manifest)
      quiet.drainUrl = 'not a url at all'
      const created = await p.api.post<any>('apps/addon-drained/addons', {json: {plan: 'quiet-loggy:basic'}})
      assert.equal(created.statusCode, 201, JSON.stringify(created.body))
      assert.equal(quiet.provisions[0].log_drain_token, undefined)
      const drains = (await p.api.get<Drain[]>('apps/addon-drained/log-drains')).body
      assert.ok(!drains.some((d) => d.addon?.id === created.body.id))
    } finally {
      await quiet.close()
    }
  })
})
