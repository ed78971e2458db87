import {openServiceDatabase} from '../builtin/service-database.js'
import {join} from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'

// Bump with a step in `migrations` below whenever the tables change.
const migrations: string[] = [
  `CREATE TABLE entries (
     resource TEXT NOT NULL,
     key TEXT NOT NULL,
     value BLOB NOT NULL,
     PRIMARY KEY (resource, key)
   );
   -- Kept beside the entries and changed in the same transaction, so a write never has to add up
   -- a resource's values to check its plan's limit.
   CREATE TABLE usage (
     resource TEXT PRIMARY KEY,
     keys INTEGER NOT NULL,
     bytes INTEGER NOT NULL
   );`,
  // Requests counted for the dashboard (each resource's month) and for the pay-as-you-go plan's usage
  // reports, which wait here until the platform has them: a report keeps its id across retries and
  // restarts, so the platform counts it once.
  `CREATE TABLE request_months (
     resource TEXT NOT NULL,
     month TEXT NOT NULL,
     requests INTEGER NOT NULL,
     PRIMARY KEY (resource, month)
   );
   CREATE TABLE usage_outbox (
     id TEXT PRIMARY KEY,
     resource TEXT NOT NULL,
     requests INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );`,
]

export function kvDatabaseFile(dir: string): string {
  return join(dir, 'kv.sqlite')
}

// One SQLite file for every kv resource of this service (every app's keys and values).
export function openKvDatabase(dir: string): Promise<BetterSqlite3.Database> {
  return openServiceDatabase(kvDatabaseFile(dir), migrations, {
    pragmas: [
      // Only takes effect on a new file (before the first table): lets a deprovision give the
      // space of a large resource back to the disk.
      'auto_vacuum = INCREMENTAL',
      // A checkpoint runs inside the write that triggers it and costs about 8 ms here, mostly fsync,
      // however few pages it copies (small writes keep rewriting the same pages): one every 10,000
      // pages (40 MB of WAL) rather than SQLite's 1,000 keeps it out of the 99th percentile of writes.
      'wal_autocheckpoint = 10000',
    ],
  })
}
