import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const price = (cents: number) => ({cents, contract: false, unit: 'month'})
const plan = (slug: string, cents: number) => ({
  id: `plan-${slug}`, name: `heroku-redis:${slug}`, human_name: slug, price: price(cents), default: slug === 'mini',
})
const addon = (planSlug: string, cents: number, extra: Record<string, unknown> = {}) => ({
  id: 'addon-1',
  name: 'important-redis',
  addon_service: {id: 'svc-1', name: 'heroku-redis'},
  plan: plan(planSlug, cents),
  app: {id: 'app-1', name: 'example-app'},
  billed_price: null,
  state: 'provisioned',
  ...extra,
})
const resolved = (scope: nock.Scope) =>
  scope.post('/actions/addons/resolve', {addon: 'important-redis', app: null}).reply(200, [addon('mini', 300)])

describe('addons:upgrade and addons:downgrade', () => {
  afterEach(() => nock.cleanAll())

  it('changes the plan, prints the price and the provider message', async () => {
    const scope = resolved(nock(API))
      .patch('/apps/example-app/addons/addon-1', {plan: {name: 'heroku-redis:premium'}})
      .matchHeader('accept-expansion', 'plan')
      .matchHeader('x-heroku-legacy-provider-messages', 'true')
      .reply(200, addon('premium', 1500, {provision_message: 'Your data was kept.'}))
    const {stdout, stderr, exitCode} = await runCli(['addons:upgrade', 'important-redis', 'premium'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Changing important-redis on example-app from heroku-redis:mini to heroku-redis:premium\.\.\. done, \(\$15\/month\)\n/)
    assert.equal(stdout, 'Your data was kept.\n')
    scope.done()
  })

  it('downgrade sends the same request for a SERVICE:PLAN argument', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'important-redis', app: null})
      .reply(200, [addon('premium', 1500)])
      .patch('/apps/example-app/addons/addon-1', {plan: {name: 'heroku-redis:mini'}})
      .reply(200, addon('mini', 300))
    const {stdout, stderr, exitCode} = await runCli(['addons:downgrade', 'important-redis', 'heroku-redis:mini'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Changing important-redis on example-app from heroku-redis:premium to heroku-redis:mini\.\.\. done, \(\$3\/month\)\n/)
    assert.equal(stdout, '')
    scope.done()
  })

  it('an unknown plan fails with the API message and the valid plans on one line', async () => {
    const message = `Couldn't find either the add-on service or the add-on plan of "heroku-redis:x".`
    const scope = resolved(nock(API))
      .patch('/apps/example-app/addons/addon-1')
      .reply(422, {id: 'invalid_params', message})
      .get('/addon-services/heroku-redis/plans')
      .reply(200, [plan('premium', 1500), plan('mini', 300)])
    const {stdout, stderr, exitCode} = await runCli(['addons:upgrade', 'important-redis', 'x'])
    assert.equal(exitCode, 1)
    assert.equal(stdout, '')
    assert.match(stderr, new RegExp(`\\nError: ${escape(message)} Valid plans: mini, premium\\.\\n$`))
    scope.done()
  })

  it("a provider's 422 about a plan the service has is shown unchanged", async () => {
    const scope = resolved(nock(API))
      .patch('/apps/example-app/addons/addon-1')
      .reply(422, {id: 'invalid_params', message: 'Your data does not fit in premium: delete some keys first.'})
      .get('/addon-services/heroku-redis/plans')
      .reply(200, [plan('premium', 1500), plan('mini', 300)])
    const {stderr, exitCode} = await runCli(['addons:upgrade', 'important-redis', 'premium'])
    assert.equal(exitCode, 1)
    assert.match(stderr, /\nError: Your data does not fit in premium: delete some keys first\.\n$/)
    scope.done()
  })

  it("a provider's refusal is shown unchanged", async () => {
    const scope = resolved(nock(API))
      .patch('/apps/example-app/addons/addon-1')
      .reply(503, {id: 'provider_unavailable', message: 'heroku-redis is down for maintenance (try again in 5 minutes).'})
    const {stderr, exitCode} = await runCli(['addons:upgrade', 'important-redis', 'premium'])
    assert.equal(exitCode, 1)
    assert.match(stderr, /\nError: heroku-redis is down for maintenance \(try again in 5 minutes\)\.\n$/)
    scope.done()
  })

  it('an unknown add-on exits 3 without a change request', async () => {
    const scope = nock(API)
      .post('/actions/addons/resolve', {addon: 'nope', app: null})
      .reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
    const {stderr, exitCode} = await runCli(['addons:upgrade', 'nope', 'premium'])
    assert.equal(exitCode, 3)
    assert.equal(stderr, "Error: Couldn't find that add-on: nope.\n")
    scope.done()
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
