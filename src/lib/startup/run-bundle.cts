import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Script} from 'node:vm'

// Runs one of the CommonJS bundles `npm run build` writes (dist/bundles: @oclif/core and each command)
// through a V8 code cache, so a command does not compile the same half megabyte of JavaScript on every
// start (Node 22 has module.enableCompileCache for this; Node 20 only has vm.Script's cachedData).
// The cache is written when the process exits, after the command ran, so it also holds the functions the
// command compiled on the way: on the next start they are read back instead of compiled again.
//
// Code compiled from cached data loses the hook that lets it call import() (ERR_VM_DYNAMIC_IMPORT_
// CALLBACK_MISSING on Node 20), so the build writes `__addonkitImport(` for each dynamic import in a
// bundle and the wrapper below passes an import() of this module's.

export type CacheOutcome = 'hit' | 'miss' | 'rejected' | 'off'

export interface BundleRun {
  exports: Record<string, unknown>
  // the code cache: read back; none yet (one is written at exit); refused by V8 (rewritten at exit); unused
  cache: CacheOutcome
}

export interface BundleOptions {
  // the bundle's content hash, worked out by the build: V8 only checks a cache against the source's length
  hash: string
  // defaults to addonkit's cache folder (see cacheFolder)
  cacheDir?: string
}

const PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__addonkitImport', '__addonkitImportMetaUrl']
// caches to write when the process exits, one listener for them all
const pendingWrites: Array<() => void> = []
const dynamicImport = (specifier: string): Promise<unknown> => import(specifier)

export function runBundle(file: string, options: BundleOptions): BundleRun {
  const source = readFileSync(file, 'utf8')
  const cacheFile = cacheEnabled() ? join(codeCacheDir(options.cacheDir), cacheFileName(file, options.hash)) : undefined
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined
  // one line, so positions in the bundle's first line are the only ones shifted in a stack trace
  const script = new Script(`(function (${PARAMETERS.join(', ')}) {${source}\n})`, {filename: file, cachedData})
  const module = {exports: {} as Record<string, unknown>, filename: file, id: file, loaded: false}
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), dynamicImport, pathToFileURL(file).href)
  module.loaded = true
  if (!cacheFile) return {exports: module.exports, cache: 'off'}
  if (cachedData && !script.cachedDataRejected) return {exports: module.exports, cache: 'hit'}
  if (pendingWrites.length === 0) process.once('exit', () => pendingWrites.splice(0).forEach((write) => write()))
  pendingWrites.push(() => writeCache(cacheFile, () => script.createCachedData()))
  return {exports: module.exports, cache: cachedData ? 'rejected' : 'miss'}
}

// ADDONKIT_CODE_CACHE=off runs every bundle without a cache (nothing read, nothing written)
function cacheEnabled(): boolean {
  return !/^(off|0|false|no)$/i.test(process.env.ADDONKIT_CODE_CACHE ?? '')
}

export function codeCacheDir(base?: string): string {
  return join(base ?? cacheFolder(), 'code-cache')
}

// The folder oclif names config.cacheDir, worked out before oclif is loaded: ADDONKIT_CACHE_DIR, else
// ~/Library/Caches/addonkit on macOS, else XDG_CACHE_HOME (or LOCALAPPDATA on Windows) or ~/.cache, then
// /addonkit. Written here rather than through env-paths: importing that package alone took ≈7 ms, a
// twentieth of what `addons` is allowed in all.
function cacheFolder(): string {
  if (process.env.ADDONKIT_CACHE_DIR) return process.env.ADDONKIT_CACHE_DIR
  const home = process.env.HOME || homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'addonkit')
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' && process.env.LOCALAPPDATA) || join(home, '.cache')
  return join(base, 'addonkit')
}

// One file per bundle, Node version and build: a cache made by another V8 would only be refused. The
// bundle's own folder is in the name too (hashed): two installs of addonkit on one machine (global and
// in a project) keep a cache each instead of replacing each other's on every start. So are the file's
// size and modification time: V8 checks a cache only against the source's length, and a bundle changed
// by hand after the build would otherwise run code compiled from what it was.
function cacheFileName(file: string, hash: string): string {
  const {size, mtimeMs} = statSync(file)
  const install = shortHash(dirname(file))
  return `${bundleName(file)}@${install}-${hash}${shortHash(`${size} ${mtimeMs}`)}-${process.version}-${process.arch}.bin`
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

// bundle name@install, content hash and file stamp, Node version, architecture
const CACHE_FILE = /^(.+)-([0-9a-f]+)-(v[0-9.]+)-([a-z0-9]+)\.bin$/

function bundleName(file: string): string {
  return file.replace(/^.*[\\/]bundles[\\/]/, '').replace(/\.cjs$/, '').replace(/[\\/]/g, '-')
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

// Best effort: a read-only home or a full disk leaves the command as it was, only slower next time.
// Written whole under a temporary name and renamed, so a concurrent start never reads half a cache.
// The bundle's older caches (earlier builds, other Node versions) go at the same time, and so does
// any cache not written for STALE_DAYS (an install since removed); one still in use is only written
// again on its next start.
const STALE_DAYS = 30

function writeCache(file: string, data: () => Buffer): void {
  try {
    const dir = dirname(file)
    mkdirSync(dir, {recursive: true})
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, data())
    renameSync(temporary, file)
    const name = CACHE_FILE.exec(file.slice(dir.length + 1))?.[1]
    const staleBefore = Date.now() - STALE_DAYS * 24 * 3600 * 1000
    for (const other of readdirSync(dir)) {
      const path = join(dir, other)
      if (path === file || !CACHE_FILE.test(other)) continue
      if (CACHE_FILE.exec(other)?.[1] === name || statSync(path).mtimeMs < staleBefore) rmSync(path, {force: true})
    }
  } catch {
    // no cache this time
  }
}
