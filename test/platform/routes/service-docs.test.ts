import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {startTestPlatform, type TestPlatform} from '../helpers.js'

// GET /addon-services/SERVICE/docs: what `addons:docs SERVICE` opens on a local platform.
describe('service docs pages', () => {
  let provider: TestProvider
  let p: TestPlatform

  before(async () => {
    provider = await startTestProvider()
    const documented = {...provider.manifest, id: 'documented', docs_url: 'https://docs.example.com/documented'}
    p = await startTestPlatform([provider.manifest, documented])
  })
  after(async () => {
    await p.close()
    await provider.close()
  })

  test('a service without docs_url gets a page built from its manifest, without credentials', async () => {
    const res = await fetch(`${p.url}/addon-services/${provider.manifest.id}/docs`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /text\/html/)
    const html = await res.text()
    assert.match(html, new RegExp(`addons:create ${provider.manifest.id} --app APP`))
    for (const name of provider.manifest.api.config_vars) assert.ok(html.includes(`<code>${name}</code>`), name)
    for (const plan of provider.manifest.plans ?? []) assert.ok(html.includes(`${provider.manifest.id}:${plan.name}`), plan.name)
  })

  test('a service whose manifest names its docs redirects there', async () => {
    const res = await fetch(`${p.url}/addon-services/documented/docs`, {redirect: 'manual'})
    assert.equal(res.status, 302)
    assert.equal(res.headers.get('location'), 'https://docs.example.com/documented')
  })

  test('an unknown service is a 404 with the API error shape', async () => {
    const res = await fetch(`${p.url}/addon-services/nope/docs`)
    assert.equal(res.status, 404)
    assert.equal(((await res.json()) as {id: string}).id, 'not_found')
  })
})
