import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import pg from 'pg'
import {builtinManifest, type BuiltinService, type ServiceContext} from '../builtin/builtin-service.js'
import {ProviderError, unavailable} from '../kit/errors.js'
import {JsonFileResourceStore} from '../kit/json-file-store.js'
import {providerKit} from '../kit/provider-kit.js'
import {serviceMetrics, type MetricsData} from '../builtin/metrics/service-metrics.js'
import {customerHost, redactedUrl} from './admin-url.js'
import {postgresPlanConnections, postgresPlans} from './plans.js'
import {postgresMetricsLine} from './postgres-metrics.js'

interface PostgresResourceData extends MetricsData {
  // Role and database share one generated name: ours, so it is a safe SQL identifier.
  database: string
}

export const noAdminUrl = 'PostgreSQL add-ons need a database server: start the platform with --postgres-admin-url postgres://USER:PASSWORD@HOST:5432/postgres and try again.'

// "PostgreSQL": a database and a role of the same name per add-on, in an existing server.
export function createPostgresService(context: ServiceContext): BuiltinService {
  const base = builtinManifest({id: 'postgresql', name: 'PostgreSQL', prefix: 'DATABASE', plans: postgresPlans, secrets: context.secrets})
  // log_input: a metrics line to each app the add-on is attached to, every interval
  const manifest = {...base, api: {...base.api, requires: ['log_input']}}
  const resources = new JsonFileResourceStore<PostgresResourceData>(join(context.dir, 'resources.json'))
  const adminUrl = context.postgresAdminUrl
  let pool: pg.Pool | undefined

  async function admin<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (!adminUrl) throw unavailable(noAdminUrl)
    pool ??= new pg.Pool({connectionString: adminUrl, max: 2, connectionTimeoutMillis: 5_000})
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (error) {
      throw unavailable(`cannot reach PostgreSQL at ${redactedUrl(adminUrl)}: ${(error as Error).message}`)
    }
    try {
      return await work(client)
    } finally {
      client.release()
    }
  }

  async function drop(client: pg.PoolClient, name: string) {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 OR usename = $1', [name])
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`DROP ROLE IF EXISTS "${name}"`)
  }

  const metrics = serviceMetrics<PostgresResourceData>(context, {
    service: 'postgresql',
    resources: () => resources.list(),
    sample: (resource) => admin((client) => postgresMetricsLine(client, resource.data.database)),
  })

  const kit = providerKit<PostgresResourceData>({
    manifest,
    store: resources,
    async provision(request) {
      const created = await admin(async (client) => {
        const name = `addon_${randomBytes(8).toString('hex')}`
        const password = randomBytes(24).toString('hex')
        const limit = postgresPlanConnections[request.plan]
        try {
          await client.query(`CREATE ROLE "${name}" LOGIN PASSWORD ${client.escapeLiteral(password)} CONNECTION LIMIT ${limit}`)
          await client.query(`CREATE DATABASE "${name}" OWNER "${name}"`)
          // Without this any role on the server (other add-ons included) may connect to it.
          await client.query(`REVOKE ALL ON DATABASE "${name}" FROM PUBLIC`)
          await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${name}" TO "${name}"`)
        } catch (error) {
          await drop(client, name).catch(() => {})
          throw new ProviderError(503, `could not create the database: ${(error as Error).message}`)
        }
        const {host, port} = customerHost(adminUrl!)
        return {
          config: {DATABASE_URL: `postgres://${name}:${password}@${host}:${port}/${name}`},
          data: {database: name},
          message: `database ${name} ready (${limit} connections)`,
        }
      })
      // after the admin connection went back to the pool: the grant exchange calls the platform
      return {...created, data: {...created.data, ...(await metrics.enrol(request))}}
    },
    async planChange(resource, plan) {
      const limit = postgresPlanConnections[plan]
      await admin((client) => client.query(`ALTER ROLE "${resource.data.database}" CONNECTION LIMIT ${limit}`))
      return {message: `connection limit is now ${limit}`}
    },
    async deprovision(resource) {
      await metrics.forget(resource.id)
      await admin((client) => drop(client, resource.data.database))
    },
    async dashboard(resource): Promise<Record<string, string>> {
      try {
        return await admin(async (client) => {
          const {rows} = await client.query('SELECT pg_size_pretty(pg_database_size($1)) AS size, (SELECT count(*) FROM pg_stat_activity WHERE datname = $1) AS connections', [resource.data.database])
          return {Size: rows[0].size, Connections: `${rows[0].connections} of ${postgresPlanConnections[resource.plan]}`}
        })
      } catch {
        return {Usage: 'PostgreSQL is not reachable right now'}
      }
    },
  })

  return {
    manifest,
    async register(app: FastifyInstance, prefix: string) {
      await app.register(kit, {prefix})
    },
    async start() {
      metrics.start()
    },
    async close() {
      await metrics.stop()
      await pool?.end()
      pool = undefined
    },
  }
}
