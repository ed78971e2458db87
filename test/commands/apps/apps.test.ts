import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const app = (name: string, region = 'us', space: string | null = null) => ({
  id: `id-${name}`,
  name,
  owner: {id: 'u1', email: 'user@example.com'},
  region: {id: `r-${region}`, name: region},
  space: space ? {id: `s-${space}`, name: space, shield: false} : null,
  team: null,
  stack: {id: 'st', name: 'heroku-24'},
  web_url: `https://${name}.apps.test/`,
  git_url: `https://git.apps.test/${name}.git`,
})

describe('apps', () => {
  afterEach(() => nock.cleanAll())

  it('lists the apps by name, with the region when it is not us', async () => {
    const scope = nock(API).get('/apps').reply(200, [app('example-tasker', 'eu'), app('example-app'), app('private-one', 'virginia', 'example-space')])
    const {stdout, exitCode} = await runCli(['apps'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, '=== Apps\nexample-app\nexample-tasker (eu)\nprivate-one (example-space)\n')
    scope.done()
  })

  it('says so when there are none, and --json prints the raw array', async () => {
    const scope = nock(API).get('/apps').reply(200, []).get('/apps').reply(200, [app('example-app')])
    assert.equal((await runCli(['apps'])).stdout, 'You have no apps.\n')
    assert.deepEqual(JSON.parse((await runCli(['apps', '--json'])).stdout), [app('example-app')])
    scope.done()
  })
})

describe('apps:create', () => {
  afterEach(() => nock.cleanAll())

  it('creates a named app in a region and prints its URLs', async () => {
    const scope = nock(API).post('/apps', {name: 'example-app', region: 'eu'}).reply(201, app('example-app', 'eu'))
    const {stdout, stderr, exitCode} = await runCli(['apps:create', 'example-app', '--region', 'eu'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Creating example-app\.\.\. done\n/)
    assert.equal(stdout, 'https://example-app.apps.test/ | https://git.apps.test/example-app.git\n')
    scope.done()
  })

  it('lets the platform pick the name and tells it', async () => {
    const scope = nock(API).post('/apps', {}).reply(201, app('sinuous-river-1234'))
    const {stderr, exitCode} = await runCli(['apps:create'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Creating app\.\.\. done, sinuous-river-1234\n/)
    scope.done()
  })

  it('--space and --json send the space and print the app', async () => {
    const created = app('private-one', 'virginia', 'example-space')
    const scope = nock(API).post('/apps', {name: 'private-one', space: 'example-space'}).reply(201, created)
    const {stdout, exitCode} = await runCli(['apps:create', 'private-one', '--space', 'example-space', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), created)
    scope.done()
  })

  it('a taken name shows the API message and exits 1', async () => {
    const scope = nock(API).post('/apps').reply(422, {id: 'invalid_params', message: 'Name example-app is already taken.'})
    const {stderr, exitCode} = await runCli(['apps:create', 'example-app'])
    assert.equal(exitCode, 1)
    assert.match(stderr, /\nError: Name example-app is already taken\.\n$/)
    scope.done()
  })
})

describe('apps:info', () => {
  afterEach(() => nock.cleanAll())

  const addons = [
    {id: 'a2', name: 'important-redis', plan: {id: 'p2', name: 'heroku-redis:mini'}, app: {id: 'id-example-app', name: 'example-app'}},
    {id: 'a1', name: 'main-db', plan: {id: 'p1', name: 'heroku-postgresql:essential-0'}, app: {id: 'id-example-app', name: 'example-app'}},
  ]

  it('prints the app and its add-ons', async () => {
    const scope = nock(API)
      .get('/apps/example-app')
      .reply(200, app('example-app'))
      .get('/apps/example-app/addons')
      .reply(200, addons)
    const {stdout, exitCode} = await runCli(['apps:info', '--app', 'example-app'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        '=== example-app',
        'Add-ons: heroku-postgresql:essential-0',
        '         heroku-redis:mini',
        'Git URL: https://git.apps.test/example-app.git',
        'Owner:   user@example.com',
        'Region:  us',
        'Stack:   heroku-24',
        'Web URL: https://example-app.apps.test/',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('shows the space of a private app, takes the app as an argument, and --json gives {app, addons}', async () => {
    const privateApp = app('private-one', 'virginia', 'example-space')
    const scope = nock(API)
      .get('/apps/private-one')
      .times(2)
      .reply(200, privateApp)
      .get('/apps/private-one/addons')
      .times(2)
      .reply(200, [])
    const {stdout} = await runCli(['apps:info', 'private-one'])
    assert.match(stdout, /\nRegion:  virginia\nSpace:   example-space\n/)
    assert.match(stdout, /^=== private-one\nAdd-ons:\n/)
    const json = await runCli(['apps:info', 'private-one', '--json'])
    assert.deepEqual(JSON.parse(json.stdout), {app: privateApp, addons: []})
    scope.done()
  })

  it('an unknown app exits 3', async () => {
    const scope = nock(API).get('/apps/nope').reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['apps:info', '-a', 'nope'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that app.\n")
    scope.done()
  })
})

describe('apps:destroy', () => {
  afterEach(() => nock.cleanAll())

  it('--confirm destroys without asking', async () => {
    const scope = nock(API).delete('/apps/example-app').reply(200, app('example-app'))
    const {stderr, exitCode, asked} = await runCli(['apps:destroy', 'example-app', '--confirm', 'example-app'])
    assert.equal(exitCode, 0)
    assert.deepEqual(asked, [])
    assert.match(stderr, /Destroying example-app \(including all add-ons\)\.\.\. done\n/)
    scope.done()
  })

  it('on a TTY it asks for the app name first', async () => {
    const scope = nock(API).delete('/apps/example-app').reply(200, app('example-app'))
    const {stderr, exitCode, asked} = await runCli(['apps:destroy', '--app', 'example-app'], {tty: true, answers: ['example-app']})
    assert.equal(exitCode, 0)
    assert.equal(asked.length, 1)
    assert.match(
      stderr,
      /^ ! {4}WARNING: This will delete example-app including all add-ons\.\n ! {4}To proceed, type "example-app" or re-run this command with --confirm example-app\n/,
    )
    scope.done()
  })

  it('a wrong answer aborts with exit 2 and destroys nothing', async () => {
    const {stderr, exitCode} = await runCli(['apps:destroy', 'example-app'], {tty: true, answers: ['other-app']})
    assert.equal(exitCode, 2)
    assert.match(stderr, /\nError: Confirmation did not match example-app\. Aborted\.\n$/)
  })

  it('without a TTY or --confirm it fails at once with exit 2 and sends nothing', async () => {
    const {stderr, exitCode, asked} = await runCli(['apps:destroy', 'example-app'])
    assert.equal(exitCode, 2)
    assert.deepEqual(asked, [])
    assert.equal(stderr, 'Error: This will delete example-app including all add-ons: re-run this command with --confirm example-app\n')
  })

  it('a mismatched --confirm is a usage error', async () => {
    const {stderr, exitCode} = await runCli(['apps:destroy', 'example-app', '--confirm', 'other-app'])
    assert.equal(exitCode, 2)
    assert.equal(stderr, 'Error: Confirmation other-app did not match example-app. Re-run with --confirm example-app.\n')
  })

  it('an unknown app exits 3', async () => {
    const scope = nock(API).delete('/apps/nope').reply(404, {id: 'not_found', message: "Couldn't find that app.", resource: 'app'})
    const {stderr, exitCode} = await runCli(['apps:destroy', 'nope', '--confirm', 'nope'])
    assert.equal(exitCode, 3)
    assert.match(stderr, /\nError: Couldn't find that app\.\n$/)
    scope.done()
  })
})
