import type {Addon, App, Attachment, Plan} from '../../../wire/platform-api.js'
import {plan as planView} from '../../serializers/catalog.js'
import {apps as appViews} from '../../serializers/core.js'
import {MAX_PAGE_SIZE} from '../../store/paging.js'
import {addonCost, type Cost} from './costs.js'
import {addonViews, attachmentViews, screen, type Reader} from './reader.js'

export interface AddonData {
  // the app whose pages this add-on is shown under (its own, or one it is attached to)
  app: string
  addon: Addon
  service: {name: string; humanName: string; supportsSharing: boolean}
  plan: Plan
  // the service's plans, for a plan change
  plans: Plan[]
  // every attachment of the add-on (on the account's apps) with the config var names it owns:
  // Heroku's "Attachment Details"
  attachments: Attachment[]
  // the account's apps it may be attached to
  apps: App[]
  // null: no billing to ask (pages say "not available"); undefined: nothing billed this month
  // what it cost this month so far
  cost: Cost
}

export async function addonDetails(reader: Reader, appName: string, addonRef: string): Promise<AddonData> {
  const {s, actor} = reader
  const app = await s.apps.find(actor, appName)
  const row = await s.addons.info(actor, app.id, addonRef)
  const [addon] = await addonViews(reader, [row])
  const service = s.catalog.service(row.service_id)
  // by app, then alias, as `addons:destroy` lists what goes
  const attachments = (await attachmentViews(reader, await s.attachments.list(actor, {addon: row.id})))
    .sort((a, b) => a.app.name.localeCompare(b.app.name) || a.name.localeCompare(b.name))
  const apps = await appViews(s.ctx.store.db, s.catalog, (await s.apps.list(actor, screen('name', MAX_PAGE_SIZE))).items)
  return {
    app: app.name,
    addon,
    service: {name: service.row.name, humanName: service.row.human_name, supportsSharing: service.row.supports_sharing === 1},
    plan: planView(s.catalog.plan(row.plan_id), s.catalog, {sdk: true}),
    plans: service.plans.map((p) => planView(p, s.catalog, {sdk: true})),
    attachments,
    apps,
    cost: await addonCost(reader, row.id),
  }
}
