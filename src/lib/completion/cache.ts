import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

// What completion read from the platform, kept for a short while in the CLI's cache folder
// (`completion/`), so pressing TAB again answers without a request. One file per platform, account
// and list (the apps, one app's add-ons, ...); names only, never a config var's value.
export const COMPLETION_TTL_MS = 30_000

export interface CacheScope {
  dir: string
  // the platform and the key used there: another account's names are never shown
  apiUrl: string
  token: string | undefined
}

export class CompletionCache {
  constructor(private readonly scope: CacheScope, private readonly ttlMs = COMPLETION_TTL_MS, private readonly nowMs = () => Date.now()) {}

  // the values, while younger than the TTL
  read<T>(list: string): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(list), 'utf8')) as {at: number; value: T}
      const age = this.nowMs() - entry.at
      return age >= 0 && age < this.ttlMs ? entry.value : undefined
    } catch {
      return undefined
    }
  }

  write(list: string, value: unknown): void {
    try {
      const dir = this.folder()
      mkdirSync(dir, {recursive: true, mode: 0o700})
      const file = this.file(list)
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify({at: this.nowMs(), value}), {mode: 0o600})
      renameSync(temporary, file)
    } catch {
      // a read-only cache folder only makes the next TAB slower
    }
  }

  // Whether another process is already filling this list (started within `withinMs`); marks it if not.
  claimFill(list: string, withinMs: number): boolean {
    const marker = `${this.file(list)}.filling`
    try {
      if (this.nowMs() - statSync(marker).mtimeMs < withinMs) return false
    } catch {
      // no marker yet
    }
    try {
      mkdirSync(this.folder(), {recursive: true, mode: 0o700})
      writeFileSync(marker, String(process.pid), {mode: 0o600})
      return true
    } catch {
      return false
    }
  }

  private folder(): string {
    return join(this.scope.dir, 'completion')
  }

  private file(list: string): string {
    const key = createHash('sha256').update(`${this.scope.apiUrl}\n${this.scope.token ?? ''}\n${list}`).digest('hex').slice(0, 32)
    return join(this.folder(), `${key}.json`)
  }
}
