import assert from 'node:assert/strict'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {runCli} from '../../helpers/cli.js'

const newPath = async () => join(await mkdtemp(join(tmpdir(), 'addonkit-init-')), 'addon-manifest.json')
const read = async (path: string) => JSON.parse(await readFile(path, 'utf8'))

describe('provider:init', () => {
  it('writes a v3 manifest that provider:check accepts', async () => {
    const path = await newPath()
    const {stdout, exitCode} = await runCli(['provider:init', '--manifest', path])
    assert.equal(exitCode, 0)
    assert.match(stdout, new RegExp(`^Initialized new add-on manifest in ${path}\n`))
    const manifest = await read(path)
    assert.equal(manifest.id, 'myaddon')
    assert.deepEqual(manifest.api.config_vars, ['MYADDON_URL'])
    assert.deepEqual(manifest.api.regions, ['us', 'eu'])
    assert.equal(manifest.api.version, '3')
    assert.deepEqual(manifest.api.test, {base_url: 'http://localhost:4567/heroku/resources', sso_url: 'http://localhost:4567/sso/login'})
    assert.match(manifest.api.production.base_url, /^https:\/\//)
    assert.match(manifest.api.production.sso_url, /^https:\/\//)
    // at least 128 bits: 22 base64url characters carry 132
    assert.ok(manifest.api.password.length >= 22)
    assert.ok(manifest.api.sso_salt.length >= 22)
    assert.equal(manifest.plans.filter((plan: {default?: boolean}) => plan.default).length, 1)
    const check = await runCli(['provider:check', '--manifest', path])
    assert.equal(check.exitCode, 0, check.stdout)
  })

  it('refuses to overwrite without --force (exit 2), overwrites with it', async () => {
    const path = await newPath()
    await runCli(['provider:init', '--manifest', path])
    const before = await read(path)
    const again = await runCli(['provider:init', '--manifest', path])
    assert.equal(again.exitCode, 2)
    assert.equal(again.stderr, `Error: ${path} already exists: use --force to overwrite it\n`)
    assert.deepEqual(await read(path), before)
    const forced = await runCli(['provider:init', '--manifest', path, '--force'])
    assert.equal(forced.exitCode, 0)
    assert.notEqual((await read(path)).api.password, before.api.password, 'fresh secrets')
  })

  it('--sso get writes bare URLs; --sso none leaves out sso_url and sso_salt', async () => {
    const getPath = await newPath()
    await runCli(['provider:init', '--manifest', getPath, '--sso', 'get'])
    const get = await read(getPath)
    assert.equal(get.api.production, 'https://yourapp.example.com/')
    assert.equal(get.api.test, 'http://localhost:4567/')
    assert.equal((await runCli(['provider:check', '--manifest', getPath])).exitCode, 0)

    const nonePath = await newPath()
    await runCli(['provider:init', '--manifest', nonePath, '--sso', 'none'])
    const none = await read(nonePath)
    assert.equal(none.api.sso_salt, undefined)
    assert.deepEqual(none.api.test, {base_url: 'http://localhost:4567/heroku/resources'})
    assert.equal((await runCli(['provider:check', '--manifest', nonePath])).exitCode, 0)
  })

  it('--logs input|drain|both writes the requirements provider:test then checks; the default requires nothing', async () => {
    const expected: Record<string, string[]> = {none: [], input: ['log_input'], drain: ['syslog_drain'], both: ['log_input', 'syslog_drain']}
    for (const [logs, requires] of Object.entries(expected)) {
      const path = await newPath()
      const {stdout, exitCode} = await runCli(['provider:init', '--manifest', path, ...(logs === 'none' ? [] : ['--logs', logs])])
      assert.equal(exitCode, 0)
      assert.deepEqual((await read(path)).api.requires, requires, logs)
      assert.equal(/log_input_url/.test(stdout), requires.includes('log_input'), stdout)
      assert.equal(/log_drain_token: answer with log_drain_url/.test(stdout), requires.includes('syslog_drain'), stdout)
      assert.equal((await runCli(['provider:check', '--manifest', path])).exitCode, 0)
    }
  })

  it('--logs with another value is a usage error; provider:check refuses an unknown requirement by name', async () => {
    const path = await newPath()
    const bad = await runCli(['provider:init', '--manifest', path, '--logs', 'everything'])
    assert.equal(bad.exitCode, 2)
    assert.match(bad.stderr, /Expected --logs=everything to be one of: input, drain, both, none/)
    await runCli(['provider:init', '--manifest', path, '--logs', 'input'])
    const manifest = await read(path)
    manifest.api.requires = ['log_imput']
    const {writeFile} = await import('node:fs/promises')
    await writeFile(path, JSON.stringify(manifest))
    const check = await runCli(['provider:check', '--manifest', path])
    assert.equal(check.exitCode, 1)
    assert.equal(check.stdout, `${path} has 1 problem:\n  api.requires contains "log_imput": use log_input, syslog_drain, many_per_app, deploy_notify\n`)
  })
})
