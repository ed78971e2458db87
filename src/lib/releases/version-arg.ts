import {UsageError} from '../errors.js'

const RELEASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// A release as the user names it: v5, 5, or a release id; the path segment the API takes for it.
export function releaseRefArg(text: string): string {
  const version = /^v?(\d+)$/i.exec(text.trim())
  if (version && Number(version[1]) > 0) return String(Number(version[1]))
  if (RELEASE_ID.test(text.trim())) return text.trim().toLowerCase()
  throw new UsageError(`${text} is not a release: give a version such as v5, or a release id.`)
}
