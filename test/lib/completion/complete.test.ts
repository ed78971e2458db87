import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import {CompletionCache} from '../../../src/lib/completion/cache.js'
import {complete, formatCandidates, type CompletionDeps} from '../../../src/lib/completion/complete.js'
import type {ListReader} from '../../../src/lib/completion/http.js'
import type {ListKey} from '../../../src/lib/completion/lists.js'
import {parseLine, type CommandShape} from '../../../src/lib/completion/words.js'

const flag = (name: string, type: 'boolean' | 'option' = 'option', extra: object = {}) => ({name, type, ...extra})
const COMMANDS: CommandShape[] = [
  {id: 'addons:info', summary: 'show an add-on', flags: {app: flag('app', 'option', {char: 'a'}), json: flag('json', 'boolean')}, args: {addon: {name: 'addon'}}},
  {id: 'addons:create', description: 'create an add-on\nmore', strict: false, flags: {app: flag('app', 'option', {char: 'a'}), wait: flag('wait', 'boolean'), as: flag('as')}, args: {service: {name: 'service'}}},
  {id: 'addons:upgrade', flags: {app: flag('app', 'option', {char: 'a'})}, args: {addon: {name: 'addon'}, plan: {name: 'plan'}}},
  {id: 'config:unset', strict: false, flags: {app: flag('app', 'option', {char: 'a'})}, args: {keys: {name: 'keys'}}},
  {id: 'webhooks:add', flags: {level: flag('level', 'option', {options: ['notify', 'sync']}), secret: flag('secret', 'option', {hidden: true})}, args: {}},
  {id: 'secret:thing', hidden: true, flags: {}, args: {}},
]

// The platform as completion reads it: what each request answers, and which were made.
function fakeApi(requests: string[], hang = false): ListReader {
  const answers: Record<string, unknown> = {
    '/apps': [{name: 'web-app', region: {name: 'eu'}}, {name: 'worker-app', region: {name: 'us'}}],
    '/apps/web-app/addons': [{name: 'big-redis', plan: {name: 'redis:premium'}, addon_service: {name: 'redis'}}, {name: 'kv-1', plan: {name: 'kv:free'}, addon_service: {name: 'kv'}}],
    '/apps/web-app/addon-attachments': [{name: 'BROKER', addon: {name: 'big-redis'}}, {name: 'KV', addon: {name: 'kv-1'}}],
    '/apps/web-app/config-vars': {SECRET_KEY: 'do-not-keep-me', GREETING: 'hello'},
    '/addon-services': [{name: 'redis', human_name: 'Redis'}, {name: 'kv', human_name: 'KV'}],
    '/addon-services/redis/plans': [{name: 'redis:mini'}, {name: 'redis:premium'}],
  }
  const answer = async (path: string, options: {signal?: AbortSignal} = {}) => {
    requests.push(path)
    if (hang) {
      // as a socket would, this keeps the process alive until the request is given up
      const alive = setInterval(() => {}, 1000)
      await new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(new Error('aborted')))).finally(() => clearInterval(alive))
    }
    if (!(path in answers)) throw new Error(`404 ${path}`)
    return answers[path]
  }
  return {list: answer, get: answer} as unknown as ListReader
}

describe('completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-complete-'))
  after(() => rmSync(dir, {recursive: true, force: true}))
  let n = 0
  const deps = (requests: string[], extra: Partial<CompletionDeps> = {}, hang = false): CompletionDeps => ({
    commands: COMMANDS,
    env: {},
    cacheDir: join(dir, String(n++)),
    target: {url: 'http://127.0.0.1:5000', token: 'key', source: 'env'},
    deadline: Date.now() + 5000,
    api: async () => fakeApi(requests, hang),
    fillLater: () => {},
    ...extra,
  })
  const values = async (words: string[], extra: Partial<CompletionDeps> = {}) => (await complete(words, deps([], extra))).map((c) => c.value)

  test('what each position completes to', async () => {
    const cases: Array<[string[], string[], NodeJS.ProcessEnv?]> = [
      [[''], ['addons:create', 'addons:info', 'addons:upgrade', 'config:unset', 'webhooks:add']],
      [['addons:i'], ['addons:info']],
      [['addons:info', '-'], ['--app', '--help', '--json']],
      [['addons:info', '--json', '--'], ['--app', '--help']],
      [['addons:info', '--app', ''], ['web-app', 'worker-app']],
      [['addons:info', '-a', 'wo'], ['worker-app']],
      [['addons:info', '--app=w'], ['--app=web-app', '--app=worker-app']],
      [['addons:info', '--app', 'web-app', ''], ['big-redis', 'kv-1', 'BROKER', 'KV']],
      [['addons:info', '-aweb-app', 'B'], ['BROKER']],
      [['addons:info', ''], ['big-redis', 'kv-1', 'BROKER', 'KV'], {ADDONKIT_APP: 'web-app'}],
      [['addons:info', 'big-redis', ''], []],
      [['addons:create', 'r'], ['redis:']],
      [['addons:create', 'redis:'], ['redis:mini', 'redis:premium']],
      [['addons:create', '--wait', 'redis:m'], ['redis:mini']],
      [['addons:upgrade', '--app', 'web-app', 'BROKER', ''], ['redis:mini', 'redis:premium']],
      [['addons:upgrade', '--app', 'web-app', 'big-redis', 'mi'], ['mini']],
      [['addons:upgrade', '--app', 'web-app', 'unknown', ''], ['redis:', 'kv:']],
      [['config:unset', '--app', 'web-app', 'GREETING', ''], ['SECRET_KEY']],
      [['config:unset', ''], []],
      [['webhooks:add', '--level', 's'], ['sync']],
      [['webhooks:add', '--'], ['--help', '--level']],
      [['no-such-command', ''], []],
    ]
    for (const [words, expected, env] of cases) assert.deepEqual(await values(words, {env: env ?? {}}), expected, words.join(' '))
  })

  test('after `--` every word is an arg; a boolean flag takes no value', () => {
    assert.deepEqual(parseLine(COMMANDS, ['addons:create', '--', '--wait', '']).target.kind, 'none')
    const line = parseLine(COMMANDS, ['addons:create', '--wait', 'redis', '--as', 'CACHE', ''])
    assert.deepEqual([line.args, line.flags, line.target.kind], [['redis'], {as: 'CACHE'}, 'arg'])
  })

  test('names are kept 30 s per platform and account, config values never', async () => {
    const requests: string[] = []
    const shared = deps(requests)
    await complete(['config:unset', '--app', 'web-app', ''], shared)
    await complete(['config:unset', '--app', 'web-app', 'S'], shared)
    assert.deepEqual(requests, ['/apps/web-app/config-vars'])
    const files = readdirSync(join(shared.cacheDir, 'completion'))
    assert.equal(files.length, 1)
    const kept = readFileSync(join(shared.cacheDir, 'completion', files[0]), 'utf8')
    assert.ok(kept.includes('SECRET_KEY') && !kept.includes('do-not-keep-me'), kept)
    // another account on the same platform asks for itself
    await complete(['config:unset', '--app', 'web-app', ''], {...shared, target: {...shared.target, token: 'other-key'}})
    assert.equal(requests.length, 2)
    // past the TTL the list is asked for again
    const later = new CompletionCache({dir: shared.cacheDir, apiUrl: shared.target.url, token: 'key'}, 30_000, () => Date.now() + 31_000)
    assert.equal(later.read('config:web-app'), undefined)
  })

  test('out of time: no names, nothing thrown, and the list is fetched in the background for the next TAB', async () => {
    const later: ListKey[] = []
    const requests: string[] = []
    const slow = deps(requests, {deadline: Date.now() + 50, fillLater: (key) => later.push(key)}, true)
    assert.deepEqual(await complete(['addons:info', '--app', ''], slow), [])
    assert.deepEqual(later, [{kind: 'apps'}])
    // already past the deadline: no request at all
    const late = deps(requests, {deadline: Date.now() - 1, fillLater: (key) => later.push(key)})
    assert.deepEqual((await complete(['addons:info', '--app', 'web-app', ''], late)).length, 0)
    assert.deepEqual(requests, ['/apps'])
    assert.deepEqual(later.at(-1), {kind: 'addons', app: 'web-app'})
    // no key: nothing asked, nothing shown
    assert.deepEqual(await complete(['addons:info', '--app', ''], deps(requests, {target: {url: 'https://api.heroku.com', source: 'none'}})), [])
    assert.equal(requests.length, 1)
  })

  test('one line a candidate, value<TAB>description', () => {
    assert.equal(formatCandidates([{value: 'a', description: 'first\tline\nmore'}, {value: 'b'}]), 'a\tfirst line more\nb\n')
  })
})
