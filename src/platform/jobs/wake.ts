import {afterCommit, type Db, type Tx} from '../store/database.js'

// Work that is due at once starts when it is written rather than at the worker's next poll. Each
// platform says which worker to wake for its store; a transaction shares its store's adapter (one
// per store), which is how a writer deep in a transaction finds its platform's worker without being
// handed it, and how several platforms in one process each wake their own.
const kicks = new WeakMap<object, () => void>()

export function wakeWorkerOn(db: Db, kick: () => void): void {
  kicks.set(adapterOf(db), kick)
}

// Called by every writer of jobs that are due now: in a transaction the worker is woken once it
// has committed (a worker woken earlier would not see the rows, and would sleep until its next
// poll); outside one, at once. A store with no worker (a script, a test of the store alone) is
// left alone.
export function wakeWorkerAfterCommit(db: Db | Tx): void {
  const kick = kicks.get(adapterOf(db))
  if (kick) afterCommit(db, kick)
}

function adapterOf(db: Db | Tx): object {
  return db.getExecutor().adapter
}
