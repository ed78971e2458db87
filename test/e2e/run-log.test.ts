// `addonkit run` feeds the app's log while the command runs, and the terminal and exit code stay
// the command's own, even when the platform goes away in the middle.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import got from 'got'
import {cleanEnv} from '../bin/spawn.js'
import {eventually} from '../platform/helpers.js'
import {startCli} from './helpers/cli-process.js'
import {startE2EPlatform, TEST_TOKEN, type E2EPlatform} from './helpers/platform.js'
import {platformCall} from './helpers/processes.js'

// prints a line, waits for the test to say go (the file GO exists), then prints on both streams and exits 3
const SCRIPT = `
const fs = require('node:fs')
console.log('first')
const wait = () => fs.existsSync(process.env.GO) ? finish() : setTimeout(wait, 20)
const finish = () => { console.error('second'); console.log('third'); process.exitCode = 3 }
wait()
`

describe('addonkit run writes to the app\'s log', {timeout: 120_000}, () => {
  const home = mkdtempSync(join(tmpdir(), 'addonkit-run-log-'))
  let p: E2EPlatform

  const logOf = async (url: string, app: string) => {
    const session = await platformCall<{logplex_url: string}>(url, 'POST', `/apps/${app}/log-sessions`, {lines: 1500})
    const body = await got(session.logplex_url, {headers: {accept: 'text/event-stream'}}).text()
    return body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6).replace(/^\S+ /, ''))
  }
  const run = (url: string, app: string, go: string) =>
    startCli(['run', '--app', app, '--', process.execPath, '-e', SCRIPT], cleanEnv({ADDONKIT_API_URL: url, ADDONKIT_API_KEY: TEST_TOKEN, ADDONKIT_DATA_DIR: join(home, 'cli'), GO: go, NODE_TEST_CONTEXT: undefined}))

  before(async () => {
    p = await startE2EPlatform()
    await platformCall(p.url, 'POST', '/apps', {name: 'run-app'})
  })
  after(async () => {
    await p?.close()
    rmSync(home, {recursive: true, force: true})
  })

  test('each line is in the log while the command still runs; output and exit code are the command\'s', async () => {
    const go = join(home, 'go-1')
    const cli = run(p.url, 'run-app', go)
    // the command is waiting for GO: its first line must already be in the log
    await eventually(async () => (await logOf(p.url, 'run-app')).includes('app[run.1]: first'), 'the first line in the log while the command runs', 400)
    assert.equal(cli.child.exitCode, null)
    writeFileSync(go, '')
    assert.equal(await cli.exited, 3)
    assert.equal(cli.stdout(), 'first\nthird\n')
    assert.equal(cli.stderr(), 'second\n')
    const log = await logOf(p.url, 'run-app')
    const ours = log.filter((l) => /^(app|heroku)\[run\.1\]/.test(l))
    // the command on one line
    assert.equal(ours[0], `heroku[run.1]: Starting process with command \`${process.execPath} -e ${SCRIPT.replace(/\s*\n\s*/g, ' ').trim()}\``)
    assert.deepEqual(ours.slice(2, 3), ['app[run.1]: first'])
    assert.deepEqual(ours.slice(3, 5).sort(), ['app[run.1]: second', 'app[run.1]: third'])
    assert.deepEqual(ours.slice(5), ['heroku[run.1]: Process exited with status 3', 'heroku[run.1]: State changed from up to complete'])
    assert.ok(log.some((l) => l.startsWith('app[api]: Starting process with command') && l.endsWith('by user developer@example.com')))
  })

  test('the next run is run.2', async () => {
    const go = join(home, 'go-2')
    writeFileSync(go, '')
    const cli = run(p.url, 'run-app', go)
    assert.equal(await cli.exited, 3)
    assert.ok((await logOf(p.url, 'run-app')).includes('app[run.2]: third'))
  })

  test('the platform gone mid-run: one warning, and the command\'s output and exit code as they were', async () => {
    const other = await startE2EPlatform()
    const go = join(home, 'go-3')
    try {
      await platformCall(other.url, 'POST', '/apps', {name: 'doomed-app'})
      const cli = run(other.url, 'doomed-app', go)
      await eventually(async () => (await logOf(other.url, 'doomed-app')).includes('app[run.1]: first'), 'the first line in the log', 400)
      await other.platform.close()
      writeFileSync(go, '')
      assert.equal(await cli.exited, 3)
      assert.equal(cli.stdout(), 'first\nthird\n')
      const stderr = cli.stderr().split('\n')
      assert.equal(stderr.length, 3, cli.stderr())
      assert.equal(stderr[0], 'second')
      assert.match(stderr[1], /^Warning: this command's output is not reaching doomed-app's log \(Could not reach the platform at http:\/\/127\.0\.0\.1:\d+ \(E[A-Z]+\)\); the command runs on\.$/)
    } finally {
      rmSync(other.dataDir, {recursive: true, force: true})
    }
  })
})
