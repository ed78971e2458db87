import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {logTime} from '../../../../src/wire/logplex.js'
import {eventually, startTestPlatform, type TestPlatform} from '../../helpers.js'
import {HttpDrainReceiver, SyslogReceiver} from './drain-receiver.js'
import {addDrain, startProcess, writeLines} from './lines.js'

// Delivery to real drains on 127.0.0.1: Logplex's HTTPS drain format and headers, its retry and
// drop rules, the L10 report of lines a drain lost, and drains that do not hold each other up.
describe('log drain delivery', () => {
  let p: TestPlatform
  const receivers: Array<HttpDrainReceiver | SyslogReceiver> = []
  let apps = 0

  before(async () => {
    p = await startTestPlatform([])
  })
  after(async () => {
    await p?.close()
    for (const receiver of receivers) await receiver.close()
  })

  // an app of its own per test, with its one-off process started before any drain exists
  const newApp = async () => {
    const name = `drained-${++apps}`
    assert.equal((await p.api.post('apps', {json: {name}})).statusCode, 201)
    return {name, process: await startProcess(p.api, name)}
  }
  const httpReceiver = async () => {
    const receiver = await HttpDrainReceiver.start()
    receivers.push(receiver)
    return receiver
  }
  const messagesOf = (receiver: HttpDrainReceiver) => receiver.delivered().filter((m) => m.source === 'app').map((m) => m.message)
  const postsWith = (receiver: HttpDrainReceiver, text: string) => receiver.posts.filter((post) => post.body.includes(text))

  test('a POST per batch in Logplex\'s format: octet-counted frames, literal host, no SD field, its headers', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    const drain = await addDrain(p.api, name, `${receiver.url.replace('//', '//drain-user:p%40ss@')}/drains/in?tenant=7`)
    const time = '2026-12-02T10:00:00.123456+00:00'
    await writeLines(p.api, name, process, ['hello world', 'héllo wörld ✓'], time)
    await eventually(() => receiver.posts.length > 0, 'a POST reached the drain')
    const [post] = receiver.posts
    const frame = (message: string) => {
      const text = `<190>1 ${time} host app ${process} - ${message}\n`
      return `${Buffer.byteLength(text)} ${text}`
    }
    assert.equal(post.body, frame('hello world') + frame('héllo wörld ✓'))
    assert.equal(frame('héllo wörld ✓').split(' ')[0], String(Buffer.byteLength(`<190>1 ${time} host app ${process} - héllo wörld ✓\n`)))
    assert.equal(post.path, '/drains/in?tenant=7')
    assert.equal(post.headers['content-type'], 'application/logplex-1')
    assert.equal(post.headers['logplex-msg-count'], '2')
    assert.match(String(post.headers['logplex-frame-id']), /^[0-9A-F]{32}$/)
    assert.equal(post.headers['logplex-drain-token'], drain.token)
    assert.match(String(post.headers['user-agent']), /^addonkit-logplex\/\d+\.\d+\.\d+/)
    assert.equal(post.headers.authorization, `Basic ${Buffer.from('drain-user:p@ss').toString('base64')}`)
    assert.equal(receiver.posts.length, 1)
  })

  test('a 500 is retried with the same Logplex-Frame-Id and body, and the batch is delivered once', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    receiver.answers = [500]
    await addDrain(p.api, name, receiver.url)
    await writeLines(p.api, name, process, ['retried line'])
    await eventually(() => messagesOf(receiver).includes('retried line'), 'the line delivered after the retry')
    const posts = postsWith(receiver, 'retried line')
    assert.deepEqual(posts.map((post) => post.status), [500, 200])
    assert.equal(posts[1].headers['logplex-frame-id'], posts[0].headers['logplex-frame-id'])
    assert.equal(posts[1].body, posts[0].body)
    await writeLines(p.api, name, process, ['next line'])
    await eventually(() => messagesOf(receiver).includes('next line'), 'the next line delivered')
    assert.deepEqual(messagesOf(receiver), ['retried line', 'next line'])
    assert.notEqual(postsWith(receiver, 'next line')[0].headers['logplex-frame-id'], posts[0].headers['logplex-frame-id'])
  })

  test('a 429 is retried', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    receiver.answers = [429]
    await addDrain(p.api, name, receiver.url)
    await writeLines(p.api, name, process, ['slow down'])
    await eventually(() => messagesOf(receiver).includes('slow down'), 'delivered after the 429')
    assert.deepEqual(postsWith(receiver, 'slow down').map((post) => post.status), [429, 200])
  })

  test('a 400 drops the batch: it is not sent again, and the next lines still are', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    receiver.answers = [400]
    await addDrain(p.api, name, receiver.url)
    await writeLines(p.api, name, process, ['refused line'])
    await eventually(() => receiver.posts.length === 1 && receiver.posts[0].status === 400, 'the refusal')
    await writeLines(p.api, name, process, ['accepted line'])
    await eventually(() => messagesOf(receiver).includes('accepted line'), 'the next line delivered')
    assert.deepEqual(messagesOf(receiver), ['accepted line'])
    assert.equal(postsWith(receiver, 'refused line').length, 1)
  })

  test('three failed tries drop the batch; the next lines are delivered', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    receiver.answers = [500, 502, 503]
    await addDrain(p.api, name, receiver.url)
    await writeLines(p.api, name, process, ['doomed line'])
    await eventually(() => postsWith(receiver, 'doomed line').filter((post) => post.status !== undefined).length === 3, 'three tries')
    await writeLines(p.api, name, process, ['survivor'])
    await eventually(() => messagesOf(receiver).includes('survivor'), 'the next line delivered')
    assert.deepEqual(postsWith(receiver, 'doomed line').map((post) => post.status), [500, 502, 503])
    assert.deepEqual(messagesOf(receiver), ['survivor'])
  })

  test('a drain dead while 5,000 lines are written gets the newest 1,500 and one L10 line counting the rest', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    const drain = await addDrain(p.api, name, receiver.url)
    receiver.hold = true
    await writeLines(p.api, name, process, ['before the outage'])
    await eventually(() => receiver.heldCount === 1, 'the first delivery waiting on the dead drain')
    const outage = Array.from({length: 5000}, (_, i) => `during the outage ${i + 1}`)
    await writeLines(p.api, name, process, outage)
    // the API answered all of that while the drain was stuck; now it comes back
    receiver.release(503)
    await eventually(() => messagesOf(receiver).includes('during the outage 5000'), 'the newest line delivered', 400)
    const overflow = receiver.delivered().filter((m) => m.source === 'heroku' && m.process === 'logplex')
    assert.deepEqual(overflow.map((m) => m.message), [`Error L10 (output buffer overflow): 3501 messages dropped since ${logTime(new Date(drain.created_at))}.`])
    // the report leads the batch that follows the gap
    const afterGap = receiver.posts.find((post) => post.status === 200)!
    assert.match(afterGap.body, /^\d+ <190>1 \S+ host heroku logplex - Error L10 /)
    assert.deepEqual(messagesOf(receiver), outage.slice(-1500))
    for (const post of receiver.posts) assert.ok(Buffer.byteLength(post.body) <= 100 * 1024 + 10_240, `a batch of ${Buffer.byteLength(post.body)} bytes`)
  })

  test('a slow drain (4 s an answer) does not hold up another drain of the app, nor the API', async () => {
    const {name, process} = await newApp()
    const slow = await httpReceiver()
    slow.delayMs = 4000
    const quick = await httpReceiver()
    await addDrain(p.api, name, slow.url)
    await addDrain(p.api, name, quick.url)
    await writeLines(p.api, name, process, ['first'])
    await eventually(() => slow.posts.length === 1, 'the slow drain asked')
    await writeLines(p.api, name, process, ['second'])
    await eventually(() => messagesOf(quick).includes('second'), 'the quick drain got both lines')
    assert.deepEqual(messagesOf(quick), ['first', 'second'])
    assert.equal(slow.posts[0].status, undefined, 'the slow drain has not answered yet')
    assert.equal((await p.api.get(`apps/${name}`)).statusCode, 200)
    await eventually(() => messagesOf(slow).includes('second'), 'the slow drain got both lines in the end', 600)
    assert.deepEqual(messagesOf(slow), ['first', 'second'])
  })

  test('syslog:// drains get octet-counted frames over TCP with the drain token as HOSTNAME', async () => {
    const {name, process} = await newApp()
    const receiver = await SyslogReceiver.start()
    receivers.push(receiver)
    const drain = await addDrain(p.api, name, `syslog://127.0.0.1:${receiver.port}`)
    const time = '2026-12-02T10:00:00.000001+00:00'
    await writeLines(p.api, name, process, ['over syslog', 'and ünïcode'], time)
    await eventually(() => receiver.messages().length === 2, 'two messages over TCP')
    const frame = (message: string) => {
      const text = `<190>1 ${time} ${drain.token} app ${process} - - ${message}\n`
      return `${Buffer.byteLength(text)} ${text}`
    }
    assert.equal(receiver.connections.join(''), frame('over syslog') + frame('and ünïcode'))
  })

  test('a removed drain gets nothing more', async () => {
    const {name, process} = await newApp()
    const receiver = await httpReceiver()
    const drain = await addDrain(p.api, name, receiver.url)
    await writeLines(p.api, name, process, ['while drained'])
    await eventually(() => messagesOf(receiver).includes('while drained'), 'delivered')
    assert.equal((await p.api.delete(`apps/${name}/log-drains/${drain.token}`)).statusCode, 200)
    await writeLines(p.api, name, process, ['after removal'])
    const other = await httpReceiver()
    await addDrain(p.api, name, other.url)
    await writeLines(p.api, name, process, ['to the other drain'])
    await eventually(() => messagesOf(other).includes('to the other drain'), 'the other drain delivered')
    assert.deepEqual(messagesOf(receiver), ['while drained'])
    assert.deepEqual(messagesOf(other), ['to the other drain'])
  })
})
