import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../helpers/cli.js'

const LINK = 'https://api.test.addonkit/dashboard/sign-in?token=abc'

function browser() {
  const opened: string[] = []
  return {opened, deps: {openUrl: async (url: string) => void opened.push(url), canOpenBrowser: true}}
}

describe('dashboard', () => {
  afterEach(() => nock.cleanAll())

  it('asks the platform for a one-time link and opens it', async () => {
    const scope = nock(API).post('/account/dashboard-links', {}).reply(201, {url: LINK, expires_at: '2026-01-01T00:01:00Z'})
    const {opened, deps} = browser()
    const {stdout, stderr, exitCode} = await runCli(['dashboard'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, [LINK])
    assert.equal(stdout, '')
    assert.equal(stderr, 'Opening the dashboard...\n')
    scope.done()
  })

  it("--show-url prints the link; --app lands on the app's Resources", async () => {
    const scope = nock(API).post('/account/dashboard-links', {path: '/dashboard/apps/example-app/resources'}).reply(201, {url: LINK, expires_at: '2026-01-01T00:01:00Z'})
    const {opened, deps} = browser()
    const {stdout, exitCode} = await runCli(['dashboard', '--show-url', '--app', 'example-app'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, [])
    assert.equal(stdout, `${LINK}\n`)
    scope.done()
  })

  it('a platform without a dashboard is a one-line error', async () => {
    const scope = nock(API).post('/account/dashboard-links').reply(404, {id: 'not_found', message: 'No route for POST /account/dashboard-links.'})
    const {stderr, exitCode} = await runCli(['dashboard', '--show-url'])
    assert.equal(exitCode, 1)
    assert.equal(stderr, `Error: The platform at ${API} has no dashboard.\n`)
    scope.done()
  })

  it('against Heroku it opens Heroku’s own dashboard, asking nothing', async () => {
    const {stdout, exitCode} = await runCli(['dashboard', '--show-url', '--app', 'example-app'], {url: 'https://api.heroku.com'})
    assert.equal(exitCode, 0)
    assert.equal(stdout, 'https://dashboard.heroku.com/apps/example-app/resources\n')
  })
})
