import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {runCli} from '../helpers/cli.js'

// oclif's parse errors span several lines; users get one that names what is missing, and exit 2.
describe('usage errors', () => {
  const cases: [string[], string][] = [
    [['addons:upgrade'], 'Error: Missing required arguments: ADDON, PLAN\n'],
    [['addons:create'], 'Error: Missing required argument: SERVICE\n'],
    [['config:get', '--app', 'example-app'], 'Error: Missing required argument: KEY\n'],
    [['spaces:create', 'example-space'], 'Error: Missing required flag region\n'],
    [['config', '--app', 'example-app', '--nope'], 'Error: Nonexistent flag: --nope\n'],
    [['platform:start', '--port', 'abc'], 'Error: Parsing --port: Expected an integer but received: abc\n'],
  ]
  for (const [argv, expected] of cases) {
    it(argv.join(' '), async () => {
      const {stderr, exitCode} = await runCli(argv)
      assert.equal(stderr, expected)
      assert.equal(exitCode, 2)
    })
  }
})
