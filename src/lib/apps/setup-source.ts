import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {isAbsolute, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {missingRequiredEnv, parseAppJson} from '../../wire/app-json.js'
import {packAppJson} from '../../wire/source-tarball.js'
import {UsageError} from '../errors.js'

// Where the platform gets the app.json of `apps:setup` from. The app-setups API takes a URL of a
// gzipped tarball, which the platform fetches itself. `--source URL` is passed as it is (a local
// tarball's path becomes a file:// URL). `--file app.json` is packed by the CLI into a tarball in
// its cache folder and handed over as a file:// URL: only a platform on this machine can read that,
// so against any other platform --file is refused before a request is made.

// Packed sources are small (one app.json); those older than a day are removed on the next setup.
const KEEP_MS = 24 * 3600 * 1000

export function isOnThisMachine(apiUrl: string): boolean {
  const host = new URL(apiUrl).hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

export interface FileSource {
  file: string
  // --env KEY=VALUE: the vars app.json requires may be given here
  overrides: Record<string, string>
  apiUrl: string
  cacheDir: string
  cwd?: string
}

// Checks app.json as the platform will (every problem at once), then packs it; the file:// URL.
export async function packFileSource(source: FileSource): Promise<string> {
  const path = resolve(source.cwd ?? process.cwd(), source.file)
  if (!isOnThisMachine(source.apiUrl)) {
    throw new UsageError(`--file works only with a platform on this machine (it reads the file through a file:// URL); for ${source.apiUrl}, put a gzipped tarball holding app.json where the platform can fetch it and pass --source URL.`)
  }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(code === 'ENOENT' ? `No ${source.file} here: pass --file PATH or --source URL.` : `Cannot read ${source.file} (${code}).`)
  }
  const parsed = parseAppJson(text)
  if (!parsed.ok) throw new UsageError(`${source.file}: ${parsed.errors.join('; ')}`)
  const missing = missingRequiredEnv(parsed.manifest.env, (name) => name in source.overrides)
  if (missing.length > 0) throw new UsageError(`${source.file} requires ${missing.join(', ')}, which ${missing.length === 1 ? 'has' : 'have'} no value: pass --env ${missing[0]}=VALUE`)

  const dir = join(source.cacheDir, 'setup-sources')
  mkdirSync(dir, {recursive: true, mode: 0o700})
  pruneOld(dir)
  const bytes = await packAppJson(text)
  const target = join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.tar.gz`)
  writeFileSync(target, bytes, {mode: 0o600})
  return pathToFileURL(target).href
}

// --source: a URL as it is, or a local tarball's path as a file:// URL (this machine's platform only).
export function sourceUrl(value: string, apiUrl: string, cwd = process.cwd()): string {
  if (/^(https?|file):\/\//i.test(value)) return value
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new UsageError(`--source must be an https, http or file URL, or a local tarball's path: ${value}`)
  const path = isAbsolute(value) ? value : resolve(cwd, value)
  if (!existsSync(path)) throw new UsageError(`--source ${value} is neither a URL nor a file here.`)
  if (!isOnThisMachine(apiUrl)) throw new UsageError(`--source ${value} is a local file, which only a platform on this machine can read; for ${apiUrl}, pass a URL it can fetch.`)
  return pathToFileURL(path).href
}

function pruneOld(dir: string): void {
  const before = Date.now() - KEEP_MS
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, {force: true})
    } catch {
      // removed by another run meanwhile
    }
  }
}
