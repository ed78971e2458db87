import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {dashboardKeyMatches, dashboardUrl} from '../../../src/platform/services/dashboard-links.js'

describe('dashboard links (web_url)', () => {
  test('a service without single sign-on has no dashboard link', () => {
    assert.equal(dashboardUrl('http://127.0.0.1:5000', 'a1', undefined), null)
    assert.equal(dashboardUrl('http://127.0.0.1:5000', 'a1', ''), null)
  })

  test('the key opens only its own add-on, and only under the salt it was made with', () => {
    const url = new URL(dashboardUrl('http://127.0.0.1:5000/', 'a1', 'salt')!)
    assert.equal(`${url.origin}${url.pathname}`, 'http://127.0.0.1:5000/addons/a1/dashboard')
    const key = url.searchParams.get('key')
    assert.equal(dashboardKeyMatches('a1', 'salt', key), true)
    assert.equal(dashboardKeyMatches('a2', 'salt', key), false)
    assert.equal(dashboardKeyMatches('a1', 'rotated', key), false)
    assert.equal(dashboardKeyMatches('a1', 'salt', key!.toUpperCase()), true)
    for (const malformed of [undefined, '', 'zz', ['x'], key!.slice(1)]) assert.equal(dashboardKeyMatches('a1', 'salt', malformed), false)
  })
})
