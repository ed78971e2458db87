// Runs every test/**/*.test.ts with node's own test runner (Node 20's --test takes no globs).
// Usage: node scripts/test.js [path-fragment ...] to run only the files whose path contains a fragment.
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'

const filters = process.argv.slice(2)
const files = readdirSync('test', {recursive: true})
  .map((f) => join('test', String(f)))
  .filter((f) => f.endsWith('.test.ts') && !f.includes('fixtures'))
  .filter((f) => filters.length === 0 || filters.some((frag) => f.includes(frag)))
  .sort()
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {stdio: 'inherit', env: {...process.env, NODE_ENV: 'test'}})
process.exit(result.status ?? 1)
