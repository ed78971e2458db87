import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const plan = (slug: string, human: string, cents: number, isDefault = false) => ({
  id: `plan-${slug}`,
  name: `heroku-redis:${slug}`,
  human_name: human,
  price: {cents, contract: false, unit: 'month'},
  default: isDefault,
})
const plans = [plan('premium-0', 'Premium 0', 1500), plan('mini', 'Mini', 300, true), plan('hobby', 'Hobby', 0), plan('basic', 'Basic', 300)]

describe('addons:plans', () => {
  afterEach(() => nock.cleanAll())

  it('lists the plans by price then name, marking the default', async () => {
    const scope = nock(API).get('/addon-services/heroku-redis/plans').reply(200, plans)
    const {stdout, exitCode} = await runCli(['addons:plans', 'heroku-redis'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        '         Slug                    Name       Price',
        '-------  ----------------------  ---------  -----------',
        '         heroku-redis:hobby      Hobby      free',
        '         heroku-redis:basic      Basic      $3/month',
        'default  heroku-redis:mini       Mini       $3/month',
        '         heroku-redis:premium-0  Premium 0  $15/month',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('--json prints the plans as the API gives them', async () => {
    const scope = nock(API).get('/addon-services/heroku-redis/plans').reply(200, plans)
    const {stdout, exitCode} = await runCli(['addons:plans', 'heroku-redis', '--json'])
    assert.equal(exitCode, 0)
    const names = (JSON.parse(stdout) as Array<{name: string}>).map((p) => p.name)
    assert.deepEqual(names, ['heroku-redis:hobby', 'heroku-redis:basic', 'heroku-redis:mini', 'heroku-redis:premium-0'])
    assert.deepEqual(JSON.parse(stdout)[2], plans[1])
    scope.done()
  })

  it('an unknown service exits 3 with the API message', async () => {
    const scope = nock(API)
      .get('/addon-services/nope/plans')
      .reply(404, {id: 'not_found', message: "Couldn't find that add-on service.", resource: 'addon_service'})
    const {stderr, exitCode} = await runCli(['addons:plans', 'nope'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that add-on service.\n")
    scope.done()
  })
})
