import {Readable, Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createGunzip, gzipSync} from 'node:zlib'
import tar from 'tar-stream'

// The source blob of an app-setup, as Heroku takes it: a gzipped tarball with app.json at its root or
// in its one top folder (GitHub's tarballs hold `owner-repo-sha/app.json`). The platform reads app.json
// out of it (nothing else is used); the CLI packs a lone app.json into one for `apps:setup --file`.

// app.json is a small file: a bigger one is refused rather than held in memory.
export const APP_JSON_MAX_BYTES = 1024 * 1024

export class SourceTarballError extends Error {}

// app.json's text, or a SourceTarballError saying what is wrong with the tarball. Reads to the end,
// since a root app.json may come after a top folder's; `maxBytes` bounds the uncompressed tarball.
export async function appJsonFromTarball(source: Readable, maxBytes = 512 * 1024 * 1024): Promise<string> {
  let atRoot: string | undefined
  let inTopFolder: string | undefined
  let total = 0
  const extract = tar.extract()
  extract.on('entry', (headers, stream, next) => {
    const place = appJsonPlace(headers.name)
    const isFile = headers.type === 'file' || headers.type === 'contiguous-file' || headers.type == null
    if (!place || !isFile || (place === 'top' && inTopFolder !== undefined)) {
      stream.on('end', () => next()).resume()
      return
    }
    if ((headers.size ?? 0) > APP_JSON_MAX_BYTES) {
      next(new SourceTarballError(`app.json is larger than ${APP_JSON_MAX_BYTES / 1024 / 1024} MB`))
      return
    }
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (place === 'root') atRoot = text
      else inTopFolder = text
      next()
    })
  })
  // counts what comes out of gunzip, so a small gzip that inflates to gigabytes is cut off
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length
      if (total > maxBytes) done(new SourceTarballError(`the source tarball is larger than ${Math.round(maxBytes / 1024 / 1024)} MB uncompressed`))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(source, createGunzip(), counter, extract)
  } catch (error) {
    if (error instanceof SourceTarballError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new SourceTarballError('the source is not a gzipped tarball')
    if (code === undefined) throw new SourceTarballError(`the source is not a tar archive (${(error as Error).message})`)
    throw error
  }
  const text = atRoot ?? inTopFolder
  if (text === undefined) throw new SourceTarballError('the source tarball has no app.json at its root or in its top folder')
  return text
}

// "app.json" and "./app.json" are at the root; "folder/app.json" is in a top folder.
function appJsonPlace(name: string): 'root' | 'top' | undefined {
  const parts = name.replace(/^\.\//, '').split('/').filter((p) => p !== '')
  if (parts.length === 1 && parts[0] === 'app.json') return 'root'
  if (parts.length === 2 && parts[1] === 'app.json' && parts[0] !== '..' && parts[0] !== '.') return 'top'
  return undefined
}

// A gzipped tarball holding one file, app.json, at its root.
export async function packAppJson(text: string): Promise<Buffer> {
  const pack = tar.pack()
  pack.entry({name: 'app.json', mode: 0o644, mtime: new Date(0)}, text)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  return gzipSync(Buffer.concat(chunks))
}

// For readers that already hold the bytes (an http body, a file).
export function appJsonFromTarballBytes(bytes: Buffer): Promise<string> {
  return appJsonFromTarball(Readable.from([bytes]))
}
