import type {Addon, App, Attachment} from '../../../wire/platform-api.js'
import {apps as appViews} from '../../serializers/core.js'
import {addonCost, appCosts, type AppCosts, type Cost} from './costs.js'
import {addonViews, attachmentViews, screen, type Reader} from './reader.js'

// How many add-ons and attachments one screen of Resources shows (the rest are a "Next" away): a
// page stays small and fast however many add-ons an app has (bench/dashboard.ts).
export const RESOURCES_SCREEN = 50

export interface ResourcesData {
  app: App
  // the add-ons the app owns (and pays for), by name: the seed's "Resources" table
  addons: Addon[]
  // where this screen of each table starts (after), and where the next one does, when there is one
  addonsFrom?: string
  attachmentsFrom?: string
  addonsAfter?: string
  // every alias on the app, by name: the seed's "Attachments" table
  attachments: Attachment[]
  attachmentsAfter?: string
  // what the app's add-ons cost this month so far
  costs: AppCosts
}

export async function resources(reader: Reader, appName: string, after: {addons?: string; attachments?: string}): Promise<ResourcesData> {
  const {s, actor} = reader
  const appRow = await s.apps.find(actor, appName)
  const [app] = await appViews(s.ctx.store.db, s.catalog, [appRow])
  const page = await s.addons.listForApp(actor, appRow.id, screen('name', RESOURCES_SCREEN, after.addons))
  const owned = page.items.filter((row) => row.app_id === appRow.id)
  // attachments come as one list (the API has no range for them): only this screen's are drawn
  const all = await s.attachments.list(actor, {app: appRow.id})
  const from = after.attachments === undefined ? 0 : all.findIndex((a) => a.name > after.attachments!)
  const shown = from < 0 ? [] : all.slice(from, from + RESOURCES_SCREEN)
  const more = from >= 0 && from + RESOURCES_SCREEN < all.length
  return {
    app,
    addonsFrom: after.addons,
    attachmentsFrom: after.attachments,
    addons: await addonViews(reader, owned),
    addonsAfter: page.nextStart,
    attachments: await attachmentViews(reader, shown),
    attachmentsAfter: more ? shown.at(-1)?.name : undefined,
    costs: await appCosts(reader, appRow.id),
  }
}

// One add-on's row, for the row that refreshes itself while the add-on settles; undefined once gone.
export async function resourceRow(reader: Reader, appName: string, addonRef: string): Promise<{addon: Addon; cost: Cost} | undefined> {
  try {
    const row = await reader.s.addons.info(reader.actor, appName, addonRef)
    return {addon: (await addonViews(reader, [row]))[0], cost: await addonCost(reader, row.id)}
  } catch (error) {
    if ((error as {status?: number}).status === 404) return undefined
    throw error
  }
}
