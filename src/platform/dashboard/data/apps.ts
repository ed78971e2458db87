import type {App} from '../../../wire/platform-api.js'
import {apps as appViews} from '../../serializers/core.js'
import {screen, type Reader} from './reader.js'

export const APPS_SCREEN = 200

export interface AppsData {
  apps: Array<{app: App; addons: number}>
  after?: string
  // where a new app may go
  regions: Array<{name: string; description: string}>
  spaces: string[]
}

// The account's apps by name, with how many add-ons each has (its own and those attached to it).
export async function appsList(reader: Reader, after?: string): Promise<AppsData> {
  const {s, actor} = reader
  const page = await s.apps.list(actor, screen('name', APPS_SCREEN, after))
  const apps = await appViews(s.ctx.store.db, s.catalog, page.items)
  const onApp = new Map<string, Set<string>>()
  for (const attachment of await s.attachments.list(actor, {})) {
    const set = onApp.get(attachment.app_id) ?? new Set<string>()
    set.add(attachment.addon_id)
    onApp.set(attachment.app_id, set)
  }
  const spaces = await s.spaces.list(actor)
  return {
    apps: apps.map((app) => ({app, addons: onApp.get(app.id)?.size ?? 0})),
    after: page.nextStart,
    regions: s.catalog.listRegions().filter((r) => r.private_capable === 0).map((r) => ({name: r.name, description: r.description})).sort((a, b) => a.name.localeCompare(b.name)),
    spaces: spaces.map((space) => space.name),
  }
}
