import assert from 'node:assert/strict'
import {test} from 'node:test'
import {addonChangesSince, addonChangeWarning, previousEligible, rollbackWarnings} from '../../../src/lib/releases/rollback.js'
import {releaseRefArg} from '../../../src/lib/releases/version-arg.js'
import {fakeRelease} from './fakes.js'

test('add-on changes since a release: plans attached and removed, sorted', () => {
  assert.deepEqual(addonChangesSince(['kv:free', 'heroku-redis:mini'], ['heroku-redis:mini', 'papertrail:choklad', 'a:b']), {attached: ['a:b', 'papertrail:choklad'], removed: ['kv:free']})
  assert.deepEqual(addonChangesSince(['x:y'], ['x:y']), {attached: [], removed: []})
})

test('the add-on warning: one line, or none when nothing changed', () => {
  assert.equal(addonChangeWarning(3, {attached: ['heroku-redis:mini'], removed: ['kv:free']}), 'Warning: rollback does not affect add-ons; attached since v3: heroku-redis:mini; removed since v3: kv:free.')
  assert.equal(addonChangeWarning(3, {attached: [], removed: ['kv:free', 'z:z']}), 'Warning: rollback does not affect add-ons; removed since v3: kv:free, z:z.')
  assert.equal(addonChangeWarning(3, {attached: [], removed: []}), undefined)
})

test('the default target: the newest eligible release older than the current one', () => {
  const current = fakeRelease(5, {current: true})
  assert.equal(previousEligible([current, fakeRelease(4), fakeRelease(3)])?.version, 4)
  assert.equal(previousEligible([fakeRelease(3), fakeRelease(4, {eligible_for_rollback: false}), current])?.version, 3)
  // a release newer than the current one (never the case here, but the list says which is current)
  assert.equal(previousEligible([fakeRelease(6), current, fakeRelease(4)])?.version, 4)
  assert.equal(previousEligible([current, fakeRelease(4, {eligible_for_rollback: false})]), undefined)
  assert.equal(previousEligible([current]), undefined)
  assert.equal(previousEligible([]), undefined)
})

test('the confirmation names the app and the version', () => {
  assert.deepEqual(rollbackWarnings('example-app', 3), ['Rolling back example-app to v3 replaces its config vars with those of v3.', 'Add-ons and their config vars stay as they are.'])
})

test('release argument: vN, N or a release id; anything else is a usage error', () => {
  assert.equal(releaseRefArg('v12'), '12')
  assert.equal(releaseRefArg('12'), '12')
  assert.equal(releaseRefArg('V007'), '7')
  assert.equal(releaseRefArg('00000000-0000-4000-8000-00000000000A'), '00000000-0000-4000-8000-00000000000a')
  for (const bad of ['v0', 'latest', 'v1.2', '../1', '']) assert.throws(() => releaseRefArg(bad), (error: Error & {exitCode?: number}) => error.exitCode === 2 && /is not a release: give a version such as v5, or a release id\.$/.test(error.message), bad)
})
