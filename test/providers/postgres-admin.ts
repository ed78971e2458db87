// The PostgreSQL server tests may use: CI sets ADDONKIT_TEST_POSTGRES_ADMIN_URL; locally the Debian
// socket is tried. Resolves to a skip reason when neither answers.
import pg from 'pg'

export const postgresAdminUrl =
  process.env.ADDONKIT_TEST_POSTGRES_ADMIN_URL || 'postgres://postgres@localhost/postgres?host=/var/run/postgresql'

export async function postgresSkipReason(): Promise<string | false> {
  const client = new pg.Client({connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000})
  try {
    await client.connect()
    return false
  } catch (error) {
    return `PostgreSQL is not reachable (${(error as Error).message}): set ADDONKIT_TEST_POSTGRES_ADMIN_URL`
  } finally {
    await client.end().catch(() => {})
  }
}
