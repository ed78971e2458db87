interface Group<Part, Outcome> {
  parts: Part[]
  // one outcome per part, in the parts' order (none when the writer answers nothing per part)
  written: Promise<Outcome[] | void>
  resolve(outcomes: Outcome[] | void): void
  reject(error: unknown): void
}

interface AppWrites<Part, Outcome> {
  busy: boolean
  // the appends that came while a write was under way
  next?: Group<Part, Outcome>
}

// Writers of one app wait for each other on its counter row (log-stream.ts): while a transaction of
// an app is under way, the appends that arrive for it on this instance are gathered, in arrival
// order, and written together by the next one, so that many small writers cost a few transactions
// rather than a queue of them. An append that finds its app idle is written once the requests that
// arrived with it have joined it. Each caller's promise settles with the write that holds its part,
// with that part's outcome (the log input's writes may refuse some parts of a group and keep the others).
export class AppendGroups<Part, Outcome = void> {
  private readonly apps = new Map<string, AppWrites<Part, Outcome>>()

  constructor(private readonly write: (appId: string, parts: Part[]) => Promise<Outcome[] | void>) {}

  async append(appId: string, part: Part): Promise<Outcome> {
    let app = this.apps.get(appId)
    if (!app) this.apps.set(appId, (app = {busy: false}))
    const group = app.next ?? (app.next = newGroup())
    const index = group.parts.push(part) - 1
    if (!app.busy) {
      app.busy = true
      // the requests whose bodies came in the same turn of the event loop join first: on SQLite a
      // write never yields to I/O, so without this wait none would ever join (a group of one per POST)
      setImmediate(() => void this.run(appId, app))
    }
    const outcomes = await group.written
    return outcomes?.[index] as Outcome
  }

  private async run(appId: string, app: AppWrites<Part, Outcome>): Promise<void> {
    while (app.next) {
      const group = app.next
      app.next = undefined
      try {
        group.resolve(await this.write(appId, group.parts))
      } catch (error) {
        group.reject(error)
      }
    }
    this.apps.delete(appId)
  }
}

function newGroup<Part, Outcome>(): Group<Part, Outcome> {
  const group = {parts: []} as unknown as Group<Part, Outcome>
  group.written = new Promise<Outcome[] | void>((resolve, reject) => Object.assign(group, {resolve, reject}))
  return group
}
