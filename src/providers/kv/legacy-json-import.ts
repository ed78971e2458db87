import {readdirSync, readFileSync, renameSync, rmdirSync, rmSync} from 'node:fs'
import {join} from 'node:path'

// Earlier versions kept each kv resource in <dir>/data/<resource>.json ({key: base64 value}).
// Each file is read once at start, its entries replace whatever the database holds for that
// resource, then the file is removed: an upgrade loses nothing, and a start interrupted between
// the insert and the removal simply imports the same file again.
export function importLegacyJsonFiles(
  legacyDir: string,
  replace: (resource: string, entries: [string, Buffer][]) => void,
  log: {warn(message: string): void},
): void {
  let names: string[]
  try {
    names = readdirSync(legacyDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  for (const name of names) {
    const path = join(legacyDir, name)
    // Left by a write that never finished its rename: the .json beside it is the saved state.
    if (name.endsWith('.tmp')) {
      rmSync(path, {force: true})
      continue
    }
    if (!name.endsWith('.json')) continue
    const entries = parseLegacyFile(readFileSync(path, 'utf8'))
    if (!entries) {
      // Earlier versions could not read it either; keep it for whoever wants to repair it.
      renameSync(path, `${path}.unreadable`)
      log.warn(`kv: ${path} is not a kv data file written by addonkit; renamed to ${name}.unreadable and not imported`)
      continue
    }
    replace(name.slice(0, -'.json'.length), entries)
    rmSync(path)
  }
  try {
    rmdirSync(legacyDir)
  } catch {
    // Not empty (an .unreadable file stays): leave the folder.
  }
}

function parseLegacyFile(text: string): [string, Buffer][] | undefined {
  let saved: unknown
  try {
    saved = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return undefined
  const entries = Object.entries(saved)
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined
  return entries.map(([key, value]) => [key, Buffer.from(value as string, 'base64')])
}
