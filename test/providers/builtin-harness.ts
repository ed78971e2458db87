// A platform stand-in: a fastify instance with the built-in providers mounted, on 127.0.0.1:0.
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import Fastify from 'fastify'
import {loadBuiltinProviders} from '../../src/providers/builtin.js'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'
import {providerClient} from './provider-client.js'

export interface Harness {
  url: string
  manifests: ProviderManifest[]
  client(id: string): ReturnType<typeof providerClient>
  close(): Promise<void>
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'addonkit-providers-'))
}

export async function startBuiltins(dataDir: string, postgresAdminUrl?: string): Promise<Harness> {
  const app = Fastify()
  // Like the platform: its own form parser and an auth hook on every route not marked auth: 'none'.
  app.addContentTypeParser('application/x-www-form-urlencoded', {parseAs: 'string'}, (_r, body, done) => done(null, {}))
  app.addHook('preHandler', async (request, reply) => {
    if ((request.routeOptions.config as {auth?: string}).auth !== 'none') return reply.code(401).send({message: 'platform auth'})
  })
  const builtins = await loadBuiltinProviders(app, {dataDir, postgresAdminUrl})
  const url = await app.listen({host: '127.0.0.1', port: 0})
  const manifests = await builtins.start(url)
  return {
    url,
    manifests,
    client(id) {
      const manifest = manifests.find((m) => m.id === id)!
      const baseUrl = (manifest.api.test as {base_url: string}).base_url.replace(/\/heroku\/resources$/, '')
      return providerClient(baseUrl, manifest)
    },
    async close() {
      await builtins.close()
      await app.close()
    },
  }
}
