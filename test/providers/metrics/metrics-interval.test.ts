import assert from 'node:assert/strict'
import {test} from 'node:test'
import {metricsIntervalMs} from '../../../src/providers/builtin/metrics/metrics-interval.js'

test('the metrics interval: the option, else ADDONKIT_METRICS_INTERVAL_MS, else a minute; bad values refused by name', () => {
  assert.equal(metricsIntervalMs(undefined, {}), 60_000)
  assert.equal(metricsIntervalMs(undefined, {ADDONKIT_METRICS_INTERVAL_MS: '1500'}), 1500)
  assert.equal(metricsIntervalMs(undefined, {ADDONKIT_METRICS_INTERVAL_MS: '0'}), 0)
  assert.equal(metricsIntervalMs(2000, {ADDONKIT_METRICS_INTERVAL_MS: '1500'}), 2000)
  for (const bad of ['1m', '-5', '50', '1.5']) {
    assert.throws(() => metricsIntervalMs(undefined, {ADDONKIT_METRICS_INTERVAL_MS: bad}), {
      message: `ADDONKIT_METRICS_INTERVAL_MS ("${bad}") must be a whole number of milliseconds, 100 or more (or 0 for no metrics lines)`,
    })
  }
  assert.throws(() => metricsIntervalMs(10), /the metrics interval must be a whole number of milliseconds/)
})
