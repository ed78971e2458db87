import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const addon = (webUrl: string | null = 'https://addons.test/dashboard/id-1') => ({
  id: 'id-1',
  name: 'important-redis',
  addon_service: {id: 'svc-1', name: 'heroku-redis'},
  plan: {id: 'plan-1', name: 'heroku-redis:mini'},
  app: {id: 'app-1', name: 'example-app'},
  state: 'provisioned',
  web_url: webUrl,
})
const resolved = (scope: nock.Scope, webUrl?: string | null) =>
  scope.post('/actions/addons/resolve', {addon: 'important-redis', app: null}).reply(200, [addon(webUrl)])

function browser() {
  const opened: string[] = []
  return {opened, deps: {openUrl: async (url: string) => void opened.push(url), canOpenBrowser: true}}
}

describe('addons:open', () => {
  afterEach(() => nock.cleanAll())

  it('opens the SSO link built from a GET login', async () => {
    const scope = resolved(nock(API))
      .get('/apps/example-app/addons/id-1/sso')
      .reply(200, {method: 'get', action: 'https://redis.test/sso/login', params: {id: 'r1', token: 'a b', timestamp: '17'}})
    const {opened, deps} = browser()
    const {stdout, stderr, exitCode} = await runCli(['addons:open', 'important-redis'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, ['https://redis.test/sso/login?id=r1&token=a+b&timestamp=17'])
    assert.equal(stdout, '')
    assert.equal(stderr, 'Opening important-redis...\n')
    scope.done()
  })

  it('--show-url prints the link instead of opening it', async () => {
    const scope = resolved(nock(API))
      .get('/apps/example-app/addons/id-1/sso')
      .reply(200, {method: 'get', action: 'https://redis.test/sso/login', params: {id: 'r1'}})
    const {opened, deps} = browser()
    const {stdout, exitCode} = await runCli(['addons:open', 'important-redis', '--show-url'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, [])
    assert.equal(stdout, 'https://redis.test/sso/login?id=r1\n')
    scope.done()
  })

  it('a POST login falls back to the add-on web_url', async () => {
    const scope = resolved(nock(API))
      .get('/apps/example-app/addons/id-1/sso')
      .reply(200, {method: 'post', action: 'https://redis.test/sso/login', params: {id: 'r1'}})
    const {opened, deps} = browser()
    const {exitCode} = await runCli(['addons:open', 'important-redis'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, ['https://addons.test/dashboard/id-1'])
    scope.done()
  })

  it('without a browser the web_url is printed when SSO is refused', async () => {
    const scope = resolved(nock(API))
      .get('/apps/example-app/addons/id-1/sso')
      .reply(403, {id: 'forbidden', message: 'You do not have access to this add-on.'})
    const {stdout, exitCode} = await runCli(['addons:open', 'important-redis'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, 'https://addons.test/dashboard/id-1\n')
    scope.done()
  })

  it('an add-on without SSO or web_url has no dashboard', async () => {
    const scope = resolved(nock(API), null)
      .get('/apps/example-app/addons/id-1/sso')
      .reply(404, {id: 'not_found', message: 'Not found.'})
    const {deps} = browser()
    const {stderr, exitCode} = await runCli(['addons:open', 'important-redis'], {deps})
    assert.equal(exitCode, 1)
    assert.equal(stderr, 'Error: important-redis has no dashboard.\n')
    scope.done()
  })

  it('an unknown add-on exits 3', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'nope', app: 'example-app'})
      .reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
      .post('/actions/addons/resolve', {addon: 'nope', app: null})
      .reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
    const {stderr, exitCode} = await runCli(['addons:open', 'nope', '-a', 'example-app'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that add-on: nope.\n")
    scope.done()
  })
})
