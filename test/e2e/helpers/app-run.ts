// `addonkit run --app APP -- node -e SCRIPT`, spawned as a user would type it: the CLI reads the app's
// config vars from the platform (which lives in this process, so the child must not block it) and the
// script consumes the add-ons with their ordinary clients, resolved from the project's node_modules.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cleanEnv, runNode} from '../../bin/spawn.js'
import {ROOT} from '../../helpers/cli.js'
import {TEST_TOKEN} from './platform.js'

export interface AppRunner {
  // runs SCRIPT (CommonJS; may await) inside `addonkit run`, and returns what it printed last as JSON
  json<T>(app: string, script: string): Promise<T>
  close(): void
}

export function appRunner(platformUrl: string): AppRunner {
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-e2e-cli-'))
  const env = cleanEnv({ADDONKIT_API_URL: platformUrl, ADDONKIT_API_KEY: TEST_TOKEN, ADDONKIT_DATA_DIR: dataDir, NODE_TEST_CONTEXT: undefined})
  return {
    async json<T>(app: string, script: string): Promise<T> {
      const wrapped = `(async () => {\n${script}\n})().then((result) => console.log(JSON.stringify(result)), (error) => { console.error(error); process.exit(1) })`
      const run = await runNode(['--import', 'tsx', 'bin/dev.js', 'run', '--app', app, '--', process.execPath, '-e', wrapped], env, ROOT)
      if (run.code !== 0) throw new Error(`addonkit run exited ${run.code}:\n${run.stdout}\n${run.stderr}`)
      const last = run.stdout.trimEnd().split('\n').at(-1) ?? ''
      return JSON.parse(last) as T
    },
    close: () => rmSync(dataDir, {recursive: true, force: true}),
  }
}

