import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {describe, it} from 'node:test'
import {COMMAND_NOT_FOUND, dynoEnv, runWithEnv} from '../../../src/lib/run/run-with-env.js'

describe('runWithEnv', () => {
  it("gives the command the app's config vars over the local environment", async () => {
    const env = dynoEnv({...process.env, FOO: 'local', KEEP: 'kept'}, {FOO: 'from-app'})
    const outcome = await runWithEnv([process.execPath, '-e', 'console.log(process.env.FOO, process.env.KEEP)'], {env, stdio: 'pipe'})
    assert.deepEqual(outcome, {exitCode: 0, notFound: false, stdout: 'from-app kept\n', stderr: ''})
  })

  it("passes the command's exit code through", async () => {
    const outcome = await runWithEnv([process.execPath, '-e', 'process.exit(7)'], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, 7)
  })

  it('runs a single line with spaces through the shell', async () => {
    const outcome = await runWithEnv(['echo "$FOO" | tr a-z A-Z'], {env: dynoEnv(process.env, {FOO: 'shout'}), stdio: 'pipe'})
    assert.equal(outcome.stdout, 'SHOUT\n')
  })

  it('reports a missing command as 127', async () => {
    const outcome = await runWithEnv(['addonkit-no-such-command-here'], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, COMMAND_NOT_FOUND)
    assert.equal(outcome.notFound, true)
  })

  it('reports a death by signal as 128 + the signal number', async () => {
    const outcome = await runWithEnv([process.execPath, '-e', "process.kill(process.pid, 'SIGTERM')"], {env: process.env, stdio: 'pipe'})
    assert.equal(outcome.exitCode, 143)
  })
})

describe('runWithEnv with its lines wanted (the app\'s log)', () => {
  const sink = () => {
    const chunks: Buffer[] = []
    const stream = new Writable({write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done())})
    return {stream, bytes: () => Buffer.concat(chunks)}
  }

  it('the terminal gets every byte as printed, and each line of stdout and stderr is handed on', async () => {
    const out = sink()
    const err = sink()
    const lines: string[] = []
    // a character split across two writes, a \r\n line, an empty line, bytes that are not UTF-8, a
    // last line without its newline written in two parts with stderr between them
    const script = `
      const w = (s, b) => new Promise((r) => s.write(b, r))
      ;(async () => {
        await w(process.stdout, Buffer.from([0x68, 0xc3]))
        await w(process.stdout, Buffer.from([0xa9, 0x0a]))
        await w(process.stderr, 'oops\\r\\n\\n')
        await w(process.stdout, Buffer.from([0xff, 0x0a]))
        await w(process.stdout, 'la')
        await w(process.stderr, 'err')
        await w(process.stdout, 'st')
        process.exitCode = 3
      })()`
    const outcome = await runWithEnv([process.execPath, '-e', script], {env: process.env, onLine: (line) => lines.push(line), terminal: {stdout: out.stream, stderr: err.stream}})
    assert.equal(outcome.exitCode, 3)
    assert.deepEqual(out.bytes(), Buffer.concat([Buffer.from([0x68, 0xc3, 0xa9, 0x0a, 0xff, 0x0a]), Buffer.from('last')]))
    assert.equal(err.bytes().toString(), 'oops\r\n\nerr')
    // each stream's lines in order (the two pipes are read side by side)
    const fromStderr = ['oops', '', 'err']
    assert.deepEqual(lines.filter((l) => fromStderr.includes(l)), fromStderr)
    assert.deepEqual(lines.filter((l) => !fromStderr.includes(l)), ['hé', '\ufffd', 'last'])
  })

  it('with pipes for tests, the lines come too', async () => {
    const lines: string[] = []
    const outcome = await runWithEnv([process.execPath, '-e', 'console.log("a\\nb"); console.error("c")'], {env: process.env, stdio: 'pipe', onLine: (line) => lines.push(line)})
    assert.equal(outcome.stdout, 'a\nb\n')
    assert.deepEqual(lines.sort(), ['a', 'b', 'c'])
  })
})
