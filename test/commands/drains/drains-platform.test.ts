import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {cleanEnv, runNode} from '../../bin/spawn.js'
import {ROOT} from '../../helpers/cli.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../../platform/helpers.js'
import {startLogProvider, type LogProvider} from '../../platform/logs/log-provider.js'

// The drains commands as a user types them (bin/dev.js in a child process), against a real
// platform with an add-on that reads the app's logs.
describe('drains commands against the platform', () => {
  let provider: LogProvider
  let p: TestPlatform
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-drains-cli-'))
  const addonkit = (...args: string[]) =>
    runNode(['--import', 'tsx', 'bin/dev.js', ...args], cleanEnv({ADDONKIT_API_URL: p.url, ADDONKIT_API_KEY: OWNER.apiKey, ADDONKIT_DATA_DIR: dataDir, NODE_TEST_CONTEXT: undefined}), ROOT)

  before(async () => {
    provider = await startLogProvider()
    provider.drainUrl = 'https://127.0.0.1:9/loggy-drain'
    p = await startTestPlatform([provider.manifest])
    await p.api.post('apps', {json: {name: 'cli-drained'}})
    const created = await p.api.post('apps/cli-drained/addons', {json: {plan: 'loggy:big', name: 'reading-loggy'}})
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
  })
  after(async () => {
    await p?.close()
    await provider?.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  it('adds a drain, lists both kinds, refuses to remove the add-on\'s, removes the user\'s by token', async () => {
    const added = await addonkit('drains:add', 'https://127.0.0.1:9/mine', '--app', 'cli-drained')
    assert.equal(added.code, 0, added.stderr)
    assert.equal(added.stdout, 'Successfully added drain https://127.0.0.1:9/mine\n')
    const drains = (await p.api.get<Array<{url: string; token: string; addon: unknown}>>('apps/cli-drained/log-drains')).body
    const mine = drains.find((d) => d.addon === null)!
    const theirs = drains.find((d) => d.addon !== null)!
    const listed = await addonkit('drains', '--app', 'cli-drained')
    assert.equal(listed.code, 0, listed.stderr)
    assert.equal(listed.stdout, `=== Drains\nhttps://127.0.0.1:9/mine (${mine.token})\n\n=== Add-on Drains\nloggy:big (reading-loggy)\n`)
    const refused = await addonkit('drains:remove', theirs.url, '--app', 'cli-drained')
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr, `Error: The log drain ${theirs.token} belongs to the add-on reading-loggy: it can only be removed by destroying the add-on.\n`)
    const removed = await addonkit('drains:remove', mine.token, '--app', 'cli-drained')
    assert.equal(removed.code, 0, removed.stderr)
    assert.equal(removed.stdout, 'Successfully removed drain https://127.0.0.1:9/mine\n')
    const json = await addonkit('drains', '--app', 'cli-drained', '--json')
    assert.deepEqual(JSON.parse(json.stdout).map((d: {token: string}) => d.token), [theirs.token])
  })
})
