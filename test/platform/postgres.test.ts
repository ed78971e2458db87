import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {test} from 'node:test'

// The integration suite again, on PostgreSQL, when CI provides ADDONKIT_TEST_DATABASE_URL
// (a database the test role may create schemas in; each platform gets a fresh schema).
const url = process.env.ADDONKIT_TEST_DATABASE_URL
const files = ['walkthrough', 'provisioning-faults', 'async-and-concurrency', 'crash-recovery', 'conventions', 'credentials', 'hashed-credentials', 'size-limits', 'contract/platform-api', 'default-aliases', 'releases', 'release-counters', 'domains', 'logs/drains/delivery', 'logs/drains/drains-api', 'logs/drains/addon-drains', 'logs/log-input', 'logs/log-sessions', 'logs/log-stream', 'logs/batches-migration', 'logs/run-output', 'webhooks/subscriptions', 'webhooks/delivery', 'webhooks/events', 'webhooks/crash', 'webhooks/fan-out', 'webhooks/under-load', 'contract/webhooks', 'partner-reads', 'app-setups', 'contract/app-setups', 'billing/money', 'billing/proration', 'billing/usage', 'billing/metered-plans', 'billing/migration', 'contract/invoices', 'dashboard/routes', 'dashboard/pages', 'dashboard/sessions'].map((f) => `test/platform/${f}.test.ts`)

test('integration suite on PostgreSQL', {skip: url ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: PostgreSQL run skipped'}, () => {
  if (process.env.ADDONKIT_PLATFORM_DB === 'pg') return
  // NODE_TEST_CONTEXT would make the child report to this runner instead of running its own
  const {NODE_TEST_CONTEXT: _ignored, ...env} = process.env
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', ...files], {
    env: {...env, ADDONKIT_PLATFORM_DB: 'pg'},
    encoding: 'utf8',
    // the files run one after another in the child: minutes, not seconds
    timeout: 600_000,
  })
  const why = run.signal ? `stopped by ${run.signal} (time-out?)` : `exit ${run.status}`
  assert.equal(run.status, 0, `PostgreSQL run failed (${why}):\n${run.stdout}\n${run.stderr}`)
})
