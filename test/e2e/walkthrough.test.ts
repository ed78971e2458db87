// Issue 4: the add-ons overview walkthrough (seed), replayed through addonkit's own CLI against the
// real platform and a heroku-redis-like provider. Every line a user sees is checked; generated names
// and config values are captured as they appear. The seed creates important-redis twice in separate
// demos: here the first one is destroyed (by its alias) before the second is created.
import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {runCli, type RunOptions, type RunResult} from '../helpers/cli.js'
import {startRedisLikeProvider, type SeedProvider} from '../fixtures/seed/redis-like-provider.js'
import {startE2EPlatform, type E2EPlatform} from './helpers/platform.js'
import {addonsListing, configListing, lines} from './helpers/text.js'

const MINI = 'heroku-redis:mini'
const PRICE = '$3/month'

function walkthrough(store: string, databaseUrl: string | undefined, skip: string | false) {
  describe(`the add-ons overview walkthrough through the CLI (${store} store)`, {skip}, () => {
    let provider: SeedProvider
    let p: E2EPlatform
    // the next release of each app, counted by the test: every config change is one release
    const version = {'example-app': 0, 'example-tasker': 0}
    // each add-on's REDIS_URL value, as the provider gave it
    const urls: Record<string, string> = {}
    const names = {shining: '', sighing: '', cooling: ''}

    const cli = (argv: string[], options: RunOptions = {}): Promise<RunResult> => runCli(argv, {url: p.url, ...options})
    const release = (app: keyof typeof version) => `v${++version[app]}`
    const rawConfig = (app: string) => p.get<Record<string, string>>(`/apps/${app}/config-vars`)

    // `addons:create heroku-redis`: the three seed lines, the generated (or given) name, and its URL.
    async function create(alias: string, extra: string[] = []): Promise<string> {
      const {stdout, stderr, exitCode} = await cli(['addons:create', 'heroku-redis', '--app', 'example-app', ...extra])
      assert.equal(exitCode, 0, stderr)
      const name = /^Creating (\S+)\.\.\. /.exec(stderr)?.[1] ?? ''
      assert.equal(
        stderr,
        lines(
          `Creating ${name}... done, (${PRICE})`,
          `Adding ${name} to example-app... done`,
          `Setting ${alias}_URL and restarting example-app... done, ${release('example-app')}`,
        ),
      )
      // the seed's provider gives no message, so nothing is printed on stdout
      assert.equal(stdout, '')
      urls[name] = (await rawConfig('example-app'))[`${alias}_URL`]
      assert.match(urls[name], /^redis:\/\/h:p[0-9a-f]+@127\.0\.0\.1:\d+$/)
      return name
    }

    async function assertListing(app: string, resources: string[], attachments: Array<[string, string, string]>) {
      const {stdout, stderr, exitCode} = await cli(['addons', '--app', app])
      assert.equal(stderr, '')
      assert.equal(exitCode, 0)
      assert.equal(stdout, addonsListing(app, resources.map((name) => [MINI, name, PRICE]), attachments))
    }

    async function assertConfig(app: string, vars: Record<string, string>) {
      const {stdout, exitCode} = await cli(['config', '--app', app])
      assert.equal(exitCode, 0)
      assert.equal(stdout, configListing(vars))
    }

    before(async () => {
      provider = await startRedisLikeProvider()
      p = await startE2EPlatform({manifests: [provider.manifest], builtinProviders: false, postgresStore: databaseUrl})
    })
    after(async () => {
      await p?.close()
      await provider?.close()
    })

    test('apps:create example-app and example-tasker', async () => {
      for (const app of ['example-app', 'example-tasker']) {
        const {stdout, stderr, exitCode} = await cli(['apps:create', app])
        assert.equal(exitCode, 0, stderr)
        assert.equal(stderr, `Creating ${app}... done\n`)
        assert.equal(stdout, `http://${app}.localhost/ | http://git.localhost/${app}.git\n`)
      }
    })

    test('addons:create heroku-redis: a generated name, the REDIS alias and REDIS_URL', async () => {
      names.shining = await create('REDIS')
      assert.match(names.shining, /^redis-[a-z]+-\d{5}$/)
      await assertListing('example-app', [names.shining], [['REDIS', names.shining, 'example-app']])
      await assertConfig('example-app', {REDIS_URL: urls[names.shining]})
    })

    test('addons:destroy NAME --confirm example-app removes the add-on and REDIS_URL', async () => {
      const {stdout, stderr, exitCode} = await cli(['addons:destroy', names.shining, '--confirm', 'example-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(
          `Destroying ${names.shining} on example-app... done, (${PRICE})`,
          `Removing vars for REDIS from example-app and restarting... done, ${release('example-app')}`,
        ),
      )
      assert.equal(stdout, '')
      await assertListing('example-app', [], [])
      assert.deepEqual(await rawConfig('example-app'), {})
    })

    test('--name important-redis, and the name cannot be taken twice', async () => {
      await create('REDIS', ['--name', 'important-redis'])
      await assertListing('example-app', ['important-redis'], [['REDIS', 'important-redis', 'example-app']])
      const taken = await cli(['addons:create', 'heroku-redis', '--app', 'example-app', '--name', 'important-redis', '--as', 'BROKER'])
      assert.equal(taken.stderr, 'Error: Name important-redis is already taken.\n')
      assert.equal(taken.exitCode, 1)
      assert.deepEqual(await rawConfig('example-app'), {REDIS_URL: urls['important-redis']})
    })

    test('addons:destroy by alias, then --name important-redis --as BROKER sets BROKER_URL only', async () => {
      const destroyed = await cli(['addons:destroy', 'REDIS', '--app', 'example-app', '--confirm', 'example-app'])
      assert.equal(
        destroyed.stderr,
        lines(
          `Destroying important-redis on example-app... done, (${PRICE})`,
          `Removing vars for REDIS from example-app and restarting... done, ${release('example-app')}`,
        ),
      )
      await create('BROKER', ['--name', 'important-redis', '--as', 'BROKER'])
      await assertConfig('example-app', {BROKER_URL: urls['important-redis']})
    })

    test('addons:attach important-redis --as SESSION_STORE: a second alias with the same value', async () => {
      const {stderr, exitCode} = await cli(['addons:attach', 'important-redis', '--app', 'example-app', '--as', 'SESSION_STORE'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(
          'Attaching important-redis as SESSION_STORE to example-app... done',
          `Setting SESSION_STORE vars and restarting example-app... done, ${release('example-app')}`,
        ),
      )
      await assertListing(
        'example-app',
        ['important-redis'],
        [
          ['BROKER', 'important-redis', 'example-app'],
          ['SESSION_STORE', 'important-redis', 'example-app'],
        ],
      )
      await assertConfig('example-app', {BROKER_URL: urls['important-redis'], SESSION_STORE_URL: urls['important-redis']})
    })

    test('addons:attach important-redis --app example-tasker --as BROKER shares the add-on', async () => {
      const {stderr, exitCode} = await cli(['addons:attach', 'important-redis', '--app', 'example-tasker', '--as', 'BROKER'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(
          'Attaching important-redis as BROKER to example-tasker... done',
          `Setting BROKER vars and restarting example-tasker... done, ${release('example-tasker')}`,
        ),
      )
      await assertListing('example-tasker', [], [['BROKER', 'important-redis', 'example-app']])
      await assertConfig('example-tasker', {BROKER_URL: urls['important-redis']})
    })

    test('addons:attach example-app::BROKER --app example-tasker resolves the alias on the other app', async () => {
      const attached = await cli(['addons:attach', 'example-app::BROKER', '--as', 'SESSION_STORE', '--app', 'example-tasker'])
      assert.equal(
        attached.stderr,
        lines(
          'Attaching important-redis as SESSION_STORE to example-tasker... done',
          `Setting SESSION_STORE vars and restarting example-tasker... done, ${release('example-tasker')}`,
        ),
      )
      const detached = await cli(['addons:detach', 'SESSION_STORE', '--app', 'example-tasker'])
      assert.equal(
        detached.stderr,
        lines(
          'Removing SESSION_STORE attachment to important-redis from example-tasker... done',
          `Unsetting SESSION_STORE vars and restarting example-tasker... done, ${release('example-tasker')}`,
        ),
      )
      await assertConfig('example-tasker', {BROKER_URL: urls['important-redis']})
    })

    test('a second heroku-redis takes REDIS, a third the colour alias HEROKU_REDIS_ROSE', async () => {
      names.sighing = await create('REDIS')
      names.cooling = await create('HEROKU_REDIS_ROSE')
      assert.notEqual(names.sighing, names.cooling)
      assert.notEqual(urls[names.sighing], urls[names.cooling])
    })

    test('addons:attach SIGHING --as BROKER without a TTY or --confirm is refused and changes nothing', async () => {
      const before = await rawConfig('example-app')
      const {stdout, stderr, exitCode, asked} = await cli(['addons:attach', names.sighing, '--as', 'BROKER', '--app', 'example-app'])
      assert.deepEqual(asked, [])
      assert.equal(stdout, '')
      // the progress line fails with "!", then one line naming the flag that confirms
      assert.equal(
        stderr,
        lines(
          `Attaching ${names.sighing} as BROKER to example-app... !`,
          `Error: ${names.sighing} will overwrite BROKER_URL on example-app: re-run this command with --confirm example-app`,
        ),
      )
      assert.equal(exitCode, 2)
      assert.deepEqual(await rawConfig('example-app'), before)
    })

    test('addons:attach SIGHING --as BROKER on a TTY: a wrong answer refuses and changes nothing', async () => {
      const before = await rawConfig('example-app')
      const {stderr, exitCode, asked} = await cli(['addons:attach', names.sighing, '--as', 'BROKER', '--app', 'example-app'], {
        tty: true,
        answers: ['example-tasker'],
      })
      assert.equal(
        stderr,
        lines(
          `Attaching ${names.sighing} as BROKER to example-app...`,
          ` !    ${names.sighing} will overwrite BROKER_URL on example-app.`,
          ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
          'Error: Confirmation did not match example-app. Aborted.',
        ),
      )
      assert.deepEqual(asked, ['>'])
      assert.equal(exitCode, 2)
      assert.deepEqual(await rawConfig('example-app'), before)
    })

    test('addons:attach SIGHING --as BROKER on a TTY, confirmed by typing example-app, moves BROKER', async () => {
      const {stderr, exitCode, asked} = await cli(['addons:attach', names.sighing, '--as', 'BROKER', '--app', 'example-app'], {
        tty: true,
        answers: ['example-app'],
      })
      assert.equal(
        stderr,
        lines(
          `Attaching ${names.sighing} as BROKER to example-app...`,
          ` !    ${names.sighing} will overwrite BROKER_URL on example-app.`,
          ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
          `Attaching ${names.sighing} as BROKER to example-app... done`,
          `Setting BROKER vars and restarting example-app... done, ${release('example-app')}`,
        ),
      )
      assert.deepEqual(asked, ['>'])
      assert.equal(exitCode, 0)
      await assertListing(
        'example-app',
        [names.cooling, 'important-redis', names.sighing],
        [
          ['BROKER', names.sighing, 'example-app'],
          ['HEROKU_REDIS_ROSE', names.cooling, 'example-app'],
          ['REDIS', names.sighing, 'example-app'],
          ['SESSION_STORE', 'important-redis', 'example-app'],
        ],
      )
      await assertConfig('example-app', {
        BROKER_URL: urls[names.sighing],
        HEROKU_REDIS_ROSE_URL: urls[names.cooling],
        REDIS_URL: urls[names.sighing],
        SESSION_STORE_URL: urls['important-redis'],
      })
      // the tasker's BROKER still points at important-redis
      await assertConfig('example-tasker', {BROKER_URL: urls['important-redis']})
    })

    test('addons:detach REDIS removes only that alias', async () => {
      const {stderr, exitCode} = await cli(['addons:detach', 'REDIS', '--app', 'example-app'])
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(
          `Removing REDIS attachment to ${names.sighing} from example-app... done`,
          `Unsetting REDIS vars and restarting example-app... done, ${release('example-app')}`,
        ),
      )
    })

    test('addons:destroy COOLING: refused without a TTY, then confirmed at the prompt as in the seed', async () => {
      const before = await rawConfig('example-app')
      const refused = await cli(['addons:destroy', names.cooling])
      assert.equal(refused.stderr, 'Error: WARNING: Destructive Action: re-run this command with --confirm example-app\n')
      assert.equal(refused.exitCode, 2)
      assert.deepEqual(await rawConfig('example-app'), before)

      const {stderr, exitCode, asked} = await cli(['addons:destroy', names.cooling], {tty: true, answers: ['example-app']})
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stderr,
        lines(
          ' !    WARNING: Destructive Action',
          ' !    This command will affect the app: example-app',
          // not in the seed: addonkit names what goes with the add-on, so an alias is not mistaken for it
          ` !    ${names.cooling} takes with it: HEROKU_REDIS_ROSE (HEROKU_REDIS_ROSE_URL) on example-app`,
          ' !    To proceed, type "example-app" or re-run this command with --confirm example-app',
          `Destroying ${names.cooling} on example-app... done, (${PRICE})`,
          `Removing vars for HEROKU_REDIS_ROSE from example-app and restarting... done, ${release('example-app')}`,
        ),
      )
      assert.deepEqual(asked, ['>'])
    })

    test('the final listings and config of example-app and example-tasker', async () => {
      await assertListing(
        'example-app',
        ['important-redis', names.sighing],
        [
          ['BROKER', names.sighing, 'example-app'],
          ['SESSION_STORE', 'important-redis', 'example-app'],
        ],
      )
      await assertListing('example-tasker', [], [['BROKER', 'important-redis', 'example-app']])
      await assertConfig('example-app', {BROKER_URL: urls[names.sighing], SESSION_STORE_URL: urls['important-redis']})
      await assertConfig('example-tasker', {BROKER_URL: urls['important-redis']})
    })

    test('clean-up: destroying the rest leaves both apps without add-ons or vars', async () => {
      const shared = await cli(['addons:destroy', 'important-redis', '--confirm', 'example-app'])
      assert.notEqual(shared.exitCode, 0)
      assert.match(shared.stderr, /important-redis is attached to other apps \(example-tasker\)/)
      const forced = await cli(['addons:destroy', 'important-redis', names.sighing, '--force', '--confirm', 'example-app'])
      assert.equal(forced.exitCode, 0, forced.stderr)
      await assertListing('example-app', [], [])
      await assertListing('example-tasker', [], [])
      assert.deepEqual(await rawConfig('example-app'), {})
      assert.deepEqual(await rawConfig('example-tasker'), {})
    })
  })
}

const databaseUrl = process.env.ADDONKIT_TEST_DATABASE_URL
walkthrough('SQLite', undefined, false)
walkthrough('PostgreSQL', databaseUrl, databaseUrl ? false : 'ADDONKIT_TEST_DATABASE_URL is not set: the walkthrough on the PostgreSQL store is skipped')
