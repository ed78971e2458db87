import type {Release} from '../../../wire/platform-api.js'
import {release as releaseViews} from '../../serializers/core.js'
import type {Reader} from './reader.js'

export const RELEASES_SCREEN = 50

export interface ActivityData {
  app: string
  // newest first, as `releases` lists them
  releases: Release[]
  // where the next (older) screen starts
  before?: string
}

export async function activity(reader: Reader, appName: string, before?: string): Promise<ActivityData> {
  const {s, actor} = reader
  const app = await s.apps.find(actor, appName)
  const page = await s.releases.list(app.id, {field: 'version', start: before || undefined, startExclusive: true, max: RELEASES_SCREEN, order: 'desc'})
  return {app: app.name, releases: await releaseViews(s.ctx.store.db, page.items, app), before: page.nextStart}
}

// One release, for the rollback confirmation.
export async function releaseInfo(reader: Reader, appName: string, version: string): Promise<{app: string; release: Release}> {
  const {s, actor} = reader
  const app = await s.apps.find(actor, appName)
  const [release] = await releaseViews(s.ctx.store.db, [await s.releases.info(app.id, version)], app)
  return {app: app.name, release}
}
