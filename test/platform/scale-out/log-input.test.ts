import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {inputFrame} from '../../../src/wire/logplex.js'
import {client, OWNER} from '../helpers.js'
import {startLogProvider, type LogProvider} from '../logs/log-provider.js'
import {type Instance, launchPair, stop} from './instances.js'

// Two platform instances, each its own process, on one PostgreSQL database: an instance remembers
// where the log input tokens it has seen write, but a token whose attachment went through the
// other instance is refused by both at once.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the two-instance tests need PostgreSQL'

describe('log input tokens across instances', {skip, timeout: 120_000}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-log-input-'))
  let provider: LogProvider
  let a: Instance
  let b: Instance

  // the add-on's credentials, sent to `instance`'s /logs
  const post = (instance: Instance, logInputUrl: string, message: string) => {
    const url = new URL(logInputUrl)
    return got.post(`${instance.url}/logs`, {
      body: inputFrame({host: 'loggy', app: 'app', process: 'worker.1', message}), throwHttpErrors: false, retry: {limit: 0},
      headers: {'Content-Type': 'application/logplex-1', authorization: `Basic ${Buffer.from(`token:${decodeURIComponent(url.password)}`).toString('base64')}`},
    })
  }
  const provision = async (instance: Instance, app: string, name: string) => {
    const api = client(instance.url, OWNER.apiKey)
    assert.equal((await api.post('apps', {json: {name: app}})).statusCode, 201)
    const res = await api.post<any>(`apps/${app}/addons`, {json: {plan: 'loggy:basic', name}})
    assert.equal(res.statusCode, 201, JSON.stringify(res.body))
    return {addon: res.body as {id: string}, url: provider.provisions.at(-1)!.log_input_url!}
  }
  // both instances have written with the token, so both remember it
  const usedThroughBoth = async (url: string) => {
    assert.equal((await post(a, url, 'through A')).statusCode, 204)
    assert.equal((await post(b, url, 'through B')).statusCode, 204)
  }
  const refusedByBoth = async (url: string) => {
    for (const instance of [a, b]) {
      const res = await post(instance, url, 'after it went')
      assert.equal(res.statusCode, 401, instance === a ? 'A' : 'B')
      assert.equal(res.headers['www-authenticate'], 'Basic realm="Logplex"')
    }
  }

  before(async () => {
    provider = await startLogProvider({requires: ['log_input']})
    ;[a, b] = await launchPair(dataDir, provider.manifest, base!)
  })
  after(async () => {
    stop(a, 'SIGKILL')
    stop(b, 'SIGKILL')
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('an add-on destroyed through B: its token is refused by A at once', async () => {
    const {url} = await provision(a, 'input-app', 'destroyed-loggy')
    await usedThroughBoth(url)
    assert.equal((await client(b.url, OWNER.apiKey).delete('apps/input-app/addons/destroyed-loggy')).statusCode, 200)
    await refusedByBoth(url)
  })

  test('an attachment detached through A: its token is refused by B at once', async () => {
    const {addon} = await provision(a, 'input-home-app', 'shared-loggy')
    const apiA = client(a.url, OWNER.apiKey)
    assert.equal((await apiA.post('apps', {json: {name: 'input-other-app'}})).statusCode, 201)
    const attached = await apiA.post<any>('addon-attachments', {json: {addon: addon.id, app: 'input-other-app', name: 'SHARED_LOGGY'}})
    assert.equal(attached.statusCode, 201, JSON.stringify(attached.body))
    await usedThroughBoth(attached.body.log_input_url)
    assert.equal((await apiA.delete(`addon-attachments/${attached.body.id}`)).statusCode, 200)
    await refusedByBoth(attached.body.log_input_url)
  })

  test('an app destroyed through B: its add-on\'s token is refused by A at once', async () => {
    const {url} = await provision(b, 'input-doomed-app', 'doomed-loggy')
    await usedThroughBoth(url)
    assert.equal((await client(b.url, OWNER.apiKey).delete('apps/input-doomed-app')).statusCode, 200)
    await refusedByBoth(url)
  })
})
