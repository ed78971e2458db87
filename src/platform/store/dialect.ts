import {type Kysely, PostgresAdapter} from 'kysely'

// For the few statements whose SQL differs between the stores (migrations included, which run
// before a Store exists).
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
