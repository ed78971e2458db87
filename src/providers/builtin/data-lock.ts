import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

export interface DataLock {
  release(): Promise<void>
}

// One process at a time serves a provider's data folder: the resource stores hold their state in
// memory and rewrite their files, so `npm start` and `provider:serve` on one folder would undo each
// other's changes. The owner's pid is kept in <dir>/owner.pid; a pid that no longer runs (kill -9)
// is taken over, and so is our own (a platform started twice in one process, as tests do). Two
// processes taking over the same stale file at the same instant can both win: this guards against
// a mistake, it is not a distributed lock.
export async function lockDataDir(dir: string): Promise<DataLock> {
  await mkdir(dir, {recursive: true, mode: 0o700})
  const path = join(dir, 'owner.pid')
  for (let attempt = 1; ; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, {flag: 'wx', mode: 0o600})
      return {
        async release() {
          if ((await ownerOf(path)) === process.pid) await rm(path, {force: true})
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error
    }
    const owner = await ownerOf(path)
    if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
      throw new Error(`${dir} is in use by process ${owner}: stop it first (or remove ${path} if that process is not addonkit)`)
    }
    await rm(path, {force: true})
  }
}

async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
