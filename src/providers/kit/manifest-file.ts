import {readFile} from 'node:fs/promises'
import {findManifestProblems, type ManifestRules} from './manifest-problems.js'
import type {ProviderManifest} from './manifest-types.js'

const READ_FAILURES: Record<string, string> = {ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied'}

// The manifest as written, not yet checked: an unreadable or non-JSON file is a one-line error.
export async function readManifestFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`cannot read manifest ${path}: ${(code && READ_FAILURES[code]) ?? code ?? String(error)}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new Error(`manifest ${path} is not valid JSON: ${(error as Error).message}`)
  }
}

// Read and checked: the typed manifest, or one error naming the file and every problem in it.
export async function loadManifest(path: string, rules: ManifestRules = {strict: false}): Promise<ProviderManifest> {
  const candidate = await readManifestFile(path)
  const problems = findManifestProblems(candidate, rules)
  if (problems.length > 0) {
    throw new Error(`manifest ${path} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.join('; ')} (see addonkit provider:check)`)
  }
  return candidate as ProviderManifest
}
