import type {LogLine} from '../../wire/logplex.js'

interface Group {
  parts: LogLine[][]
  written: Promise<void>
  resolve(): void
  reject(error: unknown): void
}

interface AppWrites {
  busy: boolean
  // the appends that came while a write was under way
  next?: Group
}

// Writers of one app wait for each other on its counter row (log-stream.ts): while a transaction of
// an app is under way, the appends that arrive for it on this instance are gathered, in arrival
// order, and written together by the next one, so that many small writers cost a few transactions
// rather than a queue of them. An append that finds its app idle is written at once. Each caller's
// promise settles with the write that holds its lines.
export class AppendGroups {
  private readonly apps = new Map<string, AppWrites>()

  constructor(private readonly write: (appId: string, lines: LogLine[]) => Promise<void>) {}

  append(appId: string, lines: LogLine[]): Promise<void> {
    let app = this.apps.get(appId)
    if (!app) this.apps.set(appId, (app = {busy: false}))
    const group = app.next ?? (app.next = newGroup())
    group.parts.push(lines)
    if (!app.busy) void this.run(appId, app)
    return group.written
  }

  private async run(appId: string, app: AppWrites): Promise<void> {
    app.busy = true
    while (app.next) {
      const group = app.next
      app.next = undefined
      try {
        await this.write(appId, group.parts.length === 1 ? group.parts[0] : group.parts.flat())
        group.resolve()
      } catch (error) {
        group.reject(error)
      }
    }
    this.apps.delete(appId)
  }
}

function newGroup(): Group {
  const group = {parts: []} as unknown as Group
  group.written = new Promise<void>((resolve, reject) => Object.assign(group, {resolve, reject}))
  return group
}
