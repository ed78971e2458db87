// The real `heroku` CLI (npm heroku@11) driving the platform's domains, with HEROKU_HOST.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {herokuCompat, skipWithoutHeroku, unwrapped} from './harness.js'

describe('the real heroku CLI manages domains on the local platform', {skip: skipWithoutHeroku}, () => {
  const {heroku, api} = herokuCompat()
  const hostnames = async () => (await api('GET', '/apps/example-app/domains')).map((d: {hostname: string}) => d.hostname)

  it('domains:add adds the domain and prints its DNS target', async () => {
    const r = await heroku('domains:add', 'WWW.Example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    const added = await api('GET', '/apps/example-app/domains/www.example.com')
    assert.equal(added.kind, 'custom')
    assert.match(added.cname, /\.dns\.localhost$/)
    assert.match(r.stdout, new RegExp(`Configure your app's DNS provider to point to the DNS Target ${added.cname.replaceAll('.', '\\.')}`))
    assert.match(r.stderr, /Adding WWW\.Example\.com to example-app\.\.\. done/)
  })

  it('domains:add --json prints the API answer; a wildcard is accepted', async () => {
    const r = await heroku('domains:add', '*.example.com', '-a', 'example-app', '--json')
    assert.equal(r.status, 0, r.stderr)
    const printed = JSON.parse(r.stdout)
    assert.deepEqual(printed, await api('GET', '/apps/example-app/domains/*.example.com'))
    assert.equal(printed.hostname, '*.example.com')
  })

  it('domains lists the default domain, then the custom ones with their DNS targets', async () => {
    const r = await heroku('domains', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== example-app Heroku Domain\n\s*example-app\.localhost\n/)
    assert.match(r.stdout, /=== example-app Custom Domains/)
    const www = await api('GET', '/apps/example-app/domains/www.example.com')
    assert.match(r.stdout, new RegExp(`www\\.example\\.com\\s+CNAME\\s+${www.cname.replaceAll('.', '\\.')}`))
    assert.match(r.stdout, /\*\.example\.com\s+CNAME\s+\S+\.dns\.localhost/)
  })

  it('domains:info shows one domain', async () => {
    const r = await heroku('domains:info', 'www.example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /hostname:\s+www\.example\.com/)
    assert.match(r.stdout, /app:\s+example-app/)
    assert.match(r.stdout, /kind:\s+custom/)
  })

  it('domains:add of a hostname already there fails with the platform message', async () => {
    const r = await heroku('domains:add', 'www.example.com', '-a', 'example-app')
    assert.notEqual(r.status, 0)
    assert.match(unwrapped(r.stderr), /Error: www\.example\.com is already a domain of example-app\./)
  })

  it('domains:remove removes a custom domain and refuses the default one', async () => {
    const r = await heroku('domains:remove', 'www.example.com', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /Removing www\.example\.com from example-app\.\.\. done/)
    assert.deepEqual(await hostnames(), ['example-app.localhost', '*.example.com'])
    const refused = await heroku('domains:remove', 'example-app.localhost', '-a', 'example-app')
    assert.notEqual(refused.status, 0)
    assert.match(unwrapped(refused.stderr), /Error: example-app\.localhost is the default domain of example-app: it cannot be removed\./)
    assert.deepEqual(await hostnames(), ['example-app.localhost', '*.example.com'])
  })
})
