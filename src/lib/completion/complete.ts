import type {ApiTarget} from '../api/target.js'
import {CompletionCache} from './cache.js'
import {candidates, type Candidate, type ReadList} from './candidates.js'
import type {ListReader} from './http.js'
import {fetchList, listName, type ListKey} from './lists.js'
import {parseLine, type CommandShape} from './words.js'

// One answer to the shell: the candidates for the word under the cursor, within the time budget.
// A list in the cache (30 s) answers at once; otherwise it is asked of the platform with whatever
// time is left. If that runs out, or the platform cannot be reached, the answer goes without those
// names (never an error: the shell would print it), and a process of its own fetches the list in
// the background, so the next TAB finds it in the cache.

// What completion may take in all, counted from the process's start; ADDONKIT_COMPLETION_TIMEOUT_MS
// changes it (a slow machine, or tests running from the TypeScript sources).
export const COMPLETION_BUDGET_MS = 300
// below this there is no point starting a request
const MIN_REQUEST_MS = 15

export interface CompletionDeps {
  commands: CommandShape[]
  env: NodeJS.ProcessEnv
  cacheDir: string
  target: ApiTarget
  // epoch ms by which the answer must be out
  deadline: number
  api(target: ApiTarget): Promise<ListReader>
  // fetches a list into the cache after this process has answered (a detached process)
  fillLater(key: ListKey): void
}

export function completionBudgetMs(env: NodeJS.ProcessEnv): number {
  const configured = Number(env.ADDONKIT_COMPLETION_TIMEOUT_MS)
  return Number.isFinite(configured) && configured > 0 ? configured : COMPLETION_BUDGET_MS
}

export async function complete(words: string[], deps: CompletionDeps): Promise<Candidate[]> {
  const line = parseLine(deps.commands, words)
  const cache = new CompletionCache({dir: deps.cacheDir, apiUrl: deps.target.url, token: deps.target.token})
  const read = (async (key: ListKey) => {
    const name = listName(key)
    const cached = cache.read(name)
    if (cached !== undefined) return cached
    // without a key every request would be refused
    if (!deps.target.token) return undefined
    const left = Math.floor(deps.deadline - Date.now())
    if (left < MIN_REQUEST_MS) {
      deps.fillLater(key)
      return undefined
    }
    try {
      const value = await fetchList(await deps.api(deps.target), key, AbortSignal.timeout(Math.max(1, Math.floor(deps.deadline - Date.now()))))
      cache.write(name, value)
      return value
    } catch {
      if (Date.now() >= deps.deadline - 1) deps.fillLater(key)
      return undefined
    }
  }) as ReadList
  try {
    return await candidates(line, deps.commands, read, deps.env)
  } catch {
    return []
  }
}

// One line per candidate, `value<TAB>description` (the shell scripts show or drop the description).
export function formatCandidates(list: Candidate[]): string {
  return list.map((c) => (c.description ? `${c.value}\t${c.description.replace(/[\t\n]/g, ' ')}` : c.value)).map((l) => `${l}\n`).join('')
}

// The background fill: the same request with a generous time-out, into the cache.
export async function fillCache(key: ListKey, deps: Pick<CompletionDeps, 'cacheDir' | 'target' | 'api'>, timeoutMs = 10_000): Promise<void> {
  if (!deps.target.token) return
  const cache = new CompletionCache({dir: deps.cacheDir, apiUrl: deps.target.url, token: deps.target.token})
  try {
    cache.write(listName(key), await fetchList(await deps.api(deps.target), key, AbortSignal.timeout(timeoutMs)))
  } catch {
    // the next TAB tries again
  }
}

export function claimFill(key: ListKey, deps: Pick<CompletionDeps, 'cacheDir' | 'target'>): boolean {
  return new CompletionCache({dir: deps.cacheDir, apiUrl: deps.target.url, token: deps.target.token}).claimFill(listName(key), 10_000)
}
