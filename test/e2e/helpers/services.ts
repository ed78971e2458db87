// What the services suite needs around the CLI: which services can run here, and checks made from the
// test process itself once an add-on is gone (its config var has left the app, so `run` cannot see it).
import assert from 'node:assert/strict'
import {Redis} from 'ioredis'
import pg from 'pg'
import {findExecutable} from '../../../src/providers/builtin/find-executable.js'
import {postgresAdminUrl, postgresSkipReason} from '../../providers/postgres-admin.js'
import {runCli, type RunResult} from '../../helpers/cli.js'

export {postgresAdminUrl, postgresSkipReason}

export const redisSkipReason: string | false = findExecutable('redis-server') ? false : 'redis-server is not on PATH: the redis parts are skipped'

export async function createAddon(url: string, app: string, service: string, extra: string[] = []): Promise<{name: string; result: RunResult}> {
  const result = await runCli(['addons:create', service, '--app', app, ...extra], {url})
  assert.equal(result.exitCode, 0, result.stderr)
  const name = /^Creating (\S+)\.\.\. done/.exec(result.stderr)?.[1]
  assert.ok(name, result.stderr)
  return {name, result}
}

export async function destroyAddons(url: string, app: string, names: string[]): Promise<void> {
  const result = await runCli(['addons:destroy', ...names, '--confirm', app], {url})
  assert.equal(result.exitCode, 0, result.stderr)
  for (const name of names) assert.match(result.stderr, new RegExp(`^Destroying ${name} on ${app}\\.\\.\\. done`, 'm'))
}

// A redis-server that was stopped refuses connections on its port.
export async function redisConnectionError(redisUrl: string): Promise<string> {
  const client = new Redis(redisUrl, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false})
  // the cause arrives as an 'error' event; connect() itself rejects with "Connection is closed."
  let failure: NodeJS.ErrnoException | undefined
  client.on('error', (error: NodeJS.ErrnoException) => (failure ??= error))
  try {
    await client.connect()
    return 'connected'
  } catch (error) {
    const cause = failure ?? (error as NodeJS.ErrnoException)
    return String(cause.code ?? cause.message)
  } finally {
    client.disconnect()
  }
}

// The admin's view of a dropped database: connecting to it fails with 3D000 (does not exist).
export async function postgresDatabaseError(database: string): Promise<string> {
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${database}`
  const client = new pg.Client({connectionString: url.toString(), connectionTimeoutMillis: 5_000})
  try {
    await client.connect()
    return 'connected'
  } catch (error) {
    return (error as Error).message
  } finally {
    await client.end().catch(() => {})
  }
}

export async function postgresRoleExists(role: string): Promise<boolean> {
  const client = new pg.Client({connectionString: postgresAdminUrl, connectionTimeoutMillis: 5_000})
  await client.connect()
  try {
    return (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1
  } finally {
    await client.end()
  }
}
