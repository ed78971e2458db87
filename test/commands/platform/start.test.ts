import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import got from 'got'
import {runNode, cleanEnv} from '../../bin/spawn.js'

const START = ['--import', 'tsx', 'test/fixtures/platform/platform-start.ts']

// `platform:start` run as a user runs it: a child process, its URL read from what it prints.
describe('platform:start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-start-'))
  const env = cleanEnv({ADDONKIT_DATA_DIR: dataDir})
  const children: ChildProcess[] = []

  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    rmSync(dataDir, {recursive: true, force: true})
  })

  function start(args: string[]): Promise<{child: ChildProcess; url: string; stdout: string}> {
    const child = spawn(process.execPath, [...START, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']})
    children.push(child)
    return new Promise((resolve, reject) => {
      let stdout = ''
      let stderr = ''
      child.stderr!.on('data', (chunk) => (stderr += chunk))
      child.stdout!.on('data', (chunk) => {
        stdout += chunk
        const url = /platform listening on (\S+)/.exec(stdout)?.[1]
        if (url && stdout.includes('HEROKU_API_KEY=')) resolve({child, url, stdout})
      })
      child.once('exit', (code) => reject(new Error(`platform:start exited with ${code}: ${stderr}`)))
    })
  }

  async function stop(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }

  test('--account in a bad format: a one-line error and exit 2', async () => {
    const run = await runNode([...START, '--port', '0', '--data', dataDir, '--account', 'no-colon'], env)
    assert.equal(run.code, 2)
    assert.equal(run.stderr.trim().split('\n').length, 1)
    assert.match(run.stderr, /--account must be EMAIL:API_KEY, got "no-colon"/)
  })

  test('--manifest that cannot be read or parsed: a one-line error, nothing started', async () => {
    const missing = await runNode([...START, '--port', '0', '--data', dataDir, '--manifest', join(dataDir, 'nope.json')], env)
    assert.equal(missing.code, 1)
    assert.equal(missing.stderr.trim().split('\n').length, 1)
    assert.match(missing.stderr, /cannot read manifest .*nope\.json: no such file/)
    const file = join(dataDir, 'broken.json')
    writeFileSync(file, '{"id": ')
    const broken = await runNode([...START, '--port', '0', '--data', dataDir, '--manifest', file], env)
    assert.equal(broken.code, 1)
    assert.match(broken.stderr.trim(), /^\S.*manifest .*broken\.json is not valid JSON: .+$/)
    const invalid = join(dataDir, 'invalid.json')
    writeFileSync(invalid, JSON.stringify({id: 'Bad Id', api: {config_vars: ['lower_url'], regions: ['us'], password: '', production: 'http://x', test: 'http://x'}}))
    const refused = await runNode([...START, '--port', '0', '--data', dataDir, '--manifest', invalid], env)
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr.trim().split('\n').length, 1)
    assert.match(refused.stderr, /manifest .*invalid\.json has \d+ problems: id "Bad Id" must be lower case.*; .*password.* \(see addonkit provider:check\)/)
    assert.ok(!existsSync(join(dataDir, 'platform.json')))
  })

  test('first start with no --account creates one, says how to use the CLI and writes platform.json; the next start keeps it', async () => {
    const first = await start(['--port', '0', '--data', dataDir])
    assert.match(first.stdout, /created account developer@addonkit\.local; the addonkit CLI finds this platform and its key by itself \(try: addonkit apps:create my-app\)/)
    const state = JSON.parse(readFileSync(join(dataDir, 'platform.json'), 'utf8'))
    assert.equal(state.url, first.url)
    assert.ok(first.stdout.includes(`HEROKU_HOST=${first.url} HEROKU_API_KEY=${state.api_key}`))
    const account = await got(`${first.url}/account`, {headers: {authorization: `Bearer ${state.api_key}`}}).json<{email: string}>()
    assert.equal(account.email, 'developer@addonkit.local')
    await stop(first.child)

    const second = await start(['--port', '0', '--data', dataDir, '--account', 'ci@example.com:ci-key'])
    assert.ok(!second.stdout.includes('created account'))
    assert.equal((await got(`${second.url}/account`, {headers: {authorization: `Bearer ${state.api_key}`}}).json<{email: string}>()).email, 'developer@addonkit.local')
    assert.equal((await got(`${second.url}/account`, {headers: {authorization: 'Bearer ci-key'}}).json<{email: string}>()).email, 'ci@example.com')

    // a second platform on a port that is taken: one line saying so, exit 1
    const port = new URL(second.url).port
    const clash = await runNode([...START, '--port', port, '--data', mkdtempSync(join(tmpdir(), 'addonkit-start-'))], env)
    assert.equal(clash.code, 1)
    assert.equal(clash.stderr, `Error: 127.0.0.1:${port} is already in use (is a platform already running?): choose another --port\n`)
    await stop(second.child)
  })
})
