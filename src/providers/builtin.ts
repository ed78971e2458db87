import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import type {BuiltinService, ServiceContext} from './builtin/builtin-service.js'
import {withUrls} from './builtin/builtin-service.js'
import {loadManifestSecrets} from './builtin/manifest-secrets.js'
import type {ProviderManifest} from './kit/manifest-types.js'
import {createKvService} from './kv/service.js'
import {createPostgresService} from './postgresql/service.js'
import {createRedisService} from './redis/service.js'

export interface BuiltinProviders {
  // Call after the platform listens, with its URL: returns the manifests to register as services
  // and restarts the processes of existing resources.
  start(baseUrl: string): Promise<ProviderManifest[]>
  // Stops child processes; data stays, so resources come back on the next start.
  close(): Promise<void>
}

// Service id → factory. The id names the URL prefix and the data folder.
const factories: Record<string, (context: ServiceContext) => BuiltinService> = {
  kv: createKvService,
  redis: createRedisService,
  postgresql: createPostgresService,
}

/**
 * Mounts the built-in add-on services (kv, redis, postgresql) on the platform's fastify instance,
 * each under /providers/<id>. Call before `app.listen()`.
 */
export async function loadBuiltinProviders(
  app: FastifyInstance,
  opts: {dataDir: string; postgresAdminUrl?: string; log?: (line: string) => void},
): Promise<BuiltinProviders> {
  let platformUrl: string | undefined
  const services: BuiltinService[] = []
  for (const [id, create] of Object.entries(factories)) {
    const dir = join(opts.dataDir, 'providers', id)
    const service = create({
      dir,
      secrets: await loadManifestSecrets(dir),
      platformUrl() {
        if (!platformUrl) throw new Error('built-in providers used before start(baseUrl)')
        return platformUrl
      },
      postgresAdminUrl: opts.postgresAdminUrl,
      log: {warn: (message) => (opts.log ? opts.log(message) : app.log.warn(message))},
    })
    await app.register(async (scope) => {
      // These routes bring their own auth (manifest Basic auth, SSO session, kv tokens): tell the
      // platform's auth hook, which skips routes marked `auth: 'none'`, to leave them alone.
      scope.addHook('onRoute', (route) => {
        route.config = {...(route.config as object), auth: 'none'} as typeof route.config
      })
      await service.register(scope, `/providers/${id}`)
    })
    services.push(service)
  }

  return {
    async start(baseUrl) {
      platformUrl = baseUrl.replace(/\/$/, '')
      await Promise.all(services.map((s) => s.start()))
      return services.map((s) => withUrls(s.manifest, platformUrl!))
    },
    async close() {
      await Promise.all(services.map((s) => s.close()))
    },
  }
}
