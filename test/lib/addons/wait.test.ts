import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {ApiClient} from '../../../src/lib/api/client.js'
import {waitForAddon, waitIntervalMs} from '../../../src/lib/addons/wait.js'
import {API} from '../../helpers/cli.js'
import {addon} from './fakes.js'

const api = new ApiClient({target: {url: API, token: 't', source: 'env'}, retries: 0})
const pending = addon('slow-redis', {state: 'provisioning'})
const path = `/apps/example-app/addons/${pending.id}`

describe('waitForAddon', () => {
  afterEach(() => nock.cleanAll())

  it('returns at once for an add-on that is not pending', async () => {
    const done = addon('fast-redis')
    assert.equal(await waitForAddon(api, 'example-app', done, {intervalMs: 0}), done)
  })

  it('polls with the expansion header until the state settles, reporting each read', async () => {
    const scope = nock(API)
      .get(path)
      .matchHeader('accept-expansion', 'addon_service,plan')
      .reply(200, pending)
      .get(path)
      .matchHeader('accept-expansion', 'addon_service,plan')
      .reply(200, {...pending, state: 'provisioned'})
    const seen: string[] = []
    const result = await waitForAddon(api, 'example-app', pending, {intervalMs: 0, onState: (a) => seen.push(a.state)})
    assert.equal(result.state, 'provisioned')
    assert.deepEqual(seen, ['provisioning', 'provisioned'])
    scope.done()
  })

  it('treats a 404 as deprovisioned and passes other errors on', async () => {
    const scope = nock(API)
      .get(path)
      .reply(404, {id: 'not_found', message: 'gone', resource: 'add_on'})
      .get(path)
      .reply(503, {id: 'unavailable', message: 'The API is temporarily unavailable.'})
    assert.equal((await waitForAddon(api, 'example-app', pending, {intervalMs: 0})).state, 'deprovisioned')
    await assert.rejects(waitForAddon(api, 'example-app', pending, {intervalMs: 0}), /temporarily unavailable/)
    scope.done()
  })

  it('takes the interval from ADDONKIT_WAIT_INTERVAL_MS, else 5 s', () => {
    assert.equal(waitIntervalMs({ADDONKIT_WAIT_INTERVAL_MS: '1'}), 1)
    assert.equal(waitIntervalMs({}), 5000)
    assert.equal(waitIntervalMs({ADDONKIT_WAIT_INTERVAL_MS: 'soon'}), 5000)
  })
})
