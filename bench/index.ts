// `npm run bench`: CLI start-up, the platform's API and provisioning, the built-in providers, then
// scale-out (several instances, full apps, the shared rate limit), then the app's log stream.
// Each bench prints its figures beside the reference or target measured in the same run.
import {benchApply} from './apply.js'
import {benchBilling} from './billing.js'
import {benchCli} from './cli.js'
import {benchCompletion} from './completion.js'
import {benchDashboard} from './dashboard.js'
import {benchLogs} from './logs.js'
import benchPlatform from './platform.js'
import {benchProviders} from './providers.js'
import {benchScaleOut} from './scale-out.js'
import {type BenchRow, formatTable} from './table.js'
import {benchWebhooks} from './webhooks.js'

const benches: [string, () => Promise<BenchRow[]>][] = [
  ['CLI start-up (medians; built bin/run.js, NODE_ENV=production)', benchCli],
  ['addons:apply on an app that already matches its app.json (requests seen on the wire; medians)', benchApply],
  ['Shell completion: one TAB (medians; built bin/run.js, NODE_ENV=production)', benchCompletion],
  ['Platform API and provisioning', benchPlatform],
  ['Built-in providers', benchProviders],
  ['Scale-out: creates, rate limit, queries per request, instances (PostgreSQL rows need ADDONKIT_BENCH_DATABASE_URL or ADDONKIT_TEST_DATABASE_URL)', benchScaleOut],
  ['Logs: Logplex input, tail latency, `addonkit logs` (PostgreSQL rows need ADDONKIT_BENCH_DATABASE_URL or ADDONKIT_TEST_DATABASE_URL)', benchLogs],
  ['Webhooks: notify latency, deliveries/s to 8 receivers, config:set with 10 webhooks vs none (PostgreSQL rows need ADDONKIT_BENCH_DATABASE_URL or ADDONKIT_TEST_DATABASE_URL)', benchWebhooks],
  ['Dashboard: Resources of an app with 1,000 add-ons (server time), weight of each page type with its scripts and styles', benchDashboard],
  ['Billing: the current invoice of an account with 10,000 add-ons and 100,000 usage reports, `addonkit billing` (PostgreSQL rows need ADDONKIT_BENCH_DATABASE_URL or ADDONKIT_TEST_DATABASE_URL)', benchBilling],
]

let failed = false
for (const [title, bench] of benches) {
  try {
    console.log(`${formatTable(title, await bench())}\n`)
  } catch (error) {
    failed = true
    console.log(`=== ${title}\nfailed: ${error instanceof Error ? error.message : String(error)}\n`)
  }
}
process.exit(failed ? 1 : 0)
