import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {completionScript} from '../../src/lib/completion/scripts.js'
import {cleanEnv} from '../bin/spawn.js'
import {startTestProvider, type TestProvider} from '../fixtures/providers/test-provider.js'
import {runCli} from '../helpers/cli.js'
import {OWNER, startTestPlatform, type TestPlatform} from '../platform/helpers.js'
import {cliArgs} from './helpers/cli-process.js'

// The completion scripts in real shells, each TAB running the CLI as its own process (the built
// bin/run.js when the build is current, else bin/dev.js) against a platform on 127.0.0.1: commands,
// flags, apps, add-on names and aliases, service:plan, config var names; the cache; and a platform
// that cannot be reached or never answers, which leaves the shell with no candidates and no error.

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0

interface ShellRun {
  stdout: string
  stderr: string
  code: number
}

function runShell(shell: string, args: string[], env: NodeJS.ProcessEnv): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell, args, {env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({stdout, stderr, code: code ?? 1}))
  })
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

describe('shell completion', () => {
  let redis: TestProvider
  let p: TestPlatform
  let home: string
  let env: NodeJS.ProcessEnv

  before(async () => {
    redis = await startTestProvider()
    p = await startTestPlatform([redis.manifest])
    for (const name of ['comp-app', 'comp-other']) assert.equal((await p.api.post('apps', {json: {name}})).statusCode, 201)
    assert.equal((await p.api.post('apps/comp-app/addons', {json: {plan: 'heroku-redis:mini', name: 'comp-redis', attachment: {name: 'BROKER'}}})).statusCode, 201)
    assert.equal((await p.api.post('apps/comp-app/addons', {json: {plan: 'heroku-redis:premium-0', name: 'comp-cache'}})).statusCode, 201)
    assert.equal((await p.api.patch('apps/comp-app/config-vars', {json: {GREETING: 'hello', GREEN: 'yes'}})).statusCode, 200)

    home = mkdtempSync(join(tmpdir(), 'addonkit-completion-'))
    // `addonkit` on the PATH, as the scripts call it
    const bin = join(home, 'bin')
    mkdirSync(bin)
    writeFileSync(join(bin, 'addonkit'), `#!/bin/sh\nexec ${[process.execPath, ...cliArgs()].map(quote).join(' ')} "$@"\n`)
    chmodSync(join(bin, 'addonkit'), 0o755)
    env = cleanEnv({
      HOME: home,
      PATH: `${bin}:${process.env.PATH}`,
      ADDONKIT_API_URL: p.url,
      ADDONKIT_API_KEY: OWNER.apiKey,
      ADDONKIT_DATA_DIR: join(home, 'data'),
      ADDONKIT_CACHE_DIR: join(home, 'cache'),
      // the budget counts from the process's start: running from the TypeScript sources takes longer
      ADDONKIT_COMPLETION_TIMEOUT_MS: '30000',
      NODE_TEST_CONTEXT: undefined,
    })
  })
  after(async () => {
    await p?.close()
    await redis?.close()
    if (home) rmSync(home, {recursive: true, force: true})
  })

  it('autocomplete:script prints the scripts these tests run; autocomplete says where they go', async () => {
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      const printed = await runCli(['autocomplete:script', shell])
      assert.equal(printed.exitCode, 0, printed.stderr)
      assert.equal(printed.stdout, completionScript(shell, 'addonkit'))
    }
    const howTo = await runCli(['autocomplete', 'bash'])
    assert.match(howTo.stdout, /^ {2}eval "\$\(addonkit autocomplete:script bash\)"$/m)
    const refused = await runCli(['autocomplete', 'tcsh'])
    assert.deepEqual([refused.exitCode, refused.stderr], [2, 'Error: Expected tcsh to be one of: bash, zsh, fish\n'])
  })

  describe('bash', {skip: has('bash') ? false : 'bash is not installed'}, () => {
    // Each line as typed up to the cursor; bash runs the completion function as on TAB (COMP_LINE,
    // COMP_POINT, its default COMP_WORDBREAKS) and prints COMPREPLY, one reply a line.
    async function complete(lines: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{replies: string[][]; stderr: string}> {
      const script = join(home, 'addonkit.bash')
      writeFileSync(script, completionScript('bash', 'addonkit'))
      const body = [
        `source ${quote(script)}`,
        ...lines.map((line) => `COMP_LINE=${quote(line)}; COMP_POINT=\${#COMP_LINE}; COMPREPLY=(); _addonkit_complete; printf '%s\\n' "\${COMPREPLY[@]}" "---"`),
      ].join('\n')
      const run = await runShell('bash', ['--norc', '--noprofile', '-c', body], {...env, ...extraEnv})
      assert.equal(run.code, 0, run.stderr)
      const replies = run.stdout.split('---\n').slice(0, -1).map((block) => block.split('\n').filter((l) => l !== ''))
      return {replies, stderr: run.stderr}
    }

    it('commands, flags, apps for --app, add-on names and aliases, service:plan, config var names', async () => {
      const cases: Array<[string, string[]]> = [
        ['addonkit apps:se', ['setup']],
        ['addonkit addons:cr', ['create']],
        ['addonkit addons:info --a', ['--app']],
        ['addonkit addons:info --app ', ['comp-app', 'comp-other']],
        ['addonkit addons:info -a comp-o', ['comp-other']],
        ['addonkit addons:info --app=comp-a', ['comp-app']],
        ['addonkit addons:info --app comp-app ', ['comp-cache', 'comp-redis', 'BROKER', 'REDIS']],
        ['addonkit addons:info --app comp-app BR', ['BROKER']],
        ['addonkit addons:detach --app comp-app ', ['BROKER', 'REDIS']],
        ['addonkit addons:create her', ['heroku-redis:']],
        ['addonkit addons:create heroku-redis:', ['mini', 'premium-0']],
        ['addonkit addons:create heroku-redis:p', ['premium-0']],
        ['addonkit addons:upgrade --app comp-app BROKER ', ['heroku-redis:mini', 'heroku-redis:premium-0']],
        ['addonkit addons:upgrade --app comp-app comp-cache pre', ['premium-0']],
        ['addonkit config:get --app comp-app GRE', ['GREEN', 'GREETING']],
        ['addonkit config:unset --app comp-app GREETING ', ['BROKER_URL', 'GREEN', 'REDIS_URL']],
        ['addonkit webhooks:add --level ', ['notify', 'sync']],
        ['addonkit nothing-here ', []],
      ]
      const {replies, stderr} = await complete(cases.map(([line]) => line))
      assert.equal(stderr, '')
      for (const [i, [line, expected]] of cases.entries()) assert.deepEqual(replies[i].sort(), [...expected].sort(), line)
    })

    it('the app from ADDONKIT_APP when --app is not typed; names come from the cache within 30 s', async () => {
      const first = await complete(['addonkit addons:info '], {ADDONKIT_APP: 'comp-app'})
      assert.deepEqual(first.replies[0].sort(), ['BROKER', 'REDIS', 'comp-cache', 'comp-redis'])
      assert.equal((await p.api.delete('apps/comp-app/addons/comp-cache')).statusCode, 200)
      // still listed: read from the cache, not asked again
      const cached = await complete(['addonkit addons:info '], {ADDONKIT_APP: 'comp-app'})
      assert.deepEqual(cached.replies[0].sort(), first.replies[0].sort())
      // another cache folder asks the platform
      const fresh = await complete(['addonkit addons:info '], {ADDONKIT_APP: 'comp-app', ADDONKIT_CACHE_DIR: join(home, 'cache-2')})
      assert.deepEqual(fresh.replies[0].sort(), ['BROKER', 'comp-redis'])
    })

    it('a platform that cannot be reached or never answers: no names, no error, commands still complete', async () => {
      const silent: Server = createServer(() => {})
      const sockets = new Set<Socket>()
      silent.on('connection', (socket) => sockets.add(socket))
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
      const closed = createServer()
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
      const closedPort = (closed.address() as {port: number}).port
      await new Promise<void>((resolve) => closed.close(() => resolve()))
      try {
        for (const url of [`http://127.0.0.1:${closedPort}`, `http://127.0.0.1:${(silent.address() as {port: number}).port}`]) {
          const {replies, stderr} = await complete(['addonkit addons:info --app ', 'addonkit addons:inf'], {
            ADDONKIT_API_URL: url,
            ADDONKIT_CACHE_DIR: join(home, 'cache-unreachable'),
            // the silent platform: the budget runs out while waiting (tests run slowly from the sources)
            ADDONKIT_COMPLETION_TIMEOUT_MS: url.endsWith(String(closedPort)) ? '30000' : '1',
          })
          assert.equal(stderr, '', url)
          assert.deepEqual(replies, [[], ['info']], url)
        }
      } finally {
        for (const socket of sockets) socket.destroy()
        await new Promise((resolve) => silent.close(resolve))
      }
    })
  })

  describe('zsh', {skip: has('zsh') ? false : 'zsh is not installed on this machine (apt-get install zsh): the zsh script is not exercised'}, () => {
    it('offers add-on names and aliases, and service: without a trailing space', async () => {
      const script = join(home, '_addonkit')
      writeFileSync(script, completionScript('zsh', 'addonkit'))
      // compadd and compdef stand in for the completion system's builtins: they print what was offered
      const body = [
        'compdef() { :; }',
        'compadd() { local suffix=" "; while [[ $1 != -- ]]; do [[ $1 == -S ]] && { suffix=$2; shift; }; [[ $1 == -d ]] && shift; shift; done; shift; for v in "$@"; do print -r -- "$v|$suffix"; done }',
        `source ${quote(script)}`,
        "words=(addonkit addons:info --app comp-app ''); CURRENT=5; PREFIX=''; _addonkit; print -- ---",
        "words=(addonkit addons:create her); CURRENT=3; PREFIX=her; _addonkit; print -- ---",
      ].join('\n')
      // a cache of its own: the bash tests' lists are up to 30 s old and name an add-on they destroyed
      const run = await runShell('zsh', ['-f', '-c', body], {...env, ADDONKIT_CACHE_DIR: join(home, 'cache-zsh')})
      assert.equal(run.stderr, '')
      const [names, services] = run.stdout.split('---\n')
      // not trim(): the suffix after `|` is what is checked, a trailing space included
      assert.deepEqual(names.split('\n').filter((l) => l !== '').sort(), ['BROKER| ', 'comp-redis| '].sort())
      assert.deepEqual(services.trim().split('\n'), ['heroku-redis:|'])
    })
  })

  describe('fish', {skip: has('fish') ? false : 'fish is not installed on this machine: the fish script is not exercised'}, () => {
    it('offers apps with their regions for --app', async () => {
      const script = join(home, 'addonkit.fish')
      writeFileSync(script, completionScript('fish', 'addonkit'))
      const run = await runShell('fish', ['--no-config', '-c', `source ${quote(script)}; complete -C 'addonkit addons:info --app comp-'`], env)
      assert.equal(run.stderr, '')
      assert.deepEqual(run.stdout.trim().split('\n').sort(), ['comp-app\tus', 'comp-other\tus'])
    })
  })
})
