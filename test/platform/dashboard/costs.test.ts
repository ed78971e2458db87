import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {mainText, type TestBrowser} from './browser.js'
import {dashboardFixture, OWNER, type DashboardFixture} from './fixture.js'

// What add-ons cost this month, as the billing service counts it, on Resources and the add-on page.
describe('dashboard: cost this month', () => {
  let f: DashboardFixture
  let owner: TestBrowser
  let now = new Date('2026-03-01T00:00:00Z')

  before(async () => {
    f = await dashboardFixture({clock: () => now})
    owner = f.browser()
    await owner.signIn(OWNER.apiKey)
    await f.p.api.post('apps', {json: {name: 'cost-app'}})
    await f.p.api.post('apps/cost-app/addons', {json: {plan: 'heroku-redis:mini', name: 'cost-redis'}})
    await f.p.api.post('apps/cost-app/addons', {json: {plan: 'heroku-redis:premium-0', name: 'dear-redis', attachment: {name: 'DEAR'}}})
  })
  after(async () => {
    await f?.close()
  })

  test("10 days of March on $3 and $15 plans: each add-on's share and the app's total", async () => {
    now = new Date('2026-03-11T00:00:00Z')
    const resources = mainText((await owner.get('/dashboard/apps/cost-app/resources')).body)
    // 300 × 10/31 = 96.774 cents, 1500 × 10/31 = 483.871 cents
    assert.match(resources, /add-ons this month so far: \$5\.81/)
    assert.match(resources, /heroku-redis:mini cost-redis \$3\/month created \$0\.97/)
    assert.match(resources, /heroku-redis:premium-0 dear-redis \$15\/month created \$4\.84/)
    const id = (await f.p.api.get<{id: string}>('apps/cost-app/addons/dear-redis')).body.id
    assert.match(mainText((await owner.get(`/dashboard/apps/cost-app/addons/${id}`)).body), /This month \$4\.84 so far/)
  })
})
