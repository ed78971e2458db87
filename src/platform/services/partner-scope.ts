import type {Db, Tx} from '../store/database.js'
import type {AppRow} from '../store/schema.js'
import type {Actor} from './context.js'
import {appNotFound, forbidden, type PlatformError} from './errors.js'
import {findApp} from './lookup.js'

/**
 * What an add-on's partner token may reach (Heroku's Platform API for Partners: a token is scoped to
 * one add-on resource). Exactly:
 * - routes marked `partner`: the token's own add-on (`/addons/{its id}`, its attachments, config,
 *   actions, log drains, webhooks); another add-on is 403;
 * - routes marked `partner-app` (reads only): the apps its add-on is attached to and their domains;
 *   any other app does not exist for it (404), so a token cannot probe which apps exist;
 * - nothing else: 403.
 * The HTTP layer asks `partnerRefusal` before a route runs; the `partner-app` routes' services find
 * the app with `findReadableApp`, which applies the attachment rule.
 */
export type PartnerRouteMode = 'partner' | 'partner-app'

// Who reads an app: a customer (its owner sees it), or an add-on's provider holding its token.
export interface PartnerReader {
  partnerAddonId: string
}
export type AppReader = Actor | PartnerReader

export const isPartnerReader = (reader: AppReader): reader is PartnerReader => 'partnerAddonId' in reader

const notYours = () => forbidden('This token only gives access to its own add-on and the apps it is attached to.')

// Why a partner token of `addonId` may not run a route marked `mode` (undefined: it may).
export function partnerRefusal(mode: string | undefined, params: unknown, addonId: string): PlatformError | undefined {
  if (mode === 'partner-app') return undefined
  if (mode === 'partner' && (params as {addon?: unknown} | undefined)?.addon === addonId) return undefined
  return notYours()
}

// Mistakes in marking routes, found when the route is added (at start): `partner-app` opens a route
// to providers only for reading, and only one that names its app; `partner` only one that names its add-on.
export function partnerRouteProblem(mode: string | undefined, method: string | string[], url: string): string | undefined {
  const methods = [method].flat().map((m) => m.toUpperCase())
  if (mode === 'partner-app') {
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) return `${methods.join(',')} ${url}: partner-app routes must be reads (GET)`
    if (!url.split('/').includes(':app')) return `${methods.join(',')} ${url}: partner-app routes must name their app (:app)`
  }
  if (mode === 'partner' && !url.split('/').includes(':addon')) return `${methods.join(',')} ${url}: partner routes must name their add-on (:addon)`
  return undefined
}

// The app `ref` (id or name) as `reader` may see it: an owner's own app (403 for another owner's),
// or, for a partner token, an app its add-on is attached to (404 for any other).
export async function findReadableApp(db: Db | Tx, reader: AppReader, ref: string): Promise<AppRow> {
  if (!isPartnerReader(reader)) return findApp(db, reader, ref)
  const app = await db.selectFrom('apps').selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .where((eb) => eb.exists(eb.selectFrom('attachments').select('attachments.id')
      .whereRef('attachments.app_id', '=', 'apps.id')
      .where('attachments.addon_id', '=', reader.partnerAddonId)))
    .executeTakeFirst()
  if (!app) throw appNotFound()
  return app
}
