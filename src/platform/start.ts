import {writeFile, mkdir, rename} from 'node:fs/promises'
import {loadManifest} from '../providers/kit/manifest-file.js'
import {dataDir as defaultDataDir, platformStatePath, type PlatformState} from '../lib/paths.js'
import type {ProviderManifest} from '../providers/kit/manifest-types.js'
import {ProviderClient} from './provider-client/client.js'
import {HEROKU_RATE_LIMIT, type RateLimit} from './http/rate-limit.js'
import {buildServer} from './server.js'
import {createServices, type Services} from './services/index.js'
import {openStore} from './store/database.js'

export interface PlatformOptions {
  port?: number
  host?: string
  dataDir?: string
  // `--account EMAIL:API_KEY`
  accounts?: {email: string; apiKey: string}[]
  // `--manifest FILE` paths, or manifests given directly (tests)
  manifestFiles?: string[]
  manifests?: ProviderManifest[]
  databaseUrl?: string
  postgresAdminUrl?: string
  // mount the built-in providers of src/providers (default true)
  builtinProviders?: boolean
  // write platform.json for the CLI (default true)
  writeState?: boolean
  // requests per account (Heroku's bucket by default); false turns the limit off
  rateLimit?: RateLimit | false
  providerTimeoutMs?: number
  deprovisionAttempts?: number
  retryBackoffMs?: number
  deletionRetryBaseMs?: number
  deletionIntervalMs?: number
  // how long an asynchronous provision may take before it counts as failed (default: Heroku's 12 h)
  asyncProvisioningDeadlineMs?: number
  log?: (line: string) => void
}

export interface RunningPlatform {
  url: string
  apiKey: string
  email: string
  services: Services
  close(): Promise<void>
}

const DEFAULT_EMAIL = 'developer@addonkit.local'

// Opens the store, registers services, mounts the built-in providers, listens, then cleans up what
// a previous run left half-done (add-ons whose provider never answered).
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const dir = options.dataDir ?? defaultDataDir()
  const manifests = [...(options.manifests ?? []), ...(await Promise.all((options.manifestFiles ?? []).map((file) => loadManifest(file, {strict: true}))))]
  const store = await openStore({dataDir: dir, databaseUrl: options.databaseUrl})
  let url = ''
  const provider = new ProviderClient({timeoutMs: options.providerTimeoutMs, deprovisionAttempts: options.deprovisionAttempts, retryBackoffMs: options.retryBackoffMs})
  let services: Services
  try {
    services = await createServices({store, provider, baseUrl: () => url, log, deletionRetryBaseMs: options.deletionRetryBaseMs, asyncProvisioningDeadlineMs: options.asyncProvisioningDeadlineMs})
  } catch (error) {
    await store.close()
    throw error
  }
  const account = await ensureAccounts(services, options.accounts ?? [], log)
  const app = buildServer(services, log, options.rateLimit ?? HEROKU_RATE_LIMIT)

  let builtin: {start(baseUrl: string): Promise<ProviderManifest[]>; close(): Promise<void>} | undefined
  if (options.builtinProviders !== false) {
    try {
      const {loadBuiltinProviders} = await import('../providers/builtin.js')
      builtin = await loadBuiltinProviders(app, {dataDir: dir, postgresAdminUrl: options.postgresAdminUrl, log})
    } catch (error) {
      log(`built-in providers unavailable: ${(error as Error).message.split('\n')[0]}`)
    }
  }

  const close = async () => {
    await services.deadline.stop()
    await services.deletions.stop()
    await builtin?.close().catch((error) => log(`closing built-in providers: ${(error as Error).message}`))
    await app.close()
    await store.close()
  }
  try {
    for (const manifest of manifests) await services.catalog.register(manifest)
    await app.listen({port: options.port ?? 5000, host: options.host ?? '127.0.0.1'})
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : options.port
    url = `http://${hostForUrl(options.host ?? '127.0.0.1')}:${port}`
    if (builtin) {
      for (const manifest of await builtin.start(url)) await services.catalog.register(manifest)
    }
    const interrupted = await services.provisioning.cleanUpInterrupted()
    if (interrupted > 0) log(`cleaned up ${interrupted} add-on(s) left mid-provision by the previous run`)
    services.deletions.start(options.deletionIntervalMs)
    services.deadline.start()
    if (options.writeState !== false) await writeState(dir, {url, api_key: account.api_key, email: account.email, pid: process.pid})
  } catch (error) {
    await close()
    throw error
  }
  return {url, apiKey: account.api_key, email: account.email, services, close}
}

async function ensureAccounts(services: Services, accounts: {email: string; apiKey: string}[], log: (line: string) => void) {
  const ensured = []
  for (const a of accounts) ensured.push(await services.accounts.ensure(a.email, a.apiKey))
  if (ensured.length > 0) return ensured[0]
  const existing = await services.accounts.first()
  if (existing) return existing
  const created = await services.accounts.ensure(DEFAULT_EMAIL)
  log(`created account ${created.email}; the addonkit CLI finds this platform and its key by itself (try: addonkit apps:create my-app)`)
  return created
}


// Written atomically (temp file + rename) so the CLI never reads half a file.
async function writeState(dir: string, state: PlatformState): Promise<void> {
  await mkdir(dir, {recursive: true})
  const path = platformStatePath(dir)
  await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, {mode: 0o600})
  await rename(`${path}.tmp`, path)
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
