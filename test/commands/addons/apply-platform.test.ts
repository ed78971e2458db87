import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {ApiClient} from '../../../src/lib/api/client.js'
import type {AppJson} from '../../../src/wire/app-json.js'
import {runCli, type RunOptions} from '../../helpers/cli.js'
import {startRequestLog, type RequestLog} from '../../helpers/request-log.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../../platform/helpers.js'

// addons:apply and addons:export against a real local platform, each request seen on the wire.
describe('addons:apply and addons:export on the local platform', () => {
  let provider: TestProvider
  let p: TestPlatform
  let wire: RequestLog
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-apply-'))
  const file = join(dir, 'app.json')

  const cli = (argv: string[], options: RunOptions = {}) => {
    wire.reset()
    return runCli(argv, {...options, deps: {api: new ApiClient({target: {url: wire.url, token: OWNER.apiKey, source: 'env'}, retries: 0})}})
  }
  const apply = (app: string, ...flags: string[]) => cli(['addons:apply', '--app', app, '--file', file, ...flags])
  const writeAppJson = (doc: AppJson) => writeFileSync(file, JSON.stringify(doc, null, 2))
  // each add-on of the app as ALIAS=plan (its first alias), and the app's vars
  const aliases = async (app: string) => {
    const addons = (await p.api.get<any[]>(`apps/${app}/addons`)).body
    const attachments = (await p.api.get<any[]>(`apps/${app}/addon-attachments`)).body
    return attachments.map((a) => `${a.name}=${addons.find((x) => x.id === a.addon.id).plan.name}`).sort()
  }
  const config = async (app: string) => (await p.api.get<Record<string, string>>(`apps/${app}/config-vars`)).body
  const nameOf = async (app: string, alias: string) => (await p.api.get<any>(`apps/${app}/addon-attachments/${alias}`)).body.addon.name as string
  const addonNamed = async (app: string, plan: string, alias: string) => {
    const created = await p.api.post<any>(`apps/${app}/addons`, {json: {plan, attachment: {name: alias}}})
    assert.equal(created.statusCode, 201, JSON.stringify(created.body))
    return created.body.name as string
  }
  // sorted by path, as `sorted` puts what was sent
  const READS = (app: string) => [
    {method: 'GET', path: `/apps/${app}/addon-attachments`},
    {method: 'GET', path: `/apps/${app}/addons`},
    {method: 'GET', path: `/apps/${app}/config-vars`},
  ]
  const latestVersion = async (app: string) => Math.max(...(await p.api.get<any[]>(`apps/${app}/releases`)).body.map((r) => r.version as number))
  const sorted = (requests: Array<{method: string; path: string}>) => [...requests].sort((a, b) => a.path.localeCompare(b.path))

  before(async () => {
    provider = await startTestProvider()
    p = await startTestPlatform([provider.manifest])
    wire = await startRequestLog(p.url)
    for (const name of ['review-app', 'faulty-app', 'source-app', 'copy-app', 'preview-app']) {
      assert.equal((await p.api.post('apps', {json: {name}})).statusCode, 201)
    }
  })
  after(async () => {
    await wire?.close()
    await p?.close()
    await provider?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  describe('one app, run after run', () => {
    const APP = 'review-app'

    it('a fresh app: the plan, then each step as the single commands print it', async () => {
      writeAppJson({
        name: 'Review app',
        addons: [{plan: 'heroku-redis:mini', as: 'BROKER'}, 'heroku-redis'],
        env: {SECRET_KEY: {generator: 'secret'}, RAILS_ENV: 'production', OPTIONAL: {required: false}},
      })
      const {stdout, stderr, exitCode} = await apply(APP)
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stdout,
        [
          '+ create heroku-redis:mini as BROKER',
          '+ create heroku-redis',
          '+ set SECRET_KEY (generated)',
          '+ set RAILS_ENV (from app.json)',
          'Applied 4 changes to review-app.',
          '',
        ].join('\n'),
      )
      const broker = await nameOf(APP, 'BROKER')
      const redis = await nameOf(APP, 'REDIS')
      assert.equal(
        stderr,
        [
          `Creating ${broker}... done, ($3/month)`,
          `Adding ${broker} to review-app... done`,
          'Setting BROKER_URL and restarting review-app... done, v1',
          'Your redis is ready.',
          `Creating ${redis}... done, ($3/month)`,
          `Adding ${redis} to review-app... done`,
          'Setting REDIS_URL and restarting review-app... done, v2',
          'Your redis is ready.',
          'Setting SECRET_KEY and RAILS_ENV and restarting review-app... done, v3',
          '',
        ].join('\n'),
      )
      assert.deepEqual(await aliases(APP), ['BROKER=heroku-redis:mini', 'REDIS=heroku-redis:mini'])
      const vars = await config(APP)
      assert.match(vars.SECRET_KEY, /^[0-9a-f]{64}$/)
      assert.equal(vars.RAILS_ENV, 'production')
      assert.ok(!('OPTIONAL' in vars))
      assert.ok(!stdout.includes(vars.SECRET_KEY) && !stderr.includes(vars.SECRET_KEY))
    })

    it('the same file again: no change, and only the three reads on the wire', async () => {
      const before = {aliases: await aliases(APP), config: await config(APP)}
      const {stdout, stderr, exitCode} = await apply(APP)
      assert.equal(exitCode, 0, stderr)
      assert.equal(
        stdout,
        [
          `= ${await nameOf(APP, 'BROKER')} (BROKER) heroku-redis:mini unchanged`,
          `= ${await nameOf(APP, 'REDIS')} (REDIS) heroku-redis:mini unchanged`,
          'No changes: 2 add-ons match app.json.',
          '',
        ].join('\n'),
      )
      assert.equal(stderr, '')
      assert.deepEqual(sorted(wire.requests), READS(APP))
      assert.deepEqual({aliases: await aliases(APP), config: await config(APP)}, before)
    })

    it('--dry-run shows a plan change and makes none; with --json, the plan as data', async () => {
      writeAppJson({addons: [{plan: 'heroku-redis:premium-0', as: 'BROKER'}, 'heroku-redis'], env: {SECRET_KEY: {generator: 'secret'}}})
      const broker = await nameOf(APP, 'BROKER')
      const dry = await apply(APP, '--dry-run')
      assert.equal(dry.exitCode, 0, dry.stderr)
      assert.equal(
        dry.stdout,
        [
          `~ plan ${broker} (BROKER): mini → premium-0`,
          `= ${await nameOf(APP, 'REDIS')} (REDIS) heroku-redis:mini unchanged`,
          'Dry run: 1 change planned for review-app, nothing changed.',
          '',
        ].join('\n'),
      )
      assert.deepEqual(wire.writes(), [])
      const json = await apply(APP, '--dry-run', '--json')
      assert.equal(json.exitCode, 0, json.stderr)
      const plan = JSON.parse(json.stdout)
      assert.deepEqual(plan.steps, [
        {action: 'change_plan', entry: 0, addon: {id: plan.steps[0].addon.id, name: broker, app: APP}, as: 'BROKER', from: 'heroku-redis:mini', to: 'heroku-redis:premium-0'},
      ])
      assert.equal(plan.applied, false)
      assert.deepEqual(wire.writes(), [])
      assert.deepEqual(await aliases(APP), ['BROKER=heroku-redis:mini', 'REDIS=heroku-redis:mini'])
    })

    it('a plan change is made as addons:upgrade makes it', async () => {
      const broker = await nameOf(APP, 'BROKER')
      const {stdout, stderr, exitCode} = await apply(APP)
      assert.equal(exitCode, 0, stderr)
      assert.equal(stdout.split('\n')[0], `~ plan ${broker} (BROKER): mini → premium-0`)
      assert.equal(stderr, `Changing ${broker} on review-app from heroku-redis:mini to heroku-redis:premium-0... done, ($15/month)\nNow on premium-0.\n`)
      assert.deepEqual(await aliases(APP), ['BROKER=heroku-redis:premium-0', 'REDIS=heroku-redis:mini'])
      assert.deepEqual(wire.writes(), [{method: 'PATCH', path: `/apps/review-app/addons/${(await p.api.get<any>(`addons/${broker}`)).body.id}`}])
    })

    it('an add-on app.json does not list is reported and left alone without --prune', async () => {
      const extra = await addonNamed(APP, 'heroku-redis:mini', 'HEROKU_REDIS_ROSE')
      const {stdout, exitCode} = await apply(APP)
      assert.equal(exitCode, 0)
      assert.deepEqual(stdout.split('\n').slice(-3), [
        `? ${extra} (HEROKU_REDIS_ROSE) heroku-redis:mini is not in app.json: left alone (--prune destroys it)`,
        'No changes: 2 add-ons match app.json.',
        '',
      ])
      assert.deepEqual(wire.writes(), [])
    })

    it('--prune without a terminal and without --confirm: one line, exit 2, nothing destroyed', async () => {
      const extra = await nameOf(APP, 'HEROKU_REDIS_ROSE')
      const {stdout, stderr, exitCode, asked} = await apply(APP, '--prune')
      assert.equal(exitCode, 2)
      assert.equal(stdout.split('\n')[0], `- destroy ${extra} (HEROKU_REDIS_ROSE)`)
      assert.equal(stderr, 'Error: WARNING: Destructive Action: re-run this command with --confirm review-app\n')
      assert.deepEqual(asked, [])
      assert.deepEqual(wire.writes(), [])
      assert.ok((await aliases(APP)).includes('HEROKU_REDIS_ROSE=heroku-redis:mini'))
    })

    it('--prune on a terminal asks, names what goes, and destroys once the app is typed', async () => {
      const extra = await nameOf(APP, 'HEROKU_REDIS_ROSE')
      const {stdout, stderr, exitCode, asked} = await cli(['addons:apply', '--app', APP, '--file', file, '--prune'], {tty: true, answers: [APP]})
      assert.equal(exitCode, 0, stderr)
      assert.deepEqual(asked, ['>'])
      assert.equal(stdout.split('\n').at(-2), 'Applied 1 change to review-app.')
      assert.equal(
        stderr,
        [
          ' !    WARNING: Destructive Action',
          ' !    This command will affect the app: review-app',
          ` !    ${extra} takes with it: HEROKU_REDIS_ROSE (HEROKU_REDIS_ROSE_URL) on review-app`,
          ' !    To proceed, type "review-app" or re-run this command with --confirm review-app',
          `Destroying ${extra} on review-app... done, ($3/month)`,
          `Removing vars for HEROKU_REDIS_ROSE from review-app and restarting... done, v${await latestVersion(APP)}`,
          '',
        ].join('\n'),
      )
      assert.deepEqual(await aliases(APP), ['BROKER=heroku-redis:premium-0', 'REDIS=heroku-redis:mini'])
    })

    it('a --confirm naming another app is refused before anything is read', async () => {
      const {stderr, exitCode} = await apply(APP, '--prune', '--confirm', 'other-app')
      assert.equal(exitCode, 2)
      assert.equal(stderr, 'Error: Confirmation other-app did not match review-app. Re-run with --confirm review-app.\n')
      assert.deepEqual(wire.requests, [])
    })

    it('a required var with no value stops everything before any change', async () => {
      writeAppJson({addons: [{plan: 'heroku-redis:mini', as: 'CACHE'}], env: {API_TOKEN: {description: 'the partner API token'}}})
      const {stdout, stderr, exitCode} = await apply(APP)
      assert.equal(exitCode, 1)
      assert.equal(stdout, '')
      assert.equal(stderr, 'Error: app.json requires API_TOKEN, which has no value: set it first\n')
      assert.deepEqual(sorted(wire.requests), READS(APP))
    })

    it('a file with mistakes is refused before any request, every mistake on one line', async () => {
      writeAppJson({addons: [{plan: 'heroku-redis', as: 'broker'}], env: {X: {generator: 'uuid'}}} as unknown as AppJson)
      const {stderr, exitCode} = await apply(APP)
      assert.equal(exitCode, 2)
      assert.equal(
        stderr,
        `Error: ${file}: addons[0].as "broker" is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores; env.X.generator must be "secret"\n`,
      )
      assert.deepEqual(wire.requests, [])
      const missing = await cli(['addons:apply', '--app', APP, '--file', join(dir, 'nope.json')])
      assert.equal(missing.stderr, `Error: No app.json at ${join(dir, 'nope.json')}: give its path with --file.\n`)
      assert.equal(missing.exitCode, 2)
    })
  })

  it('a provider failing mid-apply: what was done and what was not, then a re-run completes it', async () => {
    const APP = 'faulty-app'
    writeAppJson({addons: [{plan: 'heroku-redis:mini', as: 'FIRST'}, {plan: 'heroku-redis:mini', as: 'SECOND'}], env: {MODE: 'fast'}})
    provider.behaviour = 'sync'
    // the first provision is answered; from the second on, the provider refuses
    void provider.nextProvision().then(() => {
      provider.behaviour = 'refuse-422'
    })
    const failed = await apply(APP)
    assert.equal(failed.exitCode, 1)
    const first = await nameOf(APP, 'FIRST')
    assert.equal(
      failed.stderr,
      [
        `Creating ${first}... done, ($3/month)`,
        `Adding ${first} to faulty-app... done`,
        'Setting FIRST_URL and restarting faulty-app... done, v1',
        'Your redis is ready.',
        'Done:',
        '  + create heroku-redis:mini as FIRST',
        'Not done (run addonkit addons:apply again to continue):',
        '  + create heroku-redis:mini as SECOND',
        '  + set MODE (from app.json)',
        'Error: Plan mini is sold out in this region.',
        '',
      ].join('\n'),
    )
    assert.deepEqual(await aliases(APP), ['FIRST=heroku-redis:mini'])
    assert.ok(!('MODE' in (await config(APP))))

    provider.behaviour = 'sync'
    const resumed = await apply(APP)
    assert.equal(resumed.exitCode, 0, resumed.stderr)
    assert.equal(
      resumed.stdout,
      [
        '+ create heroku-redis:mini as SECOND',
        '+ set MODE (from app.json)',
        `= ${first} (FIRST) heroku-redis:mini unchanged`,
        'Applied 2 changes to faulty-app.',
        '',
      ].join('\n'),
    )
    assert.deepEqual(await aliases(APP), ['FIRST=heroku-redis:mini', 'SECOND=heroku-redis:mini'])
    assert.equal((await config(APP)).MODE, 'fast')
    const again = await apply(APP)
    assert.equal(again.stdout.split('\n').at(-2), 'No changes: 2 add-ons match app.json.')
    assert.deepEqual(wire.writes(), [])
  })

  it('export, then apply onto another app: the same add-ons; the file keeps its other keys', async () => {
    const named = await addonNamed('source-app', 'heroku-redis:premium-0', 'BROKER')
    await p.api.patch(`addons/${named}`, {json: {name: 'important-redis'}})
    await addonNamed('source-app', 'heroku-redis:mini', 'REDIS')
    await addonNamed('source-app', 'heroku-redis:mini', 'HEROKU_REDIS_ROSE')
    await p.api.patch('apps/source-app/config-vars', {json: {PRIVATE: 'never-exported'}})
    const original = {
      name: 'Small Sharp Tool',
      scripts: {postdeploy: 'bin/setup'},
      addons: [{plan: 'heroku-redis:mini', as: 'REDIS', options: {maxmemory: '1gb'}}, 'old-service'],
      env: {RAILS_ENV: 'production'},
    }
    writeFileSync(file, `${JSON.stringify(original, null, 4)}\n`)

    const exported = await cli(['addons:export', '--app', 'source-app', '--file', file])
    assert.equal(exported.exitCode, 0, exported.stderr)
    assert.equal(exported.stdout, `Wrote 3 add-ons of source-app to ${file}\n`)
    assert.deepEqual(wire.writes(), [])
    const text = readFileSync(file, 'utf8')
    assert.ok(!text.includes('never-exported'))
    assert.equal(
      text,
      `${JSON.stringify(
        {
          name: 'Small Sharp Tool',
          scripts: {postdeploy: 'bin/setup'},
          addons: [
            {plan: 'heroku-redis:premium-0', as: 'BROKER', name: 'important-redis'},
            {plan: 'heroku-redis:mini', as: 'HEROKU_REDIS_ROSE'},
            {plan: 'heroku-redis:mini', as: 'REDIS', options: {maxmemory: '1gb'}},
          ],
          env: {RAILS_ENV: 'production'},
        },
        null,
        4,
      )}\n`,
    )

    // the chosen name is global: the copy gets a name of its own
    await p.api.patch('addons/important-redis', {json: {name: 'important-redis-source'}})
    const applied = await apply('copy-app')
    assert.equal(applied.exitCode, 0, applied.stderr)
    assert.deepEqual(await aliases('copy-app'), await aliases('source-app'))
    assert.equal(await nameOf('copy-app', 'BROKER'), 'important-redis')
    assert.equal((await config('copy-app')).RAILS_ENV, 'production')
    assert.ok(!('PRIVATE' in (await config('copy-app'))))
    // the options the file kept went to the provider with the copy's REDIS
    assert.deepEqual(provider.provisions.filter((x) => x.options?.maxmemory).map((x) => x.options), [{maxmemory: '1gb'}])

    const again = await apply('copy-app')
    assert.equal(again.stdout.split('\n').at(-2), 'No changes: 3 add-ons match app.json.')
  })

  it('--dry-run of addons:destroy, addons:detach and config:unset: exactly what would go, nothing sent that changes', async () => {
    const APP = 'preview-app'
    const shared = await addonNamed(APP, 'heroku-redis:mini', 'BROKER')
    assert.equal((await p.api.post('addon-attachments', {json: {addon: shared, app: APP, name: 'SESSION_STORE'}})).statusCode, 201)
    assert.equal((await p.api.post('addon-attachments', {json: {addon: shared, app: 'copy-app', name: 'SHARED_BROKER'}})).statusCode, 201)
    await p.api.patch(`apps/${APP}/config-vars`, {json: {RAILS_ENV: 'staging', WEB_CONCURRENCY: '2'}})
    const before = {aliases: await aliases(APP), config: await config(APP), copy: await aliases('copy-app')}

    const destroy = await cli(['addons:destroy', 'BROKER', '--app', APP, '--dry-run'])
    assert.equal(destroy.exitCode, 0, destroy.stderr)
    assert.equal(
      destroy.stdout,
      [
        `Would destroy ${shared} (heroku-redis:mini) on preview-app`,
        '  and remove SHARED_BROKER from copy-app, unsetting SHARED_BROKER_URL',
        '  and remove BROKER from preview-app, unsetting BROKER_URL',
        '  and remove SESSION_STORE from preview-app, unsetting SESSION_STORE_URL',
        'Dry run: nothing changed.',
        '',
      ].join('\n'),
    )
    assert.deepEqual(wire.writes().filter((r) => r.path !== '/actions/addons/resolve'), [])

    const detach = await cli(['addons:detach', 'SESSION_STORE', '--app', APP, '--dry-run'])
    assert.equal(detach.exitCode, 0, detach.stderr)
    assert.equal(detach.stdout, `Would remove SESSION_STORE (attachment to ${shared}) from preview-app, unsetting SESSION_STORE_URL\nDry run: nothing changed.\n`)
    assert.deepEqual(wire.writes(), [])

    const unset = await cli(['config:unset', 'RAILS_ENV', 'WEB_CONCURRENCY', 'NOPE', '--app', APP, '--dry-run'])
    assert.equal(unset.exitCode, 0, unset.stderr)
    assert.equal(unset.stdout, 'Would unset RAILS_ENV and WEB_CONCURRENCY on preview-app\nNot set on preview-app: NOPE\nDry run: nothing changed.\n')
    assert.deepEqual(wire.writes(), [])

    // what the real command would refuse, the dry run refuses too
    const owned = await cli(['config:unset', 'BROKER_URL', '--app', APP, '--dry-run'])
    assert.equal(owned.stderr, 'Error: BROKER_URL belongs to the attachment BROKER: config:unset would be refused (addons:detach BROKER removes it).\n')
    assert.equal(owned.exitCode, 1)
    assert.equal((await cli(['config:unset', 'BROKER_URL', '--app', APP])).exitCode, 1)
    const lonely = await addonNamed(APP, 'heroku-redis:mini', 'LONELY')
    const last = await cli(['addons:detach', 'LONELY', '--app', APP, '--dry-run'])
    assert.equal(
      last.stderr,
      `Error: LONELY is the last attachment of ${lonely} to preview-app, its billing app: addons:detach would be refused (addons:destroy ${lonely} removes it).\n`,
    )
    assert.equal(last.exitCode, 1)
    assert.equal((await cli(['addons:detach', 'LONELY', '--app', APP])).exitCode, 1)
    assert.deepEqual(wire.writes(), [{method: 'DELETE', path: `/addon-attachments/${(await p.api.get<any>(`apps/${APP}/addon-attachments/LONELY`)).body.id}`}])
    await p.api.delete(`apps/${APP}/addons/${lonely}`)

    assert.deepEqual({aliases: await aliases(APP), config: await config(APP), copy: await aliases('copy-app')}, before)
  })
})
