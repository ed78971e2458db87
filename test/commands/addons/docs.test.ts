import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'
import {addon} from '../../lib/addons/fakes.js'
import {expectResolve} from '../../lib/addons/scopes.js'

const service = {id: 'svc-1', name: 'heroku-redis', human_name: 'Heroku Key-Value Store', state: 'ga'}

describe('addons:docs', () => {
  afterEach(() => nock.cleanAll())

  it("opens the local platform's docs page for the service", async () => {
    const scope = nock(API).get('/addon-services/heroku-redis').reply(200, service)
    const opened: string[] = []
    const deps = {openUrl: async (url: string) => void opened.push(url), canOpenBrowser: true}
    const {stdout, stderr, exitCode} = await runCli(['addons:docs', 'heroku-redis:mini'], {deps})
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, [`${API}/addon-services/heroku-redis/docs`])
    assert.equal(stdout, '')
    assert.equal(stderr, 'Opening the heroku-redis docs...\n')
    scope.done()
  })

  it('points at Dev Center when the target is Heroku', async () => {
    const scope = nock('https://api.heroku.com').get('/addon-services/heroku-redis').reply(200, service)
    const {stdout, exitCode} = await runCli(['addons:docs', 'heroku-redis', '--show-url'], {url: 'https://api.heroku.com'})
    assert.equal(exitCode, 0)
    assert.equal(stdout, 'https://devcenter.heroku.com/articles/heroku-redis\n')
    scope.done()
  })

  it('neither a service nor an add-on: exits 3 and opens nothing', async () => {
    const scope = nock(API)
      .get('/addon-services/nope')
      .reply(404, {id: 'not_found', message: "Couldn't find that add-on service.", resource: 'addon_service'})
    expectResolve(scope, 'nope', null)
    const opened: string[] = []
    const deps = {openUrl: async (url: string) => void opened.push(url), canOpenBrowser: true}
    const {stderr, exitCode} = await runCli(['addons:docs', 'nope'], {deps})
    assert.equal(exitCode, 3)
    assert.deepEqual(opened, [])
    assert.equal(stderr, "Error: Couldn't find an add-on service or add-on named nope.\n")
    scope.done()
  })

  it('an add-on alias stands for its service', async () => {
    const cache = addon('redis-parallel-20232', {plan: 'redis:mini'})
    const scope = nock(API)
      .get('/addon-services/CACHE')
      .reply(404, {id: 'not_found', message: "Couldn't find that add-on service.", resource: 'addon_service'})
    expectResolve(scope, 'CACHE', 'example-app', [cache])
    scope.get(`/addon-services/${cache.addon_service.id}`).reply(200, {id: cache.addon_service.id, name: 'redis'})
    const {stdout, exitCode} = await runCli(['addons:docs', 'CACHE', '--app', 'example-app', '--show-url'])
    assert.equal(exitCode, 0)
    assert.equal(stdout, `${API}/addon-services/redis/docs\n`)
    scope.done()
  })
})
