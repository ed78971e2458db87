import type BetterSqlite3 from 'better-sqlite3'
import {join} from 'node:path'
import {openKvDatabase} from './kv-database.js'
import {importLegacyJsonFiles} from './legacy-json-import.js'

export class OverLimitError extends Error {}

// What a plan's limit counts: the UTF-8 bytes of every key plus the bytes of every value.
function entryBytes(key: string, valueBytes: number): number {
  return Buffer.byteLength(key) + valueBytes
}

interface Usage {
  keys: number
  bytes: number
}

// The statements of a kv store and its transactions, prepared once per open database.
// better-sqlite3 runs each call to completion before the next starts, so a transaction below is
// never interleaved with another request's: the limit check and the write see the same usage.
function statements(db: BetterSqlite3.Database) {
  const usage = db.prepare<[string], Usage>('SELECT keys, bytes FROM usage WHERE resource = ?')
  const setUsage = db.prepare<[string, number, number]>(
    'INSERT INTO usage (resource, keys, bytes) VALUES (?, ?, ?) ON CONFLICT (resource) DO UPDATE SET keys = excluded.keys, bytes = excluded.bytes',
  )
  // length() of a BLOB is read from the record header, without loading the value.
  const valueBytes = db.prepare<[string, string], number>('SELECT length(value) FROM entries WHERE resource = ? AND key = ?').pluck()
  const put = db.prepare<[string, string, Buffer]>('INSERT INTO entries (resource, key, value) VALUES (?, ?, ?) ON CONFLICT (resource, key) DO UPDATE SET value = excluded.value')
  const remove = db.prepare<[string, string]>('DELETE FROM entries WHERE resource = ? AND key = ?')
  const removeAll = db.prepare<[string]>('DELETE FROM entries WHERE resource = ?')
  const removeUsage = db.prepare<[string]>('DELETE FROM usage WHERE resource = ?')

  return {
    usage: (resource: string): Usage => usage.get(resource) ?? {keys: 0, bytes: 0},
    keys: db.prepare<[string], string>('SELECT key FROM entries WHERE resource = ?').pluck(),
    value: db.prepare<[string, string], Buffer>('SELECT value FROM entries WHERE resource = ? AND key = ?').pluck(),

    set: db.transaction((resource: string, key: string, value: Buffer, limit: number) => {
      const before = usage.get(resource) ?? {keys: 0, bytes: 0}
      const previous = valueBytes.get(resource, key)
      const bytes = before.bytes - (previous === undefined ? 0 : entryBytes(key, previous)) + entryBytes(key, value.length)
      if (bytes > limit) throw new OverLimitError(`storing this value would use ${bytes} bytes, over this plan's limit of ${limit} bytes`)
      put.run(resource, key, value)
      setUsage.run(resource, before.keys + (previous === undefined ? 1 : 0), bytes)
    }),

    delete: db.transaction((resource: string, key: string): boolean => {
      const previous = valueBytes.get(resource, key)
      if (previous === undefined) return false
      const before = usage.get(resource)!
      remove.run(resource, key)
      setUsage.run(resource, before.keys - 1, before.bytes - entryBytes(key, previous))
      return true
    }),

    // Everything a resource holds, replaced by `entries` (the legacy import) or by nothing (drop).
    replace: db.transaction((resource: string, entries: [string, Buffer][]) => {
      removeAll.run(resource)
      removeUsage.run(resource)
      if (entries.length === 0) return
      let bytes = 0
      for (const [key, value] of entries) {
        put.run(resource, key, value)
        bytes += entryBytes(key, value.length)
      }
      setUsage.run(resource, entries.length, bytes)
    }),
  }
}

type Statements = ReturnType<typeof statements>
interface Opened {
  db: BetterSqlite3.Database
  run: Statements
}

// The keys and values of every kv resource, in one SQLite database in the service's folder: a
// write costs the same however much the resource already holds.
export class KvData {
  private opened?: Promise<Opened>
  private closed = false

  constructor(
    private readonly dir: string,
    private readonly log: {warn(message: string): void},
  ) {}

  // Opens the database (once) and imports what earlier versions kept as JSON files.
  async open(): Promise<void> {
    await this.ready()
  }

  private ready(): Promise<Opened> {
    if (this.closed) return Promise.reject(new Error('kv store closed'))
    if (this.opened) return this.opened
    const opening = openKvDatabase(this.dir).then((db) => {
      const run = statements(db)
      try {
        importLegacyJsonFiles(join(this.dir, 'data'), (resource, entries) => run.replace.immediate(resource, entries), this.log)
      } catch (error) {
        db.close()
        throw error
      }
      return {db, run}
    })
    this.opened = opening
    // A failed open (a newer schema, a full disk) is tried again by the next request.
    opening.catch(() => {
      if (this.opened === opening) this.opened = undefined
    })
    return opening
  }

  private async run(): Promise<Statements> {
    return (await this.ready()).run
  }

  // The open database, for what else kv keeps beside the entries (request-meter.ts).
  async database(): Promise<BetterSqlite3.Database> {
    return (await this.ready()).db
  }

  async usage(resourceId: string): Promise<Usage> {
    return (await this.run()).usage(resourceId)
  }

  async keys(resourceId: string): Promise<string[]> {
    // Sorted here, as JavaScript sorts (UTF-16 code units), not by SQLite's byte order.
    return (await this.run()).keys.all(resourceId).sort()
  }

  async get(resourceId: string, key: string): Promise<Buffer | undefined> {
    return (await this.run()).value.get(resourceId, key)
  }

  // Refuses (OverLimitError, nothing changed) when the store would grow past `limit` bytes.
  async set(resourceId: string, key: string, value: Buffer, limit: number): Promise<void> {
    ;(await this.run()).set.immediate(resourceId, key, value, limit)
  }

  async delete(resourceId: string, key: string): Promise<boolean> {
    return (await this.run()).delete.immediate(resourceId, key)
  }

  async drop(resourceId: string): Promise<void> {
    const {db, run} = await this.ready()
    run.replace.immediate(resourceId, [])
    // The freed pages go back to the disk 8 MB at a time, so that giving back a full standard
    // resource does not hold up other requests for a second.
    while (!this.closed && (db.pragma('freelist_count', {simple: true}) as number) > 0) {
      db.pragma('incremental_vacuum(2048)')
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const opened = this.opened
    this.opened = undefined
    const db = await opened?.then((o) => o.db).catch(() => undefined)
    db?.close()
  }
}
