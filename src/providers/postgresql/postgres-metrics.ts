import type pg from 'pg'

/**
 * The metrics line of one postgresql add-on, read from the server: the database's size in bytes
 * (Heroku Postgres' `sample#db_size=<n>bytes`) and the connections open to it. The admin connection
 * asking is to another database, so it is not counted.
 */
export async function postgresMetricsLine(client: pg.PoolClient, database: string): Promise<string> {
  const {rows} = await client.query<{size: string; connections: string}>(
    'SELECT pg_database_size($1) AS size, (SELECT count(*) FROM pg_stat_activity WHERE datname = $1) AS connections',
    [database],
  )
  return `source=DATABASE sample#db_size=${rows[0].size}bytes sample#active-connections=${rows[0].connections}`
}
