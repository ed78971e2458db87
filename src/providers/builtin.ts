import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import type {BuiltinService} from './builtin/builtin-service.js'
import {withUrls} from './builtin/builtin-service.js'
import {lockDataDir, type DataLock} from './builtin/data-lock.js'
import {loadServiceFactory} from './builtin/factories.js'
import {loadManifestSecrets} from './builtin/manifest-secrets.js'
import {builtinServiceIds} from './builtin/service-ids.js'
import type {ProviderManifest} from './kit/manifest-types.js'

export interface BuiltinProviders {
  // Call after the platform listens, with its URL: returns the manifests to register as services
  // and restarts the processes of existing resources.
  start(baseUrl: string): Promise<ProviderManifest[]>
  // Stops child processes; data stays, so resources come back on the next start.
  close(): Promise<void>
}

/**
 * Mounts the built-in add-on services (kv, redis, postgresql, logbook) on the platform's fastify instance,
 * each under /providers/<id>. Call before `app.listen()`. A service whose data folder another
 * process serves (`provider:serve`) is left out, with a line in the log.
 */
export async function loadBuiltinProviders(
  app: FastifyInstance,
  opts: {dataDir: string; postgresAdminUrl?: string; log?: (line: string) => void},
): Promise<BuiltinProviders> {
  const log = (message: string) => (opts.log ? opts.log(message) : app.log.warn(message))
  let platformUrl: string | undefined
  const url = () => {
    if (!platformUrl) throw new Error('built-in providers used before start(baseUrl)')
    return platformUrl
  }
  const mounted: {service: BuiltinService; lock: DataLock}[] = []
  const closeAll = () => Promise.all(mounted.map(async ({service, lock}) => {
    await service.close()
    await lock.release()
  }))
  try {
    for (const id of builtinServiceIds) {
      const dir = join(opts.dataDir, 'providers', id)
      let lock: DataLock
      try {
        lock = await lockDataDir(dir)
      } catch (error) {
        log(`built-in ${id} not mounted: ${(error as Error).message}`)
        continue
      }
      try {
        const create = await loadServiceFactory(id)
        const service = create({dir, secrets: await loadManifestSecrets(dir), publicUrl: url, platformUrl: url, postgresAdminUrl: opts.postgresAdminUrl, log: {warn: log}})
        mounted.push({service, lock})
        await app.register(async (scope) => {
          // These routes bring their own auth (manifest Basic auth, SSO session, kv tokens): tell the
          // platform's auth hook, which skips routes marked `auth: 'none'`, to leave them alone.
          scope.addHook('onRoute', (route) => {
            route.config = {...(route.config as object), auth: 'none'} as typeof route.config
          })
          await service.register(scope, `/providers/${id}`)
        })
      } catch (error) {
        if (!mounted.some((m) => m.lock === lock)) await lock.release()
        throw error
      }
    }
  } catch (error) {
    await closeAll()
    throw error
  }

  return {
    async start(baseUrl) {
      platformUrl = baseUrl.replace(/\/$/, '')
      await Promise.all(mounted.map(({service}) => service.start()))
      return mounted.map(({service}) => withUrls(service.manifest, `${platformUrl}/providers/${service.manifest.id}`))
    },
    async close() {
      await closeAll()
    },
  }
}
