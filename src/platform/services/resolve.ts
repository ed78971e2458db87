import type {AddonRow, AppRow, AttachmentRow} from '../store/schema.js'
import {attachmentOwnedVars} from './attachment-vars.js'
import {visible} from './attachments.js'
import type {Actor, ServiceContext} from './context.js'
import {addonNotFound, appNotFound, attachmentNotFound} from './errors.js'
import {findAddonOrNull, findAppOrNull} from './lookup.js'

export interface ResolveAddonInput {
  addon: string
  app?: string | null
  addon_service?: string | null
}

export interface ResolveAttachmentInput {
  addon_attachment: string
  app?: string | null
  addon_service?: string | null
}

// The resolvers behind `addons:* IDENTIFIER`: an add-on is named by its id, its global name, an
// attachment name on the app, `app::ALIAS`, a config var of the app (X_URL) or its service name.
// The first kind that matches wins; only a service name may match several.
export class Resolver {
  constructor(private readonly ctx: ServiceContext) {}

  async addons(actor: Actor, input: ResolveAddonInput): Promise<AddonRow[]> {
    const db = this.ctx.store.db
    const app = await this.app(actor, input.app)
    const serviceId = this.serviceFilter(input.addon_service)
    const keep = (rows: AddonRow[]) => rows.filter((a) => serviceId === undefined || a.service_id === serviceId)
    const found = async (attachments: AttachmentRow[]) => {
      const ids = [...new Set(attachments.map((a) => a.addon_id))]
      return ids.length === 0 ? [] : keep(await db.selectFrom('addons').selectAll().where('id', 'in', ids).orderBy('name').execute())
    }

    const direct = await findAddonOrNull(db, actor, input.addon)
    if (direct && keep([direct]).length > 0) return [direct]
    const attachments = await this.attachments(actor, {addon_attachment: input.addon, app: input.app, addon_service: input.addon_service}).catch(() => [])
    if (attachments.length > 0) {
      const addons = await found(attachments)
      if (addons.length > 0) return addons
    }
    const service = this.ctx.catalog.serviceByName(input.addon)
    if (service && (serviceId === undefined || serviceId === service.row.id)) {
      let query = db.selectFrom('addons').innerJoin('apps', 'apps.id', 'addons.app_id').selectAll('addons')
        .where('apps.owner_id', '=', actor.id).where('addons.service_id', '=', service.row.id).where('addons.state', '!=', 'pending')
      if (app) {
        const attachedHere = db.selectFrom('attachments').select('addon_id').where('app_id', '=', app.id)
        query = query.where((eb) => eb.or([eb('addons.app_id', '=', app.id), eb('addons.id', 'in', attachedHere)]))
      }
      const rows = await query.orderBy('addons.name').execute()
      if (rows.length > 0) return rows
    }
    throw addonNotFound()
  }

  async attachments(actor: Actor, input: ResolveAttachmentInput): Promise<AttachmentRow[]> {
    const db = this.ctx.store.db
    let app = await this.app(actor, input.app)
    let ref = input.addon_attachment
    const scoped = ref.indexOf('::')
    if (scoped > 0) {
      app = await findAppOrNull(db, actor, ref.slice(0, scoped))
      if (!app) throw appNotFound()
      ref = ref.slice(scoped + 2)
    }
    const serviceId = this.serviceFilter(input.addon_service)
    const keep = async (rows: AttachmentRow[]) => {
      if (serviceId === undefined || rows.length === 0) return rows
      const ofService = new Set((await db.selectFrom('addons').select('id').where('service_id', '=', serviceId).where('id', 'in', rows.map((r) => r.addon_id)).execute()).map((r) => r.id))
      return rows.filter((r) => ofService.has(r.addon_id))
    }

    const byId = await keep(await visible(db, actor).where('attachments.id', '=', ref).execute())
    if (byId.length > 0) return byId
    if (app) {
      const byName = await keep(await visible(db, actor).where('attachments.app_id', '=', app.id).where('attachments.name', '=', ref).execute())
      if (byName.length > 0) return byName
      const owner = (await attachmentOwnedVars(db, this.ctx.catalog, app.id)).get(ref)
      if (owner) {
        const byVar = await keep(await visible(db, actor).where('attachments.id', '=', owner.attachmentId).execute())
        if (byVar.length > 0) return byVar
      }
    } else {
      const anywhere = await keep(await visible(db, actor).where('attachments.name', '=', ref).orderBy('attachments.id').execute())
      if (anywhere.length > 0) return anywhere
    }
    throw attachmentNotFound()
  }

  private async app(actor: Actor, ref: string | null | undefined): Promise<AppRow | undefined> {
    if (ref === undefined || ref === null || ref === '') return undefined
    const app = await findAppOrNull(this.ctx.store.db, actor, ref)
    if (!app) throw appNotFound()
    return app
  }

  private serviceFilter(ref: string | null | undefined): string | undefined {
    if (ref === undefined || ref === null || ref === '') return undefined
    return this.ctx.catalog.serviceByName(ref)?.row.id ?? this.ctx.catalog.listServices().find((s) => s.row.id === ref)?.row.id ?? 'unknown-service'
  }
}
