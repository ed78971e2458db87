import assert from 'node:assert/strict'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import Fastify, {type FastifyInstance} from 'fastify'
import {loadBuiltinProviders, type BuiltinProviders} from '../../../src/providers/builtin.js'
import {findExecutable} from '../../../src/providers/builtin/find-executable.js'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'
import {runCli} from '../../helpers/cli.js'
import {postgresAdminUrl, postgresSkipReason} from '../../providers/postgres-admin.js'
import {checkLines} from './checks-output.js'

// Built-in providers are served by the local platform over http; the checker wants https
// production URLs (a real platform would refuse anything else), so they get a placeholder here.
// The checks themselves run against api.test, the real local URLs.
function withHttpsProduction(manifest: ProviderManifest): ProviderManifest {
  return {...manifest, api: {...manifest.api, production: {base_url: `https://${manifest.id}.example.com/heroku/resources`, sso_url: `https://${manifest.id}.example.com/sso/login`}}}
}

const postgresSkip = await postgresSkipReason()
const skipReasons: Record<string, string | false> = {
  kv: false,
  redis: findExecutable('redis-server') ? false : 'redis-server is not installed',
  postgresql: postgresSkip,
}

describe('every built-in provider passes provider:test all', () => {
  let app: FastifyInstance
  let builtins: BuiltinProviders
  let manifests: ProviderManifest[] = []
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'addonkit-builtin-check-'))
    app = Fastify()
    builtins = await loadBuiltinProviders(app, {dataDir: dir, postgresAdminUrl: postgresSkip ? undefined : postgresAdminUrl})
    manifests = await builtins.start(await app.listen({host: '127.0.0.1', port: 0}))
  })
  after(async () => {
    await builtins.close()
    await app.close()
  })

  for (const [id, skip] of Object.entries(skipReasons)) {
    it(id, {skip}, async () => {
      const manifest = manifests.find((m) => m.id === id)
      assert.ok(manifest, `no built-in ${id}`)
      const path = join(dir, `${id}-manifest.json`)
      await writeFile(path, JSON.stringify(withHttpsProduction(manifest)))
      const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', path])
      const lines = checkLines(stdout)
      assert.ok(lines.some((line) => line.name === 'deprovision response is 2xx'), stdout)
      assert.deepEqual(lines.filter((line) => !line.ok), [], stdout)
      assert.equal(exitCode, 0, stdout)
    })
  }
})
