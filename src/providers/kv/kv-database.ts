import {chmodSync, closeSync, existsSync, mkdirSync, openSync} from 'node:fs'
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

// One SQLite file for every kv resource of this service. It holds every app's keys and values, so
// the folder is 0700 and the files 0600 whatever the umask (SQLite gives -wal and -shm the mode
// of the database file).
export async function openKvDatabase(dir: string): Promise<BetterSqlite3.Database> {
  // Loaded here, not at the top of the module: the CLI must not load a native module at start-up.
  const {default: SQLite} = await import('better-sqlite3')
  mkdirSync(dir, {recursive: true, mode: 0o700})
  chmodSync(dir, 0o700)
  const file = kvDatabaseFile(dir)
  closeSync(openSync(file, 'a', 0o600))
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600)

  const db = new SQLite(file)
  try {
    // Only takes effect on a new file (before the first table): lets a deprovision give the
    // space of a large resource back to the disk.
    db.pragma('auto_vacuum = INCREMENTAL')
    // WAL keeps every committed write across a kill -9; NORMAL skips the fsync per commit, which
    // only a power loss (not a process crash) can make count.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    // A checkpoint runs inside the write that triggers it and costs about 8 ms here, mostly fsync,
    // however few pages it copies (small writes keep rewriting the same pages): one every 10,000
    // pages (40 MB of WAL) rather than SQLite's 1,000 keeps it out of the 99th percentile of writes.
    db.pragma('wal_autocheckpoint = 10000')
    // Without a limit the -wal file stays as large as the largest value ever written.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`)
    const version = db.pragma('user_version', {simple: true}) as number
    if (version > migrations.length) throw new Error(`${file} was written by a newer addonkit (schema ${version}): upgrade addonkit`)
    db.transaction(() => {
      for (const step of migrations.slice(version)) db.exec(step)
      db.pragma(`user_version = ${migrations.length}`)
    }).immediate()
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
