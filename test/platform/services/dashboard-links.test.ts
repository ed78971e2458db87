import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {dashboardUrl} from '../../../src/platform/services/dashboard-links.js'

describe('dashboard links (web_url)', () => {
  test('a service without single sign-on has no dashboard link', () => {
    assert.equal(dashboardUrl('http://127.0.0.1:5000', 'a1', undefined), null)
    assert.equal(dashboardUrl('http://127.0.0.1:5000', 'a1', ''), null)
  })

  test("the link is the add-on's page in the dashboard, with no credential in it", () => {
    assert.equal(dashboardUrl('http://127.0.0.1:5000/', 'a1', 'salt'), 'http://127.0.0.1:5000/dashboard/addons/a1/open')
    assert.equal(dashboardUrl('http://127.0.0.1:5000', 'a/b?c', 'salt'), 'http://127.0.0.1:5000/dashboard/addons/a%2Fb%3Fc/open')
  })
})
