// provider:serve's metrics interval, as a user gives it: refused by name where it cannot apply.
import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'
import {cleanEnv, runNode} from '../../bin/spawn.js'
import {runCli} from '../../helpers/cli.js'
import {redisSkipReason} from '../../e2e/helpers/services.js'

const SERVE = ['--import', 'tsx', 'test/fixtures/providers/provider-serve.ts']
const root = mkdtempSync(join(tmpdir(), 'addonkit-serve-flags-'))
after(() => rmSync(root, {recursive: true, force: true}))

test('--metrics-interval is for redis and postgresql, a whole number of seconds', async () => {
  const kv = await runCli(['provider:serve', 'kv', '--metrics-interval', '5'])
  assert.deepEqual([kv.exitCode, kv.stderr], [2, 'Error: --metrics-interval is for the redis and postgresql services, not kv\n'])
  const negative = await runCli(['provider:serve', 'redis', '--metrics-interval', '-1'])
  assert.equal(negative.exitCode, 2)
  assert.match(negative.stderr, /Expected an integer greater than or equal to 0/)
})

test('an unusable ADDONKIT_METRICS_INTERVAL_MS: one line naming it, exit 1, nothing left listening', {skip: redisSkipReason}, async () => {
  const run = await runNode([...SERVE, 'redis', '--port', '0', '--data', join(root, 'redis')], cleanEnv({ADDONKIT_DATA_DIR: root, ADDONKIT_METRICS_INTERVAL_MS: 'often'}))
  assert.equal(run.code, 1)
  assert.equal(run.stderr, 'Error: ADDONKIT_METRICS_INTERVAL_MS ("often") must be a whole number of milliseconds, 100 or more (or 0 for no metrics lines)\n')
  assert.equal(run.stdout, '')
})
