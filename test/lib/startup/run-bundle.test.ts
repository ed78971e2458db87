import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {after, beforeEach, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import {codeCacheDir} from '../../../src/lib/startup/run-bundle.cjs'

// runBundle in a real process each time: the code cache is written when the process exits, and the
// case that matters is a later process running code read back from it, dynamic import() included.

const FIXTURES = fileURLToPath(new URL('../../fixtures/bundles/', import.meta.url))
const CHILD = join(FIXTURES, 'run-twice.ts')

describe('runBundle: CommonJS bundles through the V8 code cache', () => {
  const home = mkdtempSync(join(tmpdir(), 'addonkit-code-cache-'))
  const bundle = join(home, 'bundles', 'imports-later.cjs')
  const cacheBase = join(home, 'cache')
  const cacheDir = codeCacheDir(cacheBase)

  const run = (hash: string, env: NodeJS.ProcessEnv = {}) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, bundle, hash], {
      encoding: 'utf8',
      env: {...process.env, ADDONKIT_CACHE_DIR: cacheBase, ADDONKIT_CODE_CACHE: '', ...env},
    })
    assert.equal(child.status, 0, child.stderr)
    return JSON.parse(child.stdout) as {cache: string; answer: number; platform: string}
  }
  const cacheFiles = () => {
    try {
      return readdirSync(cacheDir).sort()
    } catch {
      return []
    }
  }

  beforeEach(() => {
    rmSync(cacheBase, {recursive: true, force: true})
    mkdirSync(join(home, 'bundles'), {recursive: true})
    copyFileSync(join(FIXTURES, 'imports-later.cjs'), bundle)
  })
  after(() => rmSync(home, {recursive: true, force: true}))

  it('writes the cache at exit, then reads it back, and the cached code can still import()', () => {
    assert.deepEqual(run('0123abcd'), {cache: 'miss', answer: 42, platform: process.platform})
    assert.equal(cacheFiles().length, 1)
    assert.match(cacheFiles()[0], new RegExp(`^imports-later@[0-9a-f]{8}-0123abcd[0-9a-f]{8}-${process.version}-${process.arch}\\.bin$`))
    assert.deepEqual(run('0123abcd'), {cache: 'hit', answer: 42, platform: process.platform})
  })

  it('a damaged cache is refused by V8, the bundle still runs, and the cache is written again', () => {
    run('0123abcd')
    const [name] = cacheFiles()
    writeFileSync(join(cacheDir, name), 'not a code cache')
    assert.deepEqual(run('0123abcd'), {cache: 'rejected', answer: 42, platform: process.platform})
    assert.equal(run('0123abcd').cache, 'hit')
  })

  it("a new build's cache replaces the old one's instead of piling up", () => {
    run('0123abcd')
    run('4567ef01')
    assert.equal(cacheFiles().length, 1)
    assert.match(cacheFiles()[0], /^imports-later@[0-9a-f]{8}-4567ef01[0-9a-f]{8}-/)
  })

  it('the same bundle installed in two places keeps a cache each', () => {
    run('0123abcd')
    const elsewhere = join(home, 'elsewhere', 'imports-later.cjs')
    mkdirSync(join(home, 'elsewhere'), {recursive: true})
    copyFileSync(bundle, elsewhere)
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, elsewhere, '0123abcd'], {
      encoding: 'utf8',
      env: {...process.env, ADDONKIT_CACHE_DIR: cacheBase, ADDONKIT_CODE_CACHE: ''},
    })
    assert.equal(child.status, 0, child.stderr)
    assert.equal(cacheFiles().length, 2)
    assert.equal(run('0123abcd').cache, 'hit')
  })

  it('a bundle changed after the build (same build hash) is compiled afresh, not run from the old cache', () => {
    run('0123abcd')
    // same length, so V8 alone would take the old cache for it
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('exports.answer = 42', 'exports.answer = 24'))
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000))
    assert.deepEqual(run('0123abcd'), {cache: 'miss', answer: 24, platform: process.platform})
    assert.equal(cacheFiles().length, 1)
    assert.equal(run('0123abcd').cache, 'hit')
  })

  it("writing a cache clears others' not written for 30 days, and leaves recent ones and other files", () => {
    mkdirSync(cacheDir, {recursive: true})
    const old = join(cacheDir, `gone-install@0badc0de-00112233445566778899aabb-${process.version}-${process.arch}.bin`)
    const recent = join(cacheDir, `other-install@0badc0de-00112233445566778899aabb-${process.version}-${process.arch}.bin`)
    const notOurs = join(cacheDir, 'notes.txt')
    for (const path of [old, recent, notOurs]) writeFileSync(path, 'x')
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000)
    utimesSync(old, longAgo, longAgo)
    utimesSync(notOurs, longAgo, longAgo)
    run('0123abcd')
    const left = cacheFiles()
    assert.equal(left.includes(basename(old)), false)
    assert.equal(left.includes(basename(recent)), true)
    assert.equal(left.includes('notes.txt'), true)
    assert.equal(left.length, 3)
  })

  it('ADDONKIT_CODE_CACHE=off reads and writes nothing', () => {
    assert.deepEqual(run('0123abcd', {ADDONKIT_CODE_CACHE: 'off'}), {cache: 'off', answer: 42, platform: process.platform})
    assert.deepEqual(cacheFiles(), [])
  })

  it('a cache folder that cannot be written only costs the cache: the command runs', () => {
    mkdirSync(cacheBase, {recursive: true})
    writeFileSync(cacheDir, 'a file where the folder should be')
    assert.deepEqual(run('0123abcd'), {cache: 'miss', answer: 42, platform: process.platform})
    assert.equal(run('0123abcd').cache, 'miss')
  })
})
