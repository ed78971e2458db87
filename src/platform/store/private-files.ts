import {chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

// The platform's store holds every account and every add-on's credentials: its folder is its
// owner's alone (0700) and its files 0600, whatever the umask. Modes are set explicitly (chmod)
// because mkdir's and open's modes are only upper bounds that the umask narrows further.

// The data folder. One we create, or one that is already ours (it holds a store or platform.json,
// so an older install is fixed on start) or empty, becomes 0700; any other existing folder given
// as `--data` (a project folder, say) keeps its mode, since the files in it are private anyway.
export function makePrivateDir(dir: string): void {
  const created = mkdirSync(dir, {recursive: true, mode: 0o700})
  if (created !== undefined || holdsOurFiles(dir)) chmodSync(dir, 0o700)
}

// Creates the file empty (an empty file is a valid empty SQLite database) before anything opens
// it, so it is never readable by others even for a moment; an existing one is tightened.
export function makePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  chmodSync(path, 0o600)
}

// SQLite creates a database's -wal and -shm with the database file's own mode; these may be left
// with a wider one by an older version (after a kill -9, they outlive the process).
export function tightenSqliteSidecars(databasePath: string): void {
  for (const suffix of ['-wal', '-shm']) {
    const path = `${databasePath}${suffix}`
    if (existsSync(path)) chmodSync(path, 0o600)
  }
}

function holdsOurFiles(dir: string): boolean {
  if (existsSync(join(dir, 'platform.sqlite')) || existsSync(join(dir, 'platform.json'))) return true
  return readdirSync(dir).length === 0
}
