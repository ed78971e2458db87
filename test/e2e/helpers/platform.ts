// One real platform per e2e file, in-process, with the CLI's test token as its account key.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import pg from 'pg'
import {startPlatform, type PlatformOptions, type RunningPlatform} from '../../../src/platform/start.js'
import {platformCall} from './processes.js'

// runCli's client sends this token; the spawned CLI gets it through ADDONKIT_API_KEY.
export const TEST_TOKEN = 'test-token'

export interface E2EPlatform {
  platform: RunningPlatform
  url: string
  dataDir: string
  // GET on the Platform API as the account, for expectations the CLI does not print (raw values)
  get<T>(path: string): Promise<T>
  // destroys every add-on still on the platform (after a failed test), so no redis-server or database is left
  destroyAll(): Promise<void>
  close(): Promise<void>
}

// A fresh schema in ADDONKIT_TEST_DATABASE_URL so this platform's store sees no other run's rows.
async function freshSchema(base: string): Promise<{url: string; drop(): Promise<void>}> {
  const schema = `e2e_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({connectionString: base})
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE SCHEMA ${schema}`)
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`)}
}

export async function startE2EPlatform(options: Partial<PlatformOptions> & {postgresStore?: string} = {}): Promise<E2EPlatform> {
  const {postgresStore, ...rest} = options
  const dataDir = mkdtempSync(join(tmpdir(), 'addonkit-e2e-'))
  const schema = postgresStore ? await freshSchema(postgresStore) : undefined
  let platform: RunningPlatform
  try {
    platform = await startPlatform({
      port: 0,
      dataDir,
      databaseUrl: schema?.url,
      accounts: [{email: 'developer@example.com', apiKey: TEST_TOKEN}],
      writeState: false,
      log: () => {},
      ...rest,
    })
  } catch (error) {
    await schema?.drop()
    rmSync(dataDir, {recursive: true, force: true})
    throw error
  }
  const call = <T>(method: string, path: string, body?: unknown): Promise<T> => platformCall<T>(platform.url, method, path, body)
  const destroyAll = async () => {
    const addons = await call<Array<{id: string}>>('GET', '/addons')
    for (const addon of addons) await call('DELETE', `/addons/${addon.id}`, {force: true})
  }
  return {
    platform,
    url: platform.url,
    dataDir,
    get: (path) => call('GET', path),
    destroyAll,
    async close() {
      // what a failed test left behind is deprovisioned before the providers stop
      await destroyAll().catch(() => {})
      await platform.close()
      await schema?.drop()
      rmSync(dataDir, {recursive: true, force: true})
    },
  }
}
