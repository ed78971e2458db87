import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createServer as createHttpsServer} from 'node:https'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {ROOT} from '../helpers/cli.js'
import {cleanEnv, ensureBuilt, runNode} from './spawn.js'

// The built binary as users run it: `node bin/run.js` with NODE_ENV=production, dist/ and the manifest.

const BIN = join(ROOT, 'bin', 'run.js')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string}

// a port nothing listens on: taken from the OS, then released
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('built bin/run.js', () => {
  let home: string
  let env: NodeJS.ProcessEnv
  const addonkit = (...args: string[]) => runNode([BIN, ...args], env)

  before(() => {
    ensureBuilt()
    home = mkdtempSync(join(tmpdir(), 'addonkit-bin-'))
    env = cleanEnv({
      ADDONKIT_DATA_DIR: join(home, 'addonkit'),
      XDG_DATA_HOME: join(home, 'xdg-data'),
      XDG_CONFIG_HOME: join(home, 'xdg-config'),
      XDG_CACHE_HOME: join(home, 'xdg-cache'),
      NETRC: join(home, 'netrc'),
    })
  })

  after(() => {
    if (home) rmSync(home, {recursive: true, force: true})
  })

  it('--version prints name/version platform-arch node-version, as oclif does', async () => {
    const {stdout, stderr, code} = await addonkit('--version')
    assert.equal(code, 0)
    assert.equal(stdout, `addonkit/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`)
    assert.equal(stderr, '')
  })

  it('--help lists the topics and the root commands', async () => {
    const {stdout, code} = await addonkit('--help')
    assert.equal(code, 0)
    assert.match(stdout, /^ {2}\$ addonkit \[COMMAND\]$/m)
    assert.match(stdout, /^ {2}addons +manage add-ons/m)
    assert.match(stdout, /^ {2}config +read and change an app's config vars$/m)
  })

  it('config --help shows flags and examples with the addonkit bin', async () => {
    const {stdout, code} = await addonkit('config', '--help')
    assert.equal(code, 0)
    assert.match(stdout, /^ {2}\$ addonkit config -a <value> \[-s | --json\]$/m)
    assert.match(stdout, /-a, --app=<value>/)
    assert.match(stdout, /^ {2}\$ addonkit config --app example-app$/m)
  })

  it('an unknown command exits 2 with one line naming it and the nearest commands', async () => {
    const typo = await addonkit('adons:atach', '--app', 'example-app')
    assert.equal(typo.code, 2)
    assert.equal(typo.stdout, '')
    assert.equal(typo.stderr, 'Error: adons:atach is not an addonkit command. Did you mean addons:attach? "addonkit help" lists them all.\n')
    const unknown = await addonkit('no-such-command')
    assert.equal(unknown.code, 2)
    assert.equal(unknown.stderr, 'Error: no-such-command is not an addonkit command. "addonkit help" lists them all.\n')
  })

  it('an unreachable platform: exactly one line on stderr, exit 5, no stack trace', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const {stdout, stderr, code} = await runNode([BIN, 'config', '-a', 'x'], {...env, ADDONKIT_API_URL: url, ADDONKIT_API_KEY: 'k'})
    assert.equal(code, 5)
    assert.equal(stdout, '')
    assert.match(stderr, new RegExp(`^Error: Could not reach the platform at ${url.replaceAll('.', '\\.')}[ .(]`))
    assert.equal(stderr.split('\n').filter((line) => line !== '').length, 1, stderr)
    assert.doesNotMatch(stderr, /\n\s+at /)
  })

  it('talks to an https:// platform (as api.heroku.com is); an untrusted certificate is said in words', async () => {
    // the fixture certificate is for 127.0.0.1 and localhost, trusted through NODE_EXTRA_CA_CERTS
    const tls = join(ROOT, 'test', 'fixtures', 'tls')
    const server = createHttpsServer({key: readFileSync(join(tls, 'provider-key.pem')), cert: readFileSync(join(tls, 'provider-cert.pem'))}, (request, response) => {
      response.writeHead(request.url === '/apps/example-app/config-vars' ? 200 : 404, {'content-type': 'application/json'})
      response.end(JSON.stringify(request.url === '/apps/example-app/config-vars' ? {GREETING: 'hello over tls'} : {id: 'not_found', message: 'Not found.'}))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `https://localhost:${(server.address() as {port: number}).port}`
    try {
      const trusted = await runNode([BIN, 'config', '-a', 'example-app'], {...env, ADDONKIT_API_URL: url, ADDONKIT_API_KEY: 'k', NODE_EXTRA_CA_CERTS: join(tls, 'provider-cert.pem')})
      assert.equal(trusted.stderr, '')
      assert.equal(trusted.code, 0)
      assert.equal(trusted.stdout, 'GREETING: hello over tls\n')
      const untrusted = await runNode([BIN, 'config', '-a', 'example-app'], {...env, ADDONKIT_API_URL: url, ADDONKIT_API_KEY: 'k'})
      assert.equal(untrusted.code, 5)
      assert.equal(untrusted.stderr, `Error: Could not reach the platform at ${url}: its TLS certificate is self-signed and not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).\n`)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it("ES modules that import @oclif/core get bin/run.js's bundled copy, not a second one", async () => {
    // what bin/run.js does, then what plugin-help and our hook do: Node's import() of a CommonJS file
    // takes the require cache's entry, so one oclif serves the whole process
    const script = [
      "import Module, {createRequire} from 'node:module'",
      'const require = createRequire(import.meta.url)',
      "const bundled = require('./dist/bundles/load-oclif-core.cjs')",
      "const file = require.resolve('@oclif/core')",
      'Module._cache[file] = Object.assign(new Module(file), {filename: file, exports: bundled, loaded: true})',
      "const imported = await import('@oclif/core')",
      'console.log(imported.Config === bundled.Config && imported.default === bundled)',
    ].join('\n')
    const {stdout, code} = await runNode(['--input-type=module', '-e', script], env)
    assert.equal(code, 0)
    assert.equal(stdout, 'true\n')
  })

  it('keeps a V8 code cache of oclif and the command it ran, and answers the same from it', async () => {
    const cacheEnv = {...env, ADDONKIT_CACHE_DIR: join(home, 'cache')}
    const first = await runNode([BIN, 'addons'], cacheEnv)
    assert.equal(first.code, 2)
    assert.match(first.stderr, /^Error: Missing required flag app/)
    const cached = readdirSync(join(home, 'cache', 'code-cache')).map((name) => name.replace(/@[0-9a-f]{8}-[0-9a-f]+-v[\d.]+-\w+\.bin$/, ''))
    assert.deepEqual(cached.sort(), ['commands-addons-index', 'oclif-core'])
    assert.deepEqual(await runNode([BIN, 'addons'], cacheEnv), first)
    assert.deepEqual(await runNode([BIN, 'addons'], {...cacheEnv, ADDONKIT_CODE_CACHE: 'off'}), first)
  })
})
