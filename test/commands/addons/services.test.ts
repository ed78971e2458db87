import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const services = [
  {id: 's1', name: 'heroku-postgresql', human_name: 'Heroku Postgres', state: 'ga'},
  {id: 's2', name: 'heroku-redis', human_name: 'Heroku Key-Value Store', state: 'beta'},
]

describe('addons:services', () => {
  afterEach(() => nock.cleanAll())

  it('lists the services in a table', async () => {
    const scope = nock(API).get('/addon-services').reply(200, services)
    const {stdout, exitCode} = await runCli(['addons:services'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        'Slug               Name                    State',
        '-----------------  ----------------------  -------',
        'heroku-postgresql  Heroku Postgres         ga',
        'heroku-redis       Heroku Key-Value Store  beta',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('--json prints the raw array', async () => {
    const scope = nock(API).get('/addon-services').reply(200, services)
    const {stdout} = await runCli(['addons:services', '--json'])
    assert.deepEqual(JSON.parse(stdout), services)
    scope.done()
  })

  it('an unreachable platform exits 5', async () => {
    const {stderr, exitCode} = await runCli(['addons:services'], {url: 'http://127.0.0.1:9'})
    assert.equal(exitCode, 5)
    assert.match(stderr, /^Error: Could not reach the platform at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)\.\n$/)
  })
})
