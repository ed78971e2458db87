import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {writeFile} from 'node:fs/promises'
import {after, before, describe, it} from 'node:test'
import {runCli} from '../../helpers/cli.js'
import {startTestProvider, type TestProvider} from '../../fixtures/provider-tooling/test-provider.js'

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

// The hidden fields of the auto-posting page, and where it posts them.
function readForm(html: string): {action: string; fields: Record<string, string>} {
  const action = /<form id="sso-login" method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]))
  return {action, fields}
}

describe('provider:sso', () => {
  let provider: TestProvider
  let manifest: string
  before(async () => {
    provider = await startTestProvider()
    manifest = await provider.writeManifest()
  })
  after(() => provider.close())

  it('POST style: serves a one-shot page that posts the signed form, and opens the browser on it', async () => {
    const opened: string[] = []
    let html = ''
    const {stderr, exitCode} = await runCli(['provider:sso', 'res-42', '--manifest', manifest], {
      deps: {
        canOpenBrowser: true,
        // the "browser": fetches the page as a real one would
        openUrl: async (url) => {
          opened.push(url)
          html = await (await fetch(url)).text()
        },
      },
    })
    assert.equal(exitCode, 0, stderr)
    assert.match(opened[0], /^http:\/\/127\.0\.0\.1:\d+\/sso-[0-9a-f]{32}$/)
    assert.match(stderr, /POSTing the signed form to .*\/sso\/login through http:\/\/127\.0\.0\.1/)
    const {action, fields} = readForm(html)
    assert.equal(action, `${provider.url}/sso/login`)
    assert.deepEqual(Object.keys(fields).sort(), ['app', 'email', 'id', 'nav-data', 'resource_id', 'resource_token', 'timestamp', 'token', 'user_id', 'user_scoped_resource_token'])
    assert.equal(fields.id, 'res-42')
    assert.equal(fields.token, sha1(`res-42:${provider.manifest.api.sso_salt}:${fields.timestamp}`))
    assert.equal(fields.resource_token, fields.token)
    const userScoped = createHash('sha256').update(`res-42:${provider.manifest.api.sso_salt}:${fields.timestamp}:${fields.user_id}:${fields.email}`).digest('hex')
    assert.equal(fields.user_scoped_resource_token, userScoped)
    assert.ok(Math.abs(Number(fields.timestamp) - Date.now() / 1000) < 60)
    const navData = JSON.parse(Buffer.from(fields['nav-data'], 'base64url').toString())
    assert.equal(navData.addon, 'My Add-on')
    // the page is served once: the server is gone afterwards
    await assert.rejects(fetch(opened[0]))
  })

  it('GET style: prints the signed URL without a browser (or with --show-url)', async () => {
    const path = `${manifest}.get.json`
    await writeFile(path, JSON.stringify({...provider.manifest, api: {...provider.manifest.api, production: 'https://myaddon.example.com/', test: `${provider.url}/`}}))
    const opened: string[] = []
    const {stdout, exitCode} = await runCli(['provider:sso', 'res-42', '--manifest', path, '--show-url'], {
      deps: {canOpenBrowser: true, openUrl: async (url) => void opened.push(url)},
    })
    assert.equal(exitCode, 0)
    assert.deepEqual(opened, [])
    const url = new URL(stdout.trim())
    assert.equal(`${url.origin}${url.pathname}`, `${provider.url}/heroku/resources/res-42`)
    const timestamp = url.searchParams.get('timestamp')
    assert.equal(url.searchParams.get('token'), sha1(`res-42:${provider.manifest.api.sso_salt}:${timestamp}`))
  })

  it('fails in one line without an sso_url', async () => {
    const path = `${manifest}.nosso.json`
    await writeFile(path, JSON.stringify({...provider.manifest, api: {...provider.manifest.api, test: {base_url: `${provider.url}/heroku/resources`}}}))
    const {stderr, exitCode} = await runCli(['provider:sso', 'res-42', '--manifest', path])
    assert.equal(exitCode, 1)
    assert.equal(stderr, "Error: the manifest's api.test has no sso_url: single sign-on is not configured\n")
  })
})
