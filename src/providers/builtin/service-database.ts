import {chmodSync, closeSync, existsSync, mkdirSync, openSync} from 'node:fs'
import {dirname} from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'

/**
 * Opens (creating it if need be) a built-in service's SQLite file, brought up to date with
 * `migrations` (one step per schema version, recorded in user_version). The data is the users', so
 * the folder is 0700 and the files 0600 whatever the umask (SQLite gives -wal and -shm the mode of the
 * database file). WAL with synchronous NORMAL: every committed write survives a kill -9, only a
 * power loss can cost the last ones.
 */
export interface ServiceDatabaseOptions {
  // pragmas a service wants on top of these, run first (`auto_vacuum` must come before any table)
  pragmas?: string[]
}

export async function openServiceDatabase(file: string, migrations: string[], options: ServiceDatabaseOptions = {}): Promise<BetterSqlite3.Database> {
  // Loaded here, not at the top of the module: the CLI must not load a native module at start-up.
  const {default: SQLite} = await import('better-sqlite3')
  const dir = dirname(file)
  mkdirSync(dir, {recursive: true, mode: 0o700})
  chmodSync(dir, 0o700)
  closeSync(openSync(file, 'a', 0o600))
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600)

  const db = new SQLite(file)
  try {
    for (const pragma of options.pragmas ?? []) db.pragma(pragma)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    // without a limit the -wal file stays as large as the largest transaction ever written
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
