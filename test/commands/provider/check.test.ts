import assert from 'node:assert/strict'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {before, describe, it} from 'node:test'
import {runCli} from '../../helpers/cli.js'
import {testManifest} from '../../fixtures/provider-tooling/test-provider.js'

let dir: string
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'addonkit-check-'))
})

async function manifestFile(name: string, content: unknown): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('provider:check', () => {
  it('accepts a good manifest', async () => {
    const path = await manifestFile('good.json', testManifest('http://localhost:4567'))
    const {stdout, exitCode} = await runCli(['provider:check', '--manifest', path])
    assert.equal(exitCode, 0)
    assert.equal(stdout, `${path} is a valid add-on manifest.\n`)
  })

  it('prints every problem at once and exits 1', async () => {
    const path = await manifestFile('bad.json', {
      id: 'my.addon',
      api: {
        username: 'legacy',
        config_vars: ['MYXADDON_URL', 'lower_url', 'OTHER_URL', 'MY.ADDON_URL'],
        password: null,
        regions: ['us', 'mars'],
        production: {base_url: 'http://myaddon.example.com/heroku/resources', sso_url: 'https://myaddon.example.com/sso/login'},
      },
      plans: [
        {name: 'test', price: {cents: -1, unit: 'month'}, default: true},
        {name: 'Big Plan', price: {cents: 100}, default: true},
      ],
    })
    const {stdout, exitCode} = await runCli(['provider:check', '--manifest', path])
    assert.equal(exitCode, 1)
    assert.equal(
      stdout,
      [
        `${path} has 15 problems:`,
        '  id "my.addon" must be lower case letters, digits and dashes, starting with a letter',
        '  api.regions contains "mars": use us, eu, virginia, oregon, frankfurt, tokyo, sydney, dublin, *',
        '  api.password must be a non-empty string',
        '  api.username is deprecated: the platform authenticates with the add-on id as user name',
        '  api.production.base_url must use https, not http',
        '  api.test is missing',
        '  api.sso_salt is missing: single sign-on needs it',
        // the prefix is compared as text: "MY.ADDON" is no pattern that MYXADDON_URL could match
        '  config var MYXADDON_URL must start with MY.ADDON_',
        '  config var lower_url must be upper case letters, digits and underscores, starting with a letter',
        '  config var OTHER_URL must start with MY.ADDON_',
        '  config var MY.ADDON_URL must be upper case letters, digits and underscores, starting with a letter',
        '  plan test: price.cents must be a whole number of cents, 0 or more',
        '  plans[1].name must be lower case letters, digits and dashes',
        '  plan Big Plan: price.unit must be a non-empty string such as "month"',
        '  exactly one plan must have "default": true (found 2)',
        '',
      ].join('\n'),
    )
  })

  it('checks id, api and password presence', async () => {
    const {stdout, exitCode} = await runCli(['provider:check', '--manifest', await manifestFile('empty.json', {id: ''})])
    assert.equal(exitCode, 1)
    assert.match(stdout, /has 2 problems:\n {2}id must not be empty\n {2}api is missing\n$/)
    const noPassword = testManifest('http://localhost:4567') as unknown as {api: Record<string, unknown>}
    delete noPassword.api.password
    const missing = await runCli(['provider:check', '--manifest', await manifestFile('nopass.json', noPassword)])
    assert.match(missing.stdout, /api\.password is missing/)
  })

  it('--json prints {manifest, ok, problems}', async () => {
    const path = await manifestFile('json.json', {...testManifest('http://localhost:4567'), plans: []})
    const {stdout, exitCode} = await runCli(['provider:check', '--manifest', path, '--json'])
    assert.equal(exitCode, 1)
    assert.deepEqual(JSON.parse(stdout), {manifest: path, ok: false, problems: ['plans must list at least one plan']})
  })

  it('an unreadable or non-JSON file is a one-line error', async () => {
    const notJson = await runCli(['provider:check', '--manifest', await manifestFile('broken.json', '{"id": "x",')])
    assert.equal(notJson.exitCode, 1)
    assert.match(notJson.stderr, /^Error: manifest .*broken\.json is not valid JSON: .+\n$/)
    const missing = await runCli(['provider:check', '--manifest', join(dir, 'nope.json')])
    assert.equal(missing.exitCode, 1)
    assert.equal(missing.stderr, `Error: cannot read manifest ${join(dir, 'nope.json')}: no such file\n`)
    const directory = await runCli(['provider:check', '--manifest', dir])
    assert.equal(directory.exitCode, 1)
    assert.equal(directory.stderr, `Error: cannot read manifest ${dir}: it is a directory\n`)
  })
})
