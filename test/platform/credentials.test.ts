import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {startTestPlatform, type TestPlatform} from './helpers.js'

// A built-in service's credential is random (at least 128 bits) and appears only in the config
// var: never in the platform's add-on JSON, its releases, its responses or its request log.
describe('credentials appear only in the config var', () => {
  let p: TestPlatform
  const lines: string[] = []

  before(async () => {
    p = await startTestPlatform([], {builtinProviders: true, log: (line) => lines.push(line)})
    await p.api.post('apps', {json: {name: 'secret-app'}})
  })
  after(async () => {
    await p?.close()
  })

  test('kv: a 192-bit token per add-on, shown nowhere but KV_URL', async () => {
    const bodies: unknown[] = []
    const keep = async <T>(response: Promise<{body: T}>) => {
      const {body} = await response
      bodies.push(body)
      return body
    }
    const first = await keep(p.api.post<any>('apps/secret-app/addons', {json: {plan: 'kv:free'}, headers: {'accept-expansion': 'addon_service,plan', 'x-heroku-legacy-provider-messages': 'true'}}))
    const second = await keep(p.api.post<any>('apps/secret-app/addons', {json: {plan: 'kv:free'}}))
    const config = (await p.api.get<Record<string, string>>('apps/secret-app/config-vars')).body
    const tokens = [first, second].map((addon) => {
      const name = addon.config_vars[0] as string
      return new URL(config[name]).username
    })
    for (const token of tokens) assert.match(token, /^[0-9a-f]{48}$/)
    assert.notEqual(tokens[0], tokens[1])

    await keep(p.api.get(`addons/${first.id}`, {headers: {'accept-expansion': 'addon_service,plan'}}))
    await keep(p.api.get('apps/secret-app/addons'))
    await keep(p.api.get('apps/secret-app/addon-attachments', {headers: {'accept-inclusion': 'config_vars,addon:plan'}}))
    await keep(p.api.patch(`apps/secret-app/addons/${first.id}`, {json: {plan: 'kv:mini'}, headers: {'x-heroku-legacy-provider-messages': 'true'}}))
    await keep(p.api.get('apps/secret-app/releases'))
    await keep(p.api.get(`apps/secret-app/addons/${first.id}/sso`))
    await keep(p.api.delete(`apps/secret-app/addons/${second.id}`))
    const shown = JSON.stringify(bodies) + lines.join('\n')
    for (const token of tokens) assert.ok(!shown.includes(token), `token ${token} shown outside the config var`)
  })
})
