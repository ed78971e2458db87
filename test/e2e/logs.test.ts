// `addonkit logs` as a user runs it, against a real platform: at a terminal and through a pipe,
// as JSON, ended with Ctrl-C, and tailing across a platform restart.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {startPlatform, type RunningPlatform} from '../../src/platform/start.js'
import {cleanEnv} from '../bin/spawn.js'
import {startCli} from './helpers/cli-process.js'
import {TEST_TOKEN} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

const LOST = 'Lost the connection to the log stream; reconnecting...'
const BACK = 'Reconnected to the log stream.'

describe('addonkit logs against a real platform', {timeout: 120_000}, () => {
  const home = mkdtempSync(join(tmpdir(), 'addonkit-logs-e2e-'))
  const dataDir = join(home, 'platform')
  let platform: RunningPlatform
  let port = 0
  let env: NodeJS.ProcessEnv
  const call = <T>(method: string, path: string, body?: unknown) => platformCall<T>(platform.url, method, path, body)
  const start = async () => {
    platform = await startPlatform({port, dataDir, accounts: [{email: 'developer@example.com', apiKey: TEST_TOKEN}], builtinProviders: false, writeState: false, log: () => {}})
    port = Number(new URL(platform.url).port)
  }
  // what a run printed, through the same API `addonkit run` uses
  const print = async (...messages: string[]) => {
    const res = await fetch(`${platform.url}/apps/logs-app/log-lines`, {
      method: 'POST',
      headers: {authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json', accept: 'application/vnd.heroku+json; version=3'},
      body: JSON.stringify({process: 'run.1', lines: messages.map((message) => ({message}))}),
    })
    assert.equal(res.status, 204)
  }
  const messages = (stdout: string) => stdout.replace(/\r\n/g, '\n').split('\n').filter((l) => l !== '').map((l) => l.replace(/^\S+ /, ''))

  before(async () => {
    await start()
    env = cleanEnv({ADDONKIT_API_URL: platform.url, ADDONKIT_API_KEY: TEST_TOKEN, ADDONKIT_DATA_DIR: join(home, 'cli'), NODE_TEST_CONTEXT: undefined})
    await call('POST', '/apps', {name: 'logs-app'})
    await call('POST', '/apps/logs-app/dynos', {command: 'node worker.js'})
    await print('first line', 'second line')
  })
  after(async () => {
    await platform?.close()
    rmSync(home, {recursive: true, force: true})
  })

  test('at a terminal each source has its colour; NO_COLOR or a pipe prints the lines plain', async () => {
    const coloured = startCli(['logs', '-a', 'logs-app'], {...env, NO_COLOR: undefined, TERM: 'xterm-256color'}, {terminal: true})
    assert.equal(await coloured.exited, 0, coloured.stderr())
    const lines = coloured.stdout().split('\r\n').filter((l) => l !== '')
    // the time dimmed, `source[process]:` in the source's colour, the message as written
    assert.deepEqual(lines.map((l) => l.replace(/\d{4}-\d\d-\d\dT[^\x1b]+/, 'TIME')), [
      '\x1b[90mTIME\x1b[39m \x1b[36mapp[api]:\x1b[39m Starting process with command `node worker.js` by user developer@example.com',
      '\x1b[90mTIME\x1b[39m \x1b[35mheroku[run.1]:\x1b[39m Starting process with command `node worker.js`',
      '\x1b[90mTIME\x1b[39m \x1b[35mheroku[run.1]:\x1b[39m State changed from starting to up',
      '\x1b[90mTIME\x1b[39m \x1b[36mapp[run.1]:\x1b[39m first line',
      '\x1b[90mTIME\x1b[39m \x1b[36mapp[run.1]:\x1b[39m second line',
    ])

    const noColor = startCli(['logs', '-a', 'logs-app'], {...env, NO_COLOR: '1'}, {terminal: true})
    assert.equal(await noColor.exited, 0)
    assert.doesNotMatch(noColor.stdout(), /\x1b/)
    assert.deepEqual(messages(noColor.stdout()).slice(-2), ['app[run.1]: first line', 'app[run.1]: second line'])

    const piped = startCli(['logs', '-a', 'logs-app'], {...env, NO_COLOR: undefined})
    assert.equal(await piped.exited, 0)
    assert.equal(piped.stdout(), noColor.stdout().replace(/\r\n/g, '\n'))
  })

  test('--json prints one object per line, -s and -d filter', async () => {
    const cli = startCli(['logs', '-a', 'logs-app', '--json', '-s', 'app', '-d', 'run'], env)
    assert.equal(await cli.exited, 0, cli.stderr())
    const objects = cli.stdout().trimEnd().split('\n').map((l) => JSON.parse(l))
    assert.deepEqual(objects.map(({source, process, message}) => ({source, process, message})), [
      {source: 'app', process: 'run.1', message: 'first line'},
      {source: 'app', process: 'run.1', message: 'second line'},
    ])
    assert.match(objects[0].id, /^\d+$/)
    assert.match(objects[0].time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/)
  })

  test('Ctrl-C ends a tail with exit 0 and nothing on stderr', async () => {
    const cli = startCli(['logs', '-a', 'logs-app', '--tail', '-d', 'run.1', '-s', 'app'], env)
    await cli.until((stdout) => stdout.includes('second line'), 'the history')
    await print('while tailing')
    await cli.until((stdout) => stdout.includes('while tailing'), 'the new line')
    cli.child.kill('SIGINT')
    assert.equal(await cli.exited, 0)
    assert.equal(cli.stderr(), '')
    assert.deepEqual(messages(cli.stdout()), ['app[run.1]: first line', 'app[run.1]: second line', 'app[run.1]: while tailing'])
  })

  test('a tail outlives a platform restart: it says so, carries on, and repeats no line', async () => {
    const cli = startCli(['logs', '-a', 'logs-app', '-t', '-s', 'app', '-d', 'run'], env)
    try {
      await cli.until((stdout) => stdout.includes('while tailing'), 'the history')
      await print('before the restart')
      await cli.until((stdout) => stdout.includes('before the restart'), 'the line before the restart')
      await platform.close()
      await cli.until((_out, stderr) => stderr.includes(LOST), 'the lost connection reported')
      // same port and data: what a restarted platform is
      await start()
      await cli.until((_out, stderr) => stderr.includes(BACK), 'the reconnection reported')
      await print('after the restart')
      await cli.until((stdout) => stdout.includes('after the restart'), 'the line after the restart')
    } finally {
      cli.child.kill('SIGINT')
    }
    assert.equal(await cli.exited, 0)
    assert.equal(cli.stderr(), `${LOST}\n${BACK}\n`)
    assert.deepEqual(messages(cli.stdout()), [
      'app[run.1]: first line', 'app[run.1]: second line', 'app[run.1]: while tailing', 'app[run.1]: before the restart', 'app[run.1]: after the restart',
    ])
  })
})
