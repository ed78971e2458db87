import assert from 'node:assert/strict'
import {gzipSync} from 'node:zlib'
import {describe, test} from 'node:test'
import tar from 'tar-stream'
import {APP_JSON_MAX_BYTES, appJsonFromTarballBytes, packAppJson, SourceTarballError} from '../../src/wire/source-tarball.js'

// A gzipped tarball of the given files, in order.
async function tarball(files: Array<[string, string | Buffer]>): Promise<Buffer> {
  const pack = tar.pack()
  for (const [name, content] of files) pack.entry({name}, content)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  return gzipSync(Buffer.concat(chunks))
}

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await appJsonFromTarballBytes(bytes)
  } catch (error) {
    assert.ok(error instanceof SourceTarballError, String(error))
    return error.message
  }
  throw new Error('read an app.json')
}

describe('source tarballs (app-setup source_blob)', () => {
  test('packAppJson round-trips through the reader', async () => {
    assert.equal(await appJsonFromTarballBytes(await packAppJson('{"addons":["kv"]}')), '{"addons":["kv"]}')
  })

  test('where app.json may be: the root (also ./app.json) wins over one top folder; deeper ones are not read', async () => {
    const cases: Array<[Array<[string, string]>, string]> = [
      [[['app.json', 'root']], 'root'],
      [[['./app.json', 'dot']], 'dot'],
      [[['repo-abc123/README.md', 'x'], ['repo-abc123/app.json', 'top']], 'top'],
      [[['repo/app.json', 'top'], ['app.json', 'root']], 'root'],
      [[['repo/app.json', 'first'], ['other/app.json', 'second']], 'first'],
    ]
    for (const [files, expected] of cases) assert.equal(await appJsonFromTarballBytes(await tarball(files)), expected, JSON.stringify(files))
    assert.equal(await refusal(await tarball([['a/b/app.json', 'deep'], ['APP.JSON', 'case']])), 'the source tarball has no app.json at its root or in its top folder')
  })

  test('what is not a gzipped tarball with a small app.json is refused with one line', async () => {
    assert.equal(await refusal(Buffer.from('plain text')), 'the source is not a gzipped tarball')
    assert.match(await refusal(gzipSync('not a tar archive at all')), /^the source is not a tar archive/)
    assert.equal(await refusal(await tarball([['app.json', Buffer.alloc(APP_JSON_MAX_BYTES + 1, 32)]])), 'app.json is larger than 1 MB')
  })
})
