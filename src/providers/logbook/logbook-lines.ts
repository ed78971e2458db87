import {join} from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import {openServiceDatabase} from '../builtin/service-database.js'

// Add a step whenever the tables change; never edit a step that has shipped.
const migrations: string[] = [
  `CREATE TABLE resources (
     resource TEXT PRIMARY KEY,
     -- the log_drain_token of its provision: deliveries name their resource by it
     drain_token TEXT UNIQUE,
     line_limit INTEGER NOT NULL,
     -- kept beside the lines and changed with them, so a delivery never counts a resource's lines
     line_count INTEGER NOT NULL DEFAULT 0
   );
   -- seq orders the lines as they arrived (a batch is oldest first), whatever their own times say
   CREATE TABLE lines (
     seq INTEGER PRIMARY KEY,
     resource TEXT NOT NULL,
     time TEXT NOT NULL,
     source TEXT NOT NULL,
     process TEXT NOT NULL,
     message TEXT NOT NULL
   );
   CREATE INDEX lines_by_resource ON lines (resource, seq);
   CREATE INDEX lines_by_source ON lines (resource, source, seq);
   -- the Logplex-Frame-Ids of recent deliveries: a batch retried after its answer was lost is kept once
   CREATE TABLE frames (
     resource TEXT NOT NULL,
     frame_id TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     PRIMARY KEY (resource, frame_id)
   );
   CREATE INDEX frames_by_age ON frames (received_at);`,
]

// Logplex gives up on a batch within seconds; ids older than this cannot come back.
const FRAME_MEMORY_MS = 10 * 60 * 1000

export interface StoredLine {
  time: string
  source: string
  process: string
  message: string
}

export interface LineFilter {
  // case-insensitive (ASCII) text the message or the process must contain
  text?: string
  // exact source: `app`, `heroku`, an add-on's name
  source?: string
  limit: number
}

export interface LogbookResource {
  resource: string
  line_limit: number
  line_count: number
  // 1 when its provision carried a drain token, 0 when no line can reach it
  drained: 0 | 1
}

const resourceColumns = 'resource, line_limit, line_count, drain_token IS NOT NULL AS drained'

export class DrainTokenTaken extends Error {}

function statements(db: BetterSqlite3.Database) {
  const resource = db.prepare<[string], LogbookResource>(`SELECT ${resourceColumns} FROM resources WHERE resource = ?`)
  const setCount = db.prepare<[number, string]>('UPDATE resources SET line_count = ? WHERE resource = ?')
  // the oldest lines of a resource, by the index on (resource, seq)
  const trimOldest = db.prepare<[string, number]>('DELETE FROM lines WHERE seq IN (SELECT seq FROM lines WHERE resource = ? ORDER BY seq LIMIT ?)')
  const insertLine = db.prepare<[string, string, string, string, string]>('INSERT INTO lines (resource, time, source, process, message) VALUES (?, ?, ?, ?, ?)')
  const forgetOldFrames = db.prepare<[number]>('DELETE FROM frames WHERE received_at < ?')
  const rememberFrame = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO frames (resource, frame_id, received_at) VALUES (?, ?, ?)')
  const tokenOwner = db.prepare<[string], string>('SELECT resource FROM resources WHERE drain_token = ?').pluck()
  const upsert = db.prepare<[string, string | null, number]>(
    'INSERT INTO resources (resource, drain_token, line_limit) VALUES (?, ?, ?) ON CONFLICT (resource) DO UPDATE SET drain_token = excluded.drain_token, line_limit = excluded.line_limit',
  )
  const setLimit = db.prepare<[number, string]>('UPDATE resources SET line_limit = ? WHERE resource = ?')
  const removals = ['lines', 'frames', 'resources'].map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE resource = ?`))

  // Drops the oldest lines beyond the resource's limit; returns how many went.
  function trim(id: string, limit: number, count: number): number {
    const excess = Math.max(0, count - limit)
    if (excess > 0) trimOldest.run(id, excess)
    setCount.run(count - excess, id)
    return excess
  }

  const filtered = (where: string) =>
    db.prepare<unknown[], StoredLine>(`SELECT time, source, process, message FROM lines WHERE resource = ?${where} ORDER BY seq DESC LIMIT ?`)
  const textWhere = " AND (message LIKE ? ESCAPE '\\' OR process LIKE ? ESCAPE '\\')"
  const queries = {
    all: filtered(''),
    text: filtered(textWhere),
    source: filtered(' AND source = ?'),
    both: filtered(` AND source = ?${textWhere}`),
  }

  return {
    resource: (id: string) => resource.get(id),
    byToken: db.prepare<[string], LogbookResource>(`SELECT ${resourceColumns} FROM resources WHERE drain_token = ?`),
    sources: db.prepare<[string], string>('SELECT DISTINCT source FROM lines WHERE resource = ? ORDER BY source').pluck(),

    register: db.transaction((id: string, token: string | null, limit: number) => {
      const owner = token === null ? undefined : tokenOwner.get(token)
      if (owner !== undefined && owner !== id) throw new DrainTokenTaken('this log_drain_token already belongs to another logbook')
      upsert.run(id, token, limit)
      const current = resource.get(id)!
      trim(id, limit, current.line_count)
    }),

    setLimit: db.transaction((id: string, limit: number): number => {
      const current = resource.get(id)
      if (!current) return 0
      setLimit.run(limit, id)
      return trim(id, limit, current.line_count)
    }),

    // Returns how many lines were kept: 0 for a frame id seen in the last minutes.
    append: db.transaction((id: string, frameId: string | undefined, lines: StoredLine[], now: number): number => {
      const current = resource.get(id)
      if (!current) return 0
      if (frameId) {
        forgetOldFrames.run(now - FRAME_MEMORY_MS)
        if (rememberFrame.run(id, frameId, now).changes === 0) return 0
      }
      for (const line of lines) insertLine.run(id, line.time, line.source, line.process, line.message)
      trim(id, current.line_limit, current.line_count + lines.length)
      return lines.length
    }),

    drop: db.transaction((id: string) => {
      for (const removal of removals) removal.run(id)
    }),

    query(id: string, filter: LineFilter): StoredLine[] {
      const pattern = filter.text ? `%${filter.text.replace(/[\\%_]/g, '\\$&')}%` : undefined
      if (pattern && filter.source) return queries.both.all(id, filter.source, pattern, pattern, filter.limit)
      if (pattern) return queries.text.all(id, pattern, pattern, filter.limit)
      if (filter.source) return queries.source.all(id, filter.source, filter.limit)
      return queries.all.all(id, filter.limit)
    },
  }
}

/**
 * Every logbook's lines, in one SQLite file in the service's folder (logbook.sqlite): each resource
 * keeps the newest `line_limit` lines its drain delivered, and forgets the rest as new ones arrive.
 * Calls are synchronous (better-sqlite3), so each delivery is one transaction that no other request
 * interleaves with.
 */
export class LogbookLines {
  private db?: BetterSqlite3.Database
  private run?: ReturnType<typeof statements>

  constructor(private readonly dir: string) {}

  static file(dir: string): string {
    return join(dir, 'logbook.sqlite')
  }

  async open(): Promise<void> {
    if (this.db) return
    this.db = await openServiceDatabase(LogbookLines.file(this.dir), migrations)
    this.run = statements(this.db)
  }

  private get statements(): ReturnType<typeof statements> {
    if (!this.run) throw new Error('the logbook store is not open')
    return this.run
  }

  // A new resource (or one provisioned again): its drain token and its plan's limit.
  register(resource: string, drainToken: string | null, limit: number): void {
    this.statements.register.immediate(resource, drainToken, limit)
  }

  resourceForToken(token: string): LogbookResource | undefined {
    return this.statements.byToken.get(token)
  }

  usage(resource: string): LogbookResource | undefined {
    return this.statements.resource(resource)
  }

  // Returns how many of the oldest lines the new limit dropped.
  setLimit(resource: string, limit: number): number {
    return this.statements.setLimit.immediate(resource, limit)
  }

  append(resource: string, frameId: string | undefined, lines: StoredLine[], now = Date.now()): number {
    return this.statements.append.immediate(resource, frameId, lines, now)
  }

  // Newest first.
  lines(resource: string, filter: LineFilter): StoredLine[] {
    return this.statements.query(resource, filter)
  }

  sources(resource: string): string[] {
    return this.statements.sources.all(resource)
  }

  drop(resource: string): void {
    this.statements.drop.immediate(resource)
  }

  close(): void {
    this.db?.close()
    this.db = undefined
    this.run = undefined
  }
}
