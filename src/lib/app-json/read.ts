import {readFile} from 'node:fs/promises'
import {parseAppJson, type AppJsonManifest} from '../../wire/app-json.js'
import {AddonkitError, ExitCode} from '../errors.js'

// The app.json a command was pointed at (`--file`, else ./app.json), validated before any request:
// every problem of the file on one line, so a typo costs one run.
export async function readAppJson(file: string): Promise<AppJsonManifest> {
  const text = await readAppJsonText(file)
  if (text === undefined) throw new AddonkitError(`No app.json at ${file}: give its path with --file.`, ExitCode.usage)
  const parsed = parseAppJson(text)
  if (!parsed.ok) throw new AddonkitError(`${file}: ${parsed.errors.join('; ')}`, ExitCode.usage)
  return parsed.manifest
}

// The file's text, or undefined when there is none.
export async function readAppJsonText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new AddonkitError(`Cannot read ${file}: ${(error as Error).message}`)
  }
}
