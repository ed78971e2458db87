import {createHash} from 'node:crypto'
import {join} from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type pg from 'pg'
import {Kysely, Migrator, type PostgresPool, type PostgresPoolClient, SqliteDialect, type SqliteDatabase, sql, type Transaction} from 'kysely'
import {LRUCache} from 'lru-cache'
import {isPostgres} from './dialect.js'
import type {Database} from './schema.js'
import {migrationProvider} from './migrations.js'
import {makePrivateDir, makePrivateFile, tightenSqliteSidecars} from './private-files.js'
import {StorePostgresDialect} from './schema-introspector.js'
import {seedRegions} from './seed.js'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>

export interface StoreOptions {
  dataDir: string
  databaseUrl?: string
  // called once per statement run (benchmarks count queries per request)
  onQuery?: (sql: string, ms: number) => void
}

// Errors that mean "another transaction won the race; run mine again and it will see the winner".
const RETRYABLE_PG_CODES = new Set(['23505', '40001', '40P01'])

// Serialises writers of one app: on PostgreSQL the app row is locked FOR UPDATE (held until
// commit), so a concurrent transaction on the same app waits and then reads the winner's rows instead
// of failing on a unique constraint; a lock, not a no-op update, which would leave a dead row version
// per write on the busiest row of the app. On SQLite a no-op update takes the write lock at once
// (transactions of one process are serialised anyway; this keeps other processes from deadlocking).
// Answers the app's name and owner as they are under the lock (undefined: no such app).
export async function lockApp(tx: Tx, appId: string): Promise<{name: string; owner_id: string} | undefined> {
  if (isPostgres(tx)) return tx.selectFrom('apps').select(['name', 'owner_id']).where('id', '=', appId).forUpdate().executeTakeFirst()
  // (not `id = id`: SQLite would then look for the rows of every table that references the app)
  return tx.updateTable('apps').set((eb) => ({maintenance: eb.ref('maintenance')})).where('id', '=', appId).returning(['name', 'owner_id']).executeTakeFirst()
}

// Work to run once the caller's transaction has committed (wake a tail, kick a drain): a reader
// woken earlier would not see the rows yet. Outside a transaction it runs at once.
const commitHooks = new WeakMap<object, Array<() => void>>()
export function afterCommit(db: Db | Tx, hook: () => void): void {
  const hooks = db.isTransaction ? commitHooks.get(db) : undefined
  if (hooks) hooks.push(hook)
  else queueMicrotask(hook)
}

export class Store {
  private readonly listeners = new Set<{close(): Promise<void>}>()

  constructor(readonly db: Db, readonly dialect: 'sqlite' | 'postgres', private readonly postgresUrl?: string) {}

  // PostgreSQL: calls `onMessage` with the payload of every NOTIFY on `channel`, from any instance,
  // on a connection of its own (reconnecting after a loss; `onReconnect` then lets the caller catch
  // up on what it missed). SQLite has no other writers to hear: undefined.
  async listen(channel: string, onMessage: (payload: string) => void, onReconnect: () => void): Promise<{close(): Promise<void>} | undefined> {
    if (this.dialect !== 'postgres' || !this.postgresUrl) return undefined
    const {default: pg} = await import('pg')
    const url = this.postgresUrl
    let client: pg.Client | undefined
    let closed = false
    let retry: NodeJS.Timeout | undefined
    const connect = async (): Promise<void> => {
      const next = new pg.Client({connectionString: url})
      next.on('notification', (message) => {
        if (message.channel === channel) onMessage(message.payload ?? '')
      })
      next.on('error', () => {
        if (closed || client !== next) return
        client = undefined
        void next.end().catch(() => {})
        retry = setTimeout(() => void connect().then(onReconnect, () => {}), 500)
        retry.unref()
      })
      try {
        await next.connect()
        await next.query(`LISTEN ${channel}`)
        client = next
      } catch (error) {
        void next.end().catch(() => {})
        if (closed) return
        retry = setTimeout(() => void connect().then(onReconnect, () => {}), 1000)
        retry.unref()
        throw error
      }
    }
    await connect()
    const handle = {
      close: async () => {
        closed = true
        if (retry) clearTimeout(retry)
        await client?.end().catch(() => {})
        this.listeners.delete(handle)
      },
    }
    this.listeners.add(handle)
    return handle
  }

  // Every multi-row change goes through here. SQLite: kysely runs on one connection behind a mutex,
  // so transactions are already serialised. PostgreSQL: concurrent writers hit the unique
  // constraints (or serialisation failures) and the loser is re-run, now seeing the winner's rows.
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const hooks: Array<() => void> = []
      try {
        const result = await this.db.transaction().execute((tx) => {
          commitHooks.set(tx, hooks)
          return work(tx)
        })
        for (const hook of hooks) hook()
        return result
      } catch (error) {
        const code = (error as {code?: string}).code
        if (this.dialect !== 'postgres' || !code || !RETRYABLE_PG_CODES.has(code) || attempt >= 8) throw error
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener.close()))
    await this.db.destroy()
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.onQuery) : await openSqlite(options.dataDir, options.onQuery)
  // PostgreSQL: keep kysely's bookkeeping tables in our schema (search_path), not whichever
  // schema of the database already has them.
  const schema = store.dialect === 'postgres' ? (await sql<{schema: string}>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined
  const migrator = new Migrator({db: store.db, provider: migrationProvider, migrationTableSchema: schema})
  const {error} = await migrator.migrateToLatest()
  if (error) {
    await store.close()
    throw new Error(`database migration failed: ${(error as Error).message ?? error}`)
  }
  await seedRegions(store.db)
  return store
}

async function openSqlite(dataDir: string, onQuery?: (sql: string, ms: number) => void): Promise<Store> {
  const {default: SQLite} = await import('better-sqlite3')
  const path = join(dataDir, 'platform.sqlite')
  makePrivateDir(dataDir)
  makePrivateFile(path)
  const file = new SQLite(path)
  // WAL keeps committed data across a kill -9; NORMAL sync is crash-safe for a process crash.
  file.pragma('journal_mode = WAL')
  file.pragma('synchronous = NORMAL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  tightenSqliteSidecars(path)
  return new Store(new Kysely<Database>({dialect: new SqliteDialect({database: withStatementCache(file)}), log: onQuery && ((event) => onQuery(event.query.sql, event.queryDurationMillis))}), 'sqlite')
}

// kysely prepares every query anew, and the platform runs the same few dozen statements over and
// over (a provision is about twenty): each SQL text keeps its prepared statement. better-sqlite3
// statements are reusable and run synchronously; none is iterated here (the one way a shared
// statement could be busy), and SQLite re-prepares a kept statement by itself if the schema changes.
function withStatementCache(file: BetterSqlite3.Database): SqliteDatabase {
  const statements = new LRUCache<string, BetterSqlite3.Statement, unknown>({max: 500, memoMethod: (sql) => file.prepare(sql)})
  return {close: () => file.close(), prepare: (sql: string) => statements.memo(sql)}
}

// As on SQLite, the same few dozen statements run over and over: each SQL text becomes a named
// prepared statement on the connection that first runs it, so PostgreSQL parses and plans it once
// per connection instead of once per query. A schema change under a kept statement (another
// instance migrating) makes PostgreSQL refuse it once ("cached plan must not change result
// type"): that statement is then run unnamed.
function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect()
      return {
        release: () => client.release(),
        async query(text: any, values?: readonly unknown[]) {
          if (typeof text !== 'string') return client.query(text)
          try {
            return await client.query({name: statementName(text), text, values: values as unknown[]})
          } catch (error) {
            if ((error as {code?: string}).code !== '0A000') throw error
            return client.query({text, values: values as unknown[]})
          }
        },
      } as PostgresPoolClient
    },
  }
}

const statementName = (text: string) => `k${createHash('sha1').update(text).digest('hex').slice(0, 24)}`

async function openPostgres(url: string, onQuery?: (sql: string, ms: number) => void): Promise<Store> {
  const {default: pg} = await import('pg')
  const pool = new pg.Pool({connectionString: url, max: 10})
  // Surface a bad URL or a stopped server now, as one clear line, rather than on the first request.
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end()
    throw new Error(`cannot connect to PostgreSQL: ${(error as Error).message}`)
  }
  return new Store(new Kysely<Database>({dialect: new StorePostgresDialect({pool: withNamedStatements(pool)}), log: onQuery && ((event) => onQuery(event.query.sql, event.queryDurationMillis))}), 'postgres', url)
}
