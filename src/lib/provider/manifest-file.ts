import {readFile, writeFile} from 'node:fs/promises'
import {AddonkitError} from '../errors.js'

export const defaultManifestPath = 'addon-manifest.json'

// The manifest as written, not yet checked: an unreadable or non-JSON file is a one-line error.
export async function readManifestFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : (code ?? String(error))
    throw new AddonkitError(`cannot read manifest ${path}: ${why}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new AddonkitError(`manifest ${path} is not valid JSON: ${(error as Error).message}`)
  }
}

export async function writeManifestFile(path: string, manifest: unknown, overwrite: boolean): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  // 'wx' fails when the file exists, so a concurrent writer cannot be clobbered between a check and the write
  await writeFile(path, text, {flag: overwrite ? 'w' : 'wx', mode: 0o600})
}
