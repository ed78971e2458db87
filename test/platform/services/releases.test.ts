import assert from 'node:assert/strict'
import {test} from 'node:test'
import {PlatformError} from '../../../src/platform/services/errors.js'
import {recordedConfig, releaseRef, restoredUserVars, rollbackDescription} from '../../../src/platform/services/releases.js'
import {eligibleForRollback} from '../../../src/platform/services/rollback-eligibility.js'

test('eligible for rollback: a release that recorded its config vars, none before they were kept', () => {
  assert.equal(eligibleForRollback({config: '{}'}), true)
  assert.equal(eligibleForRollback({config: '{"A":"1"}'}), true)
  assert.equal(eligibleForRollback({config: null}), false)
})

test('the rollback release says where it went, as Heroku does', () => {
  assert.equal(rollbackDescription(7), 'Rollback to v7')
})

test('release reference: a version as a number, digits or vN; anything else is an id', () => {
  assert.deepEqual(releaseRef(3), {version: 3})
  assert.deepEqual(releaseRef('3'), {version: 3})
  assert.deepEqual(releaseRef('v12'), {version: 12})
  assert.deepEqual(releaseRef('V12'), {version: 12})
  assert.deepEqual(releaseRef('0b7e4c4e-1d5a-4c38-9a55-6f1f4d1c2e3a'), {id: '0b7e4c4e-1d5a-4c38-9a55-6f1f4d1c2e3a'})
  for (const missing of [undefined, null, '', 0, -1, 1.5, {}]) {
    assert.throws(() => releaseRef(missing), (error: unknown) => error instanceof PlatformError && error.status === 422 && /^Pass the release to roll back to/.test(error.message), String(missing))
  }
})

test('recorded config: the vars, or a 422 naming the version when it was never recorded', () => {
  assert.deepEqual(recordedConfig({version: 4, config: '{"A":"1","B":""}'}), {A: '1', B: ''})
  assert.throws(() => recordedConfig({version: 2, config: null}), (error: unknown) =>
    error instanceof PlatformError && error.status === 422 && error.message === 'v2 did not record its config vars (it was made before releases kept them), so it cannot be rolled back to or shown.')
})

test('restored user vars: the recorded ones, except names an attachment owns now', () => {
  const recorded = {CACHE_URL: 'mine', FOO: 'bar', REDIS: 'also-mine'}
  assert.deepEqual(restoredUserVars(recorded, new Set(['CACHE_URL', 'REDIS_URL'])), {FOO: 'bar', REDIS: 'also-mine'})
  assert.deepEqual(restoredUserVars(recorded, new Set()), recorded)
  assert.deepEqual(restoredUserVars({}, new Set(['X'])), {})
})
