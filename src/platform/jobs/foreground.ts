// The API requests this instance is answering, so that background work (the job worker's claims,
// webhook deliveries) makes way for them. Why: on SQLite every statement runs on the event loop that
// answers requests (better-sqlite3 is synchronous), and on PostgreSQL both share the pool and the
// database's CPU, so a delivery's bookkeeping started while a request is handled makes that request
// wait. A burst of API calls is served first; deliveries fill the idle moments. Never for long: each
// wait ends after `maxWaitMs` (50 ms: half the notify latency webhooks promise) whatever comes in,
// so under a constant stream of requests deliveries are late by a few tens of milliseconds, not
// starved, and when nothing is in flight work starts after the quiet period (2 ms) only.

// A request still open after this long is a stream (a log tail) or stuck: not work to make way for.
export const STREAM_AFTER_MS = 1000
// How long after the last answer the instance counts as quiet: a client making calls one after another
// sends its next within a millisecond or so, and those gaps belong to its burst.
export const QUIET_MS = 2
export const MAX_WAIT_MS = 50

export class Foreground {
  // start time of each request in flight
  private readonly open = new Map<object, number>()
  private lastEndMs = -Infinity
  private readonly waiters = new Set<() => void>()
  private timer?: NodeJS.Timeout

  private readonly quietMs: number
  private readonly streamAfterMs: number

  constructor(options: {quietMs?: number; streamAfterMs?: number} = {}) {
    this.quietMs = options.quietMs ?? QUIET_MS
    this.streamAfterMs = options.streamAfterMs ?? STREAM_AFTER_MS
  }

  begin(request: object): void {
    this.open.set(request, performance.now())
  }

  // idempotent: a request may be seen ending by more than one hook
  end(request: object): void {
    if (!this.open.delete(request)) return
    this.lastEndMs = performance.now()
    this.recheck()
  }

  // Resolves when no request (younger than a second) is in flight and none ended within the last
  // `quietMs`, or after `maxWaitMs`, whichever comes first.
  idle(maxWaitMs = MAX_WAIT_MS): Promise<void> {
    if (maxWaitMs <= 0 || this.quietInMs() <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(bound)
        this.waiters.delete(done)
        resolve()
      }
      const bound = setTimeout(done, maxWaitMs)
      this.waiters.add(done)
      this.recheck()
    })
  }

  // Steps of one piece of work sharing one bound: each waits for a quiet moment, all of them
  // together at most `maxWaitMs`.
  budget(maxWaitMs = MAX_WAIT_MS): () => Promise<void> {
    const until = performance.now() + maxWaitMs
    return () => this.idle(until - performance.now())
  }

  // Lets the waiters go once it is quiet: a timer for the end of the quiet period after the last
  // answer; none while a request is in flight (its end calls this again).
  private recheck(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.waiters.size === 0) return
    const wait = this.quietInMs()
    if (wait <= 0) for (const done of [...this.waiters]) done()
    else if (wait !== Infinity) this.timer = setTimeout(() => this.recheck(), wait)
  }

  // how long until the instance is quiet if no request begins meanwhile (<= 0: it is)
  private quietInMs(): number {
    const now = performance.now()
    for (const started of this.open.values()) if (now - started < this.streamAfterMs) return Infinity
    return this.lastEndMs + this.quietMs - now
  }
}

// For work that runs where no API is served (tests running a handler by hand): never waits.
export const noForeground = {idle: async () => {}, budget: () => async () => {}}
export type Yielding = Pick<Foreground, 'idle' | 'budget'>
