import {sql} from 'kysely'
import type {Store} from '../store/database.js'

export interface RateLimit {
  // requests an account may make in a burst
  bucket: number
  // tokens given back per minute
  refillPerMinute: number
}

// Heroku's documented bucket: 2,400 requests, refilled at about 20 a minute.
export const HEROKU_RATE_LIMIT: RateLimit = {bucket: 2400, refillPerMinute: 20}

export interface Spent {
  allowed: boolean
  remaining: number
}

// One token bucket per caller, kept in the store so every instance spends from the same one. A
// request is one statement: insert the bucket full, or refill it for the time gone by and take a
// token if there is one; the row lock (PostgreSQL) or the single writer (SQLite) makes concurrent
// requests of one caller line up. On PostgreSQL the table is unlogged: no WAL flush per request.
export class RateLimits {
  private readonly least: string

  constructor(private readonly store: Store, private readonly limit: RateLimit) {
    this.least = store.dialect === 'postgres' ? 'least' : 'min'
  }

  async spend(key: string, cost: 0 | 1, nowMs = Date.now()): Promise<Spent> {
    const {bucket, refillPerMinute} = this.limit
    const perMs = refillPerMinute / 60_000
    const least = sql.raw(this.least)
    const greatest = sql.raw(this.least === 'least' ? 'greatest' : 'max')
    // tokens now, before this request: the stored count plus what refilled since (never past full)
    const refilled = sql`${least}(${bucket}, rate_limits.tokens + ${greatest}(0, ${nowMs} - rate_limits.at_ms) * ${perMs})`
    const {rows} = await sql<{tokens: number; allowed: number}>`
      insert into rate_limits (key, tokens, at_ms, allowed) values (${key}, ${bucket - cost}, ${nowMs}, 1)
      on conflict (key) do update set
        tokens = case when ${refilled} >= ${cost} then ${refilled} - ${cost} else ${refilled} end,
        at_ms = ${greatest}(rate_limits.at_ms, ${nowMs}),
        allowed = case when ${refilled} >= ${cost} then 1 else 0 end
      returning tokens, allowed`.execute(this.store.db)
    const row = rows[0]!
    return {allowed: Number(row.allowed) === 1, remaining: Math.floor(Number(row.tokens))}
  }
}
