import type {Store} from '../store/database.js'

// the PostgreSQL NOTIFY channel writers of any instance announce an app's new lines on
export const LOG_CHANNEL = 'addonkit_logs'

type Listener = () => void

// Tells the readers on this instance (tails) that an app's stream has new lines. Writes through
// this instance notify it directly (SQLite) or through PostgreSQL's NOTIFY, which reaches every
// instance sharing the database, this one too: a tail served by one instance sees lines written
// through any other, as soon as they commit.
export class LogFeed {
  private readonly listeners = new Map<string, Set<Listener>>()
  private listening?: {close(): Promise<void>}

  constructor(private readonly store: Store) {}

  async start(): Promise<void> {
    // after a lost connection, wake every tail: each reads what it missed from the store
    this.listening = await this.store.listen(LOG_CHANNEL, (appId) => this.notify(appId), () => {
      for (const appId of this.listeners.keys()) this.notify(appId)
    })
  }

  async stop(): Promise<void> {
    await this.listening?.close()
  }

  subscribe(appId: string, listener: Listener): () => void {
    let set = this.listeners.get(appId)
    if (!set) this.listeners.set(appId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(appId)
    }
  }

  notify(appId: string): void {
    for (const listener of this.listeners.get(appId) ?? []) listener()
  }
}
