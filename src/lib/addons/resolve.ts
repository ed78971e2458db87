import {SDK_ACCEPT} from '../../wire/billing.js'
import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import {AddonkitError, ExitCode, isApiError, NotFoundError} from '../errors.js'

// 3.sdk, as the heroku CLI asks: the expanded plan then says whether it is metered
const EXPAND = {'accept-expansion': 'addon_service,plan', accept: SDK_ACCEPT}
const MAX_LISTED = 10

// An identifier names one add-on: its global name or id, an attachment name on the current app,
// or APP::ALIAS. The platform matches; we ask it on the app first, then globally (as the seed says).
export async function resolveAddon(api: ApiClient, identifier: string, app?: string, service?: string): Promise<Addon> {
  const body = (scope: string | null) => ({addon: identifier, app: scope, ...(service ? {addon_service: service} : {})})
  let matches: Addon[]
  try {
    matches = await api.post<Addon[]>('/actions/addons/resolve', body(app ?? null), {headers: EXPAND})
  } catch (error) {
    // not an alias on this app: it may still be a global name or id
    if (!app || !isApiError(error) || error.status !== 404 || error.resource === 'app') throw notFound(error, identifier)
    try {
      matches = await api.post<Addon[]>('/actions/addons/resolve', body(null), {headers: EXPAND})
    } catch (retryError) {
      throw notFound(retryError, identifier)
    }
  }
  return single(matches, identifier, (addon) => addon.name)
}

// An attachment by name on an app (or APP::NAME), for detach.
export async function resolveAttachment(api: ApiClient, identifier: string, app: string): Promise<Attachment> {
  const [scopeApp, name] = identifier.includes('::') ? identifier.split('::', 2) : [app, identifier]
  try {
    return await api.get<Attachment>(`/apps/${encodeURIComponent(scopeApp)}/addon-attachments/${encodeURIComponent(name)}`)
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      throw new NotFoundError(error.resource === 'app' ? error.message : `Couldn't find an attachment named ${name} on ${scopeApp}.`)
    }
    throw error
  }
}

function notFound(error: unknown, identifier: string): unknown {
  if (isApiError(error) && error.status === 404 && error.resource !== 'app') {
    return new NotFoundError(`Couldn't find that add-on: ${identifier}.`)
  }
  return error
}

// One match, or an error naming the candidates (at most ten, then "and N more").
export function single<T>(matches: T[], identifier: string, label: (item: T) => string): T {
  if (matches.length === 1) return matches[0]
  if (matches.length === 0) throw new NotFoundError(`Couldn't find that add-on: ${identifier}.`)
  const names = matches.map(label).sort()
  const listed = names.slice(0, MAX_LISTED).join(', ')
  const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : ''
  throw new AddonkitError(`Ambiguous identifier ${identifier}: it matches ${listed}${more}. Use the add-on's global name or APP::ALIAS.`, ExitCode.usage)
}
