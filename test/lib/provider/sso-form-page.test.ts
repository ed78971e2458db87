import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {ssoFormPage} from '../../../src/platform/pages/sso-login.js'
import {serveSsoFormPage} from '../../../src/lib/provider/sso-form-page.js'

describe('the one-shot SSO form page', () => {
  it('escapes field values and posts to the action', () => {
    const html = ssoFormPage('My <Add-on>', 'https://p.example.com/sso/login?a=1&b=2', {email: '"><script>x</script>'})
    assert.match(html, /action="https:\/\/p\.example\.com\/sso\/login\?a=1&amp;b=2"/)
    assert.match(html, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/)
    assert.match(html, /Signing in to My &lt;Add-on&gt;/)
    assert.match(html, /document\.getElementById\('sso-login'\)\.submit\(\)/)
  })

  it('answers 404 elsewhere, serves its path once, then stops', async () => {
    const page = await serveSsoFormPage('My Add-on', 'https://p.example.com/sso/login', {id: 'r1'}, 60_000)
    const other = await fetch(new URL('/elsewhere', page.url))
    assert.equal(other.status, 404)
    const served = await fetch(page.url)
    assert.equal(served.status, 200)
    assert.match(await served.text(), /name="id" value="r1"/)
    await page.served
    await assert.rejects(fetch(page.url))
  })

  it('gives up when nobody opens it in time', async () => {
    const page = await serveSsoFormPage('My Add-on', 'https://p.example.com/sso/login', {id: 'r1'}, 1)
    await assert.rejects(page.served, /nobody opened the sign-on page in time/)
    await page.close()
  })
})
