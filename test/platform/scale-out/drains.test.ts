import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {client, eventually, OWNER} from '../helpers.js'
import {HttpDrainReceiver} from '../logs/drains/drain-receiver.js'
import {addDrain, startProcess, writeLines} from '../logs/drains/lines.js'
import {startLogProvider, type LogProvider} from '../logs/log-provider.js'
import {type Instance, launchPair, stop} from './instances.js'

// Two platform instances on one PostgreSQL database, both writing to one app whose drain answers
// 500 now and then: every instance may run the drain's delivery job, one at a time, so each line
// reaches the drain exactly once.
const base = process.env.ADDONKIT_TEST_DATABASE_URL
const skip = base ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the two-instance tests need PostgreSQL'

describe('log drains over two instances', {skip}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-scale-drains-'))
  let provider: LogProvider
  let receiver: HttpDrainReceiver
  const instances: Instance[] = []

  before(async () => {
    provider = await startLogProvider()
    receiver = await HttpDrainReceiver.start()
    instances.push(...(await launchPair(dataDir, provider.manifest, base!)))
  })
  after(async () => {
    for (const instance of instances) stop(instance, 'SIGKILL')
    await receiver?.close()
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  test('lines written through A and through B are each delivered once', async () => {
    const [a, b] = instances.map((i) => client(i.url, OWNER.apiKey))
    assert.equal((await a.post('apps', {json: {name: 'two-drained'}})).statusCode, 201)
    const processA = await startProcess(a, 'two-drained')
    const processB = await startProcess(b, 'two-drained')
    await addDrain(b, 'two-drained', receiver.url)
    receiver.answers = [500, 200, 200, 500]
    const expected: string[] = []
    // each instance's writer posts one batch after another; the two run side by side
    const writer = async (api: typeof a, process: string, prefix: string) => {
      for (let round = 0; round < 20; round++) {
        const lines = Array.from({length: 10}, (_, i) => `${prefix} ${round}.${i}`)
        expected.push(...lines)
        await writeLines(api, 'two-drained', process, lines)
      }
    }
    await Promise.all([writer(a, processA, 'A'), writer(b, processB, 'B')])
    const received = () => receiver.delivered().filter((m) => m.source === 'app').map((m) => m.message)
    await eventually(() => received().length >= expected.length, 'every line delivered', 400)
    // no line twice, none missing, and each instance's lines in the order it wrote them
    assert.deepEqual([...received()].sort(), [...expected].sort())
    for (const prefix of ['A ', 'B ']) {
      assert.deepEqual(received().filter((m) => m.startsWith(prefix)), expected.filter((m) => m.startsWith(prefix)))
    }
    const delivered = receiver.posts.filter((post) => post.status === 200).map((post) => post.headers['logplex-frame-id'])
    assert.equal(new Set(delivered).size, delivered.length, 'no batch delivered twice')
    assert.ok(receiver.posts.some((post) => post.status === 500), 'a retry happened along the way')
  })
})
