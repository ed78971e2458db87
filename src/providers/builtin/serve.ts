import {join} from 'node:path'
import Fastify from 'fastify'
import {dataDir as addonkitDataDir} from '../../lib/paths.js'
import {writeFileAtomic} from '../kit/atomic-write.js'
import type {ProviderManifest} from '../kit/manifest-types.js'
import {providerUrls, type BuiltinService} from './builtin-service.js'
import {lockDataDir} from './data-lock.js'
import {loadServiceFactory} from './factories.js'
import {findExecutable} from './find-executable.js'
import {loadManifestSecrets} from './manifest-secrets.js'
import {defaultServePorts, type BuiltinServiceId} from './service-ids.js'

export interface ServeOptions {
  id: BuiltinServiceId
  // default: the service's fixed port (defaultServePorts); 0 picks a free one
  port?: number
  host?: string
  // the service's own folder; default: addonkit's data dir + providers/<id>, where `npm start` keeps it
  dataDir?: string
  platformUrl?: string
  postgresAdminUrl?: string
  // default: <dataDir>/manifest.json
  manifestOut?: string
  // redis and postgresql: how often their metrics line goes to the apps (0: never); default
  // ADDONKIT_METRICS_INTERVAL_MS, else a minute
  metricsIntervalMs?: number
  // the service's warnings (a redis-server that died and was restarted, ...)
  log?: (line: string) => void
}

export interface ServedProvider {
  id: BuiltinServiceId
  url: string
  dataDir: string
  manifest: ProviderManifest
  manifestPath: string
  // stops the service's processes (redis-servers) and the server; data and manifest stay
  close(): Promise<void>
}

/**
 * Runs one built-in service as its own provider: its own fastify server with the provider API at the
 * root (/heroku/resources, /sso/login, /dashboard, and kv's /kv), its data folder to itself, and the
 * manifest a platform registers it from (`platform:start --builtins none --manifest FILE`) written
 * beside. The manifest's secrets live in the data folder, so a restart writes the same manifest.
 * Fails with a one-line message when the service cannot run here.
 */
export async function serveBuiltinProvider(options: ServeOptions): Promise<ServedProvider> {
  const {id} = options
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? defaultServePorts[id]
  const dir = options.dataDir ?? join(addonkitDataDir(), 'providers', id)
  const manifestPath = options.manifestOut ?? join(dir, 'manifest.json')
  const platformUrl = options.platformUrl?.replace(/\/+$/, '')
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  await checkRequirements(id, options.postgresAdminUrl)

  const lock = await lockDataDir(dir)
  const app = Fastify()
  let service: BuiltinService | undefined
  let url = ''
  const close = async () => {
    await service?.close()
    await app.close()
    await lock.release()
  }
  try {
    const create = await loadServiceFactory(id)
    service = create({
      dir,
      secrets: await loadManifestSecrets(dir),
      publicUrl() {
        if (!url) throw new Error(`the ${id} provider was used before it listened`)
        return url
      },
      platformUrl: () => platformUrl,
      postgresAdminUrl: options.postgresAdminUrl,
      metricsIntervalMs: options.metricsIntervalMs,
      log: {warn: log},
    })
    await service.register(app, '')
    try {
      await app.listen({port, host})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`${host}:${port} is already in use: choose another --port`)
      throw error
    }
    url = listeningUrl(app.server.address(), host, port)
    await service.start()
    const manifest = servedManifest(service.manifest, url)
    await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
    return {id, url, dataDir: dir, manifest, manifestPath, close}
  } catch (error) {
    await close().catch(() => {})
    throw error
  }
}

// What the service needs from this machine, checked before anything starts.
async function checkRequirements(id: BuiltinServiceId, postgresAdminUrl: string | undefined): Promise<void> {
  if (id === 'redis' && !findExecutable('redis-server')) {
    throw new Error('redis-server is not installed on this machine: install it (apt-get install redis-server) and try again')
  }
  if (id !== 'postgresql') return
  if (!postgresAdminUrl) throw new Error('the postgresql provider creates databases in a PostgreSQL server: give --postgres-admin-url postgres://USER:PASSWORD@HOST:5432/postgres')
  const {default: pg} = await import('pg')
  const {redactedUrl} = await import('../postgresql/admin-url.js')
  const client = new pg.Client({connectionString: postgresAdminUrl, connectionTimeoutMillis: 5_000})
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${redactedUrl(postgresAdminUrl)}: ${(error as Error).message.split('\n')[0]}`)
  } finally {
    await client.end().catch(() => {})
  }
}

// The platform calls `api.test` (this process). It loads --manifest files with the rules for real
// providers, which want https production URLs; this process speaks plain http, so production names a
// host under .invalid (reserved: it never resolves) rather than pretend to be reachable.
function servedManifest(manifest: ProviderManifest, url: string): ProviderManifest {
  return {
    ...manifest,
    api: {...manifest.api, test: providerUrls(url), production: providerUrls(`https://${manifest.id}.addonkit.invalid`)},
  }
}

function listeningUrl(address: ReturnType<import('node:net').Server['address']>, host: string, port: number): string {
  const actualPort = typeof address === 'object' && address ? address.port : port
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return `http://${urlHost}:${actualPort}`
}
