import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {pipeline, Transform, type Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import got from 'got'
import {appJsonFromTarball, SourceTarballError} from '../../wire/source-tarball.js'

// Where an app-setup's source comes from: an http(s) URL the platform downloads, or a file:// URL it
// reads from its own disk (a platform on the caller's machine: `apps:setup --file` packs app.json
// into a file there). Only app.json is taken out of the tarball.

export const SOURCE_PROTOCOLS = ['https:', 'http:', 'file:']
// the gzipped tarball as downloaded; app.json itself is bounded by wire/source-tarball.ts
const MAX_SOURCE_BYTES = 100 * 1024 * 1024
const DOWNLOAD_TIMEOUT_MS = 30_000

// Why the source could not be read: becomes the setup's failure_message.
export class SourceUnavailable extends Error {}

export interface SourceRequest {
  url: string
  // "SHA256:hex", as Heroku's source_blob.checksum
  checksum: string | null
}

export function checksumProblem(checksum: string): string | undefined {
  return /^SHA256:[0-9a-f]{64}$/i.test(checksum) ? undefined : `source_blob.checksum must be "SHA256:" and 64 hex digits, not ${JSON.stringify(checksum)}.`
}

export async function readSourceAppJson(source: SourceRequest): Promise<string> {
  const url = new URL(source.url)
  const hash = createHash('sha256')
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > MAX_SOURCE_BYTES) return done(new SourceUnavailable(`the source is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`))
      hash.update(chunk)
      done(null, chunk)
    },
  })
  let text: string
  try {
    // a failure of the download itself (404, no such file) destroys the meter with it, so the reader hears it
    text = await appJsonFromTarball(pipeline(open(url), meter, () => {}))
  } catch (error) {
    if (error instanceof SourceUnavailable || error instanceof SourceTarballError) throw new SourceUnavailable(error.message)
    throw new SourceUnavailable(`could not read ${describe(url)}: ${downloadProblem(error)}`)
  }
  if (source.checksum !== null) {
    const actual = `SHA256:${hash.digest('hex')}`
    if (actual.toLowerCase() !== source.checksum.toLowerCase()) throw new SourceUnavailable(`the source's checksum is ${actual}, not ${source.checksum}`)
  }
  return text
}

function open(url: URL): Readable {
  if (url.protocol === 'file:') return createReadStream(fileURLToPath(url))
  return got.stream(url, {timeout: {request: DOWNLOAD_TIMEOUT_MS}, retry: {limit: 1}, headers: {'user-agent': 'addonkit-platform-app-setups'}})
}

// the URL without credentials or query (a signed URL's token stays out of failure messages)
function describe(url: URL): string {
  return url.protocol === 'file:' ? url.href : `${url.protocol}//${url.host}${url.pathname}`
}

function downloadProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException & {response?: {statusCode?: number}}
  if (e.response?.statusCode) return `it answered ${e.response.statusCode}`
  if (e.code === 'ENOENT') return 'no such file'
  if (e.code === 'EACCES') return 'permission denied'
  if (e.code === 'EISDIR') return 'it is a folder'
  return e.code ?? e.message
}
