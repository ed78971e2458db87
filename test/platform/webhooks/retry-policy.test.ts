import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {afterAttempt, backoffAfter, type AttemptFacts, type RetryPolicy} from '../../../src/platform/webhooks/delivery/retry-policy.js'

const HOUR = 3_600_000
const policy: RetryPolicy = {windowMs: 72 * HOUR, backoffMs: 5000}
const T0 = Date.parse('2026-01-01T00:00:00Z')
const facts = (over: Partial<AttemptFacts>): AttemptFacts => ({
  level: 'sync', succeeded: false, createdAtMs: T0, startedAtMs: T0, firstAttempt: true, finishedAtMs: T0 + 100, backoffMs: 5000, ...over,
})

describe('webhook retry policy', () => {
  test('the back-off doubles from its base and stops growing at an hour', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => backoffAfter(policy, n)), [5000, 10_000, 20_000, 40_000])
    assert.equal(backoffAfter(policy, 20), HOUR)
    assert.equal(backoffAfter(policy, 10_000), HOUR)
    assert.equal(backoffAfter({windowMs: 1000, backoffMs: 20}, 3), 80)
  })

  test('success ends a delivery at once, whatever its level', () => {
    assert.deepEqual(afterAttempt(policy, facts({succeeded: true})), {status: 'succeeded', nextAttemptAtMs: null})
    assert.deepEqual(afterAttempt(policy, facts({succeeded: true, level: 'notify'})), {status: 'succeeded', nextAttemptAtMs: null})
  })

  test('notify: one attempt, so a failure is final', () => {
    assert.deepEqual(afterAttempt(policy, facts({level: 'notify'})), {status: 'failed', nextAttemptAtMs: null})
  })

  test('sync: a failure is scheduled again after the back-off, within the window', () => {
    assert.deepEqual(afterAttempt(policy, facts({})), {status: 'scheduled', nextAttemptAtMs: T0 + 100 + 5000})
    const late = facts({firstAttempt: false, startedAtMs: T0 + 72 * HOUR - 10_000, finishedAtMs: T0 + 72 * HOUR - 9000, backoffMs: 8000})
    assert.equal(afterAttempt(policy, late).status, 'scheduled')
  })

  test('sync: the next attempt would fall after the window: failed', () => {
    const last = facts({firstAttempt: false, startedAtMs: T0 + 72 * HOUR - 2000, finishedAtMs: T0 + 72 * HOUR - 1000, backoffMs: 5000})
    assert.deepEqual(afterAttempt(policy, last), {status: 'failed', nextAttemptAtMs: null})
  })

  test('a first attempt made only after the window ended (the platform was down) that fails is skipped', () => {
    const down = facts({startedAtMs: T0 + 80 * HOUR, finishedAtMs: T0 + 80 * HOUR + 50})
    assert.deepEqual(afterAttempt(policy, down), {status: 'skipped', nextAttemptAtMs: null})
    assert.equal(afterAttempt(policy, {...down, succeeded: true}).status, 'succeeded')
  })
})
