import {after, before, test} from 'node:test'
import {runCli} from '../helpers/cli.js'
import {startRedisLikeProvider, type SeedProvider} from '../fixtures/seed/redis-like-provider.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'

let provider: SeedProvider
let p: E2EPlatform
before(async () => {
  provider = await startRedisLikeProvider()
  p = await startE2EPlatform({manifests: [provider.manifest], builtinProviders: false})
})
after(async () => { await p?.close(); await provider?.close() })
test('scratch', async () => {
  const run = async (argv: string[], o: any = {}) => { const r = await runCli(argv, {url: p.url, ...o}); console.log('$', argv.join(' '), JSON.stringify(r)); return r }
  await run(['apps:create', 'example-app'])
  await run(['apps:create', 'example-tasker'])
  await run(['addons:create', 'heroku-redis', '-a', 'example-app'])
  await run(['addons', '-a', 'example-app'])
  await run(['config', '-a', 'example-app'])
  await run(['addons:create', 'heroku-redis', '-a', 'example-app', '--name', 'important-redis'])
  await run(['addons:create', 'heroku-redis', '-a', 'example-app', '--name', 'important-redis', '--as', 'BROKER'])
  await run(['addons:attach', 'important-redis', '-a', 'example-app', '--as', 'SESSION_STORE'])
  await run(['addons:attach', 'important-redis', '-a', 'example-tasker', '--as', 'BROKER'])
  await run(['addons:create', 'heroku-redis', '-a', 'example-app'])
  await run(['addons:attach', 'REDIS', '-a', 'example-app', '--as', 'BROKER'])
  await run(['addons:attach', 'REDIS', '-a', 'example-app', '--as', 'BROKER'], {tty: true, answers: ['nope']})
  await run(['addons:attach', 'REDIS', '-a', 'example-app', '--as', 'BROKER'], {tty: true})
  await run(['addons:attach', 'REDIS', '-a', 'example-app', '--as', 'BROKER'], {tty: true, answers: ['example-app']})
  await run(['addons:detach', 'REDIS', '-a', 'example-app'])
  await run(['addons:destroy', 'important-redis', '-a', 'example-app'])
  await run(['addons:destroy', 'important-redis', '--confirm', 'example-app'])
  await run(['addons', '-a', 'example-tasker'])
  await run(['config', '-a', 'example-tasker'])
})
