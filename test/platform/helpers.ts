import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import got, {type Got} from 'got'
import {startPlatform, type PlatformOptions, type RunningPlatform} from '../../src/platform/start.js'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'

export const OWNER = {email: 'owner@example.com', apiKey: 'owner-key'}
export const STRANGER = {email: 'stranger@example.com', apiKey: 'stranger-key'}

export interface TestPlatform {
  platform: RunningPlatform
  url: string
  api: Got
  stranger: Got
  anonymous: Got
  close(): Promise<void>
}

export function client(url: string, key?: string): Got {
  return got.extend({
    prefixUrl: url,
    throwHttpErrors: false,
    retry: {limit: 0},
    responseType: 'json',
    timeout: {request: 20_000},
    headers: {accept: 'application/vnd.heroku+json; version=3', ...(key ? {authorization: `Bearer ${key}`} : {})},
  })
}

// Set by test/platform/postgres.test.ts when it re-runs the integration suite on PostgreSQL.
export const onPostgres = process.env.ADDONKIT_PLATFORM_DB === 'pg' && Boolean(process.env.ADDONKIT_TEST_DATABASE_URL)

// PostgreSQL runs use a fresh schema per platform so test files never see each other's rows.
export async function testDatabaseUrl(): Promise<string | undefined> {
  if (!onPostgres) return undefined
  return freshPostgresSchema(process.env.ADDONKIT_TEST_DATABASE_URL!)
}

// A new, empty schema in the test database, as a URL whose connections use it.
export async function freshPostgresSchema(base: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const {default: pg} = await import('pg')
  const admin = new pg.Client({connectionString: base})
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

export async function startTestPlatform(manifests: ProviderManifest[], options: Partial<PlatformOptions> = {}): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'addonkit-platform-'))
  const platform = await startPlatform({
    port: 0,
    dataDir,
    databaseUrl: await testDatabaseUrl(),
    accounts: [OWNER, STRANGER],
    manifests,
    builtinProviders: false,
    writeState: false,
    // generous: 50 concurrent creates on a loaded 2-core CI machine must not time out; the fault
    // tests that want a time-out set their own
    providerTimeoutMs: 10_000,
    retryBackoffMs: 5,
    deletionRetryBaseMs: 20,
    deletionIntervalMs: 50,
    log: () => {},
    ...options,
  })
  return {
    platform,
    url: platform.url,
    api: client(platform.url, OWNER.apiKey),
    stranger: client(platform.url, STRANGER.apiKey),
    anonymous: client(platform.url),
    async close() {
      await platform.close()
      if (!options.dataDir) rmSync(dataDir, {recursive: true, force: true})
    },
  }
}

// Polls until `check` is true (for work the platform finishes after answering, like orphan DELETEs).
export async function eventually(check: () => boolean | Promise<boolean>, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`never happened: ${what}`)
}
