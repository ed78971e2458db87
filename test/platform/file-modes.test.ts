import assert from 'node:assert/strict'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {startPlatform} from '../../src/platform/start.js'
import {client} from './helpers.js'

const modeOf = (path: string) => statSync(path).mode & 0o777
const octal = (mode: number) => mode.toString(8)

// The SQLite store holds every API key hash and every add-on's credentials: its folder is 0700 and
// its files (with -wal and -shm) 0600 whatever the umask, and an older install is fixed on start.
describe('file modes of the platform data folder (umask 022)', {skip: process.platform === 'win32' ? 'POSIX modes only' : false}, () => {
  const root = mkdtempSync(join(tmpdir(), 'addonkit-modes-'))
  let umask = 0

  before(() => {
    umask = process.umask(0o022)
  })
  after(() => {
    process.umask(umask)
    rmSync(root, {recursive: true, force: true})
  })

  // starts a platform on `dir`, writes through it (so -wal and -shm exist), returns the modes seen while it runs
  async function modesWhileRunning(dir: string): Promise<Record<string, string>> {
    const platform = await startPlatform({port: 0, dataDir: dir, builtinProviders: false, log: () => {}})
    try {
      assert.equal((await client(platform.url, platform.apiKey).post('apps', {json: {name: 'mode-app'}})).statusCode, 201)
      const files = ['platform.sqlite', 'platform.sqlite-wal', 'platform.sqlite-shm', 'platform.json']
      for (const file of files) assert.ok(existsSync(join(dir, file)), `${file} exists`)
      return Object.fromEntries([['.', octal(modeOf(dir))], ...files.map((file) => [file, octal(modeOf(join(dir, file)))])])
    } finally {
      await platform.close()
    }
  }

  test('a fresh data folder (and the folders above it that it creates) is 0700, its files 0600', async () => {
    const dir = join(root, 'fresh', 'data')
    assert.deepEqual(await modesWhileRunning(dir), {'.': '700', 'platform.sqlite': '600', 'platform.sqlite-wal': '600', 'platform.sqlite-shm': '600', 'platform.json': '600'})
    assert.equal(octal(modeOf(join(root, 'fresh'))), '700')
  })

  test('an older install left world-readable is tightened on start', async () => {
    const dir = join(root, 'old')
    const first = await startPlatform({port: 0, dataDir: dir, builtinProviders: false, log: () => {}})
    await first.close()
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'platform.sqlite'), 0o644)
    // what a kill -9 leaves: the -wal and -shm of the last run, world-readable and not empty (SQLite
    // itself fixes the mode of empty ones only)
    for (const suffix of ['-wal', '-shm']) writeFileSync(join(dir, `platform.sqlite${suffix}`), Buffer.alloc(32 * 1024), {mode: 0o644})
    assert.deepEqual(await modesWhileRunning(dir), {'.': '700', 'platform.sqlite': '600', 'platform.sqlite-wal': '600', 'platform.sqlite-shm': '600', 'platform.json': '600'})
  })

  test('an existing empty folder given as --data becomes 0700; one holding other files keeps its mode', async () => {
    const empty = join(root, 'empty')
    mkdirSync(empty, {mode: 0o755})
    assert.equal((await modesWhileRunning(empty))['.'], '700')

    const project = join(root, 'project')
    mkdirSync(project, {mode: 0o755})
    writeFileSync(join(project, 'README.md'), 'not addonkit\'s\n')
    const modes = await modesWhileRunning(project)
    assert.equal(modes['.'], '755')
    assert.equal(modes['platform.sqlite'], '600')
  })
})
