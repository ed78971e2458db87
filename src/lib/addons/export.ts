import {rename, writeFile} from 'node:fs/promises'
import type {AppJsonAddonObject} from '../../wire/app-json.js'
import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import {exportAddons, indentOf, mergeAddons} from '../app-json/export.js'
import {readAppJsonText} from '../app-json/read.js'
import {AddonkitError, ExitCode} from '../errors.js'

export interface ExportRequest {
  app: string
  file: string
  // what app.json could not describe, on stderr
  write(line: string): void
}

export interface ExportResult {
  file: string
  addons: AppJsonAddonObject[]
}

// Writes the app's add-ons into an app.json as `addons`, keeping every other key of an existing file.
// A file that is not a JSON object is refused, never overwritten.
export async function exportAppJson(api: ApiClient, request: ExportRequest): Promise<ExportResult> {
  const {app, file} = request
  const text = await readAppJsonText(file)
  let doc: Record<string, unknown> = {}
  if (text !== undefined) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw new AddonkitError(`${file} is not valid JSON (${(error as Error).message}): fix it or give another --file.`, ExitCode.usage)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new AddonkitError(`${file} is not a JSON object: fix it or give another --file.`, ExitCode.usage)
    }
    doc = parsed as Record<string, unknown>
  }
  const base = `/apps/${encodeURIComponent(app)}`
  const [addons, attachments] = await Promise.all([api.list<Addon>(`${base}/addons`), api.list<Attachment>(`${base}/addon-attachments`)])
  const {entries, notes} = exportAddons(app, addons, attachments)
  for (const note of notes) request.write(note)
  const merged = mergeAddons(doc, entries)
  // written beside and renamed over, so an interrupted write never leaves half a file
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(merged, null, text === undefined ? 2 : indentOf(text))}\n`)
  await rename(temporary, file)
  return {file, addons: merged.addons as AppJsonAddonObject[]}
}
