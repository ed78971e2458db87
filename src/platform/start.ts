import {readFile, writeFile, mkdir, rename} from 'node:fs/promises'
import {loadManifest} from '../providers/kit/manifest-file.js'
import {dataDir as defaultDataDir, platformStatePath, type PlatformState} from '../lib/paths.js'
import type {ProviderManifest} from '../providers/kit/manifest-types.js'
import {ProviderClient} from './provider-client/client.js'
import {HEROKU_RATE_LIMIT, type RateLimit} from './services/rate-limits.js'
import {buildServer} from './server.js'
import type {KeyedAccount} from './services/accounts.js'
import {createServices, type Services} from './services/index.js'
import {openStore} from './store/database.js'

export interface PlatformOptions {
  port?: number
  host?: string
  // the URL clients and providers reach the platform by (a load balancer in front of several
  // instances): callback_url, web_url and platform.json use it; default: the address listened on
  publicUrl?: string
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
  // how often each instance looks for due background jobs (owed DELETEs, deadlines, sweeps)
  deletionIntervalMs?: number
  // an instance with no heartbeat for this long is gone and its work is taken over (default 60 s)
  instanceLeaseMs?: number
  // how long an asynchronous provision may take before it counts as failed (default: Heroku's 12 h)
  asyncProvisioningDeadlineMs?: number
  // how long a `sync` webhook delivery is retried (default: Heroku's 72 h), the wait after its first
  // failed attempt (doubling, up to an hour; default 5 s), and one attempt's time-out (default 10 s)
  webhookRetryWindowMs?: number
  webhookBackoffMs?: number
  webhookTimeoutMs?: number
  log?: (line: string) => void
  // the time billing counts by (plan periods, usage, invoices): tests set it to cross month ends
  clock?: () => Date
  // called once per store statement (benchmarks)
  onQuery?: (sql: string, ms: number) => void
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
  const store = await openStore({dataDir: dir, databaseUrl: options.databaseUrl, onQuery: options.onQuery})
  let url = ''
  const provider = new ProviderClient({timeoutMs: options.providerTimeoutMs, deprovisionAttempts: options.deprovisionAttempts, retryBackoffMs: options.retryBackoffMs})
  let services: Services
  try {
    services = await createServices({
      store, provider, baseUrl: () => options.publicUrl?.replace(/\/+$/, '') ?? url, log,
      deletionRetryBaseMs: options.deletionRetryBaseMs,
      asyncProvisioningDeadlineMs: options.asyncProvisioningDeadlineMs,
      instanceLeaseMs: options.instanceLeaseMs,
      jobIntervalMs: options.deletionIntervalMs,
      webhooks: {retryWindowMs: options.webhookRetryWindowMs, backoffMs: options.webhookBackoffMs, timeoutMs: options.webhookTimeoutMs},
      clock: options.clock,
    })
  } catch (error) {
    await store.close()
    throw error
  }
  const {account, apiKey} = await ensureAccounts(services, options.accounts ?? [], dir, log)
  // before listening: add-ons this instance reserves name it, and others must see it alive
  await services.instance.register()
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
    // open tails end first, or the server would wait on them
    await services.logs.stop()
    await services.worker.stop()
    await services.instance.leave().catch((error) => log(`leaving the instance list: ${(error as Error).message}`))
    services.catalog.stopRefreshing()
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
    const interrupted = await services.provisioning.reclaimInterrupted()
    if (interrupted > 0) log(`cleaned up ${interrupted} add-on(s) left mid-provision by an instance that is gone`)
    await services.logs.start()
    await services.worker.start()
    services.catalog.startRefreshing()
    if (options.writeState !== false) await writeState(dir, {url: services.ctx.baseUrl(), api_key: apiKey, email: account.email, pid: process.pid})
  } catch (error) {
    await close()
    throw error
  }
  return {url, apiKey, email: account.email, services, close}
}

// The account platform.json names, with its key. The store keeps only hashes of keys, so a later
// start takes the key back from the platform.json an earlier one wrote; when that is gone, the
// default account gets a new key (the old one stops working) and the log says so.
async function ensureAccounts(services: Services, accounts: {email: string; apiKey: string}[], dir: string, log: (line: string) => void): Promise<KeyedAccount> {
  const ensured = []
  for (const a of accounts) ensured.push(await services.accounts.ensure(a.email, a.apiKey))
  if (ensured.length > 0) return ensured[0]
  const savedKey = await readSavedKey(dir)
  const saved = savedKey === undefined ? undefined : await services.accounts.byApiKey(savedKey)
  if (saved) return {account: saved, apiKey: savedKey!}
  if (await services.accounts.byEmail(DEFAULT_EMAIL)) {
    log(`issued a new API key for ${DEFAULT_EMAIL}: ${platformStatePath(dir)} held no working key, and the store keeps only a hash of keys (the old key no longer works)`)
    return services.accounts.newKey(DEFAULT_EMAIL)
  }
  const created = await services.accounts.ensure(DEFAULT_EMAIL)
  log(`created account ${created.account.email}; the addonkit CLI finds this platform and its key by itself (try: addonkit apps:create my-app)`)
  return created
}

async function readSavedKey(dir: string): Promise<string | undefined> {
  try {
    const state = JSON.parse(await readFile(platformStatePath(dir), 'utf8')) as Partial<PlatformState>
    return typeof state.api_key === 'string' ? state.api_key : undefined
  } catch {
    return undefined
  }
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
