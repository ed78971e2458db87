import {randomUUID} from 'node:crypto'
import {newLogInputToken} from '../logs/log-input-url.js'
import type {Db} from '../store/database.js'
import type {AttachmentRow} from '../store/schema.js'
import {planAlias} from './aliases.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {attachmentNotFound, forbidden, invalid} from './errors.js'
import {findAddon, findApp} from './lookup.js'
import {cutRelease, reserveRelease} from './releases.js'
import {publishAttachment} from '../webhooks/entities.js'

export interface AttachInput {
  addon: string
  app: string
  name?: string
  confirm?: string
  namespace?: string | null
}

export type AttachmentFilter = {appId?: string; addonId?: string}

// Attachments: an add-on's alias on an app, owning ALIAS_* vars there.
export class AttachmentsService {
  constructor(private readonly ctx: ServiceContext) {}

  async attach(actor: Actor, input: AttachInput): Promise<AttachmentRow> {
    const {store, catalog} = this.ctx
    const addon = await findAddon(store.db, actor, input.addon)
    const app = await findApp(store.db, actor, input.app)
    const service = catalog.service(addon.service_id)
    const owner = await store.db.selectFrom('apps').select(['name', 'owner_id']).where('id', '=', addon.app_id).executeTakeFirstOrThrow()
    if (owner.owner_id !== app.owner_id) throw forbidden(`${addon.name} can only be attached to apps of its owner.`)
    if (app.id !== addon.app_id && !service.row.supports_sharing) throw invalid(`${service.row.name} add-ons cannot be shared with other apps.`)
    if (addon.state === 'deprovisioning') throw invalid(`${addon.name} is being deprovisioned.`)
    const request = {app, service, addonId: addon.id, addonName: addon.name, ownerAppName: owner.name, requested: input.name, confirm: input.confirm}
    return store.transaction(async (tx) => {
      // every attach that gets through cuts a release: taking its version takes the app's lock
      const reserved = await reserveRelease(tx, app.id)
      const alias = await planAlias(tx, catalog, request)
      if (alias.replaces) {
        await publishAttachment(this.ctx, tx, 'destroy', actor, alias.replaces)
        await tx.deleteFrom('attachments').where('id', '=', alias.replaces.id).execute()
      }
      if (alias.userVarsToRemove.length > 0) await tx.deleteFrom('config_vars').where('app_id', '=', app.id).where('name', 'in', alias.userVarsToRemove).execute()
      const at = now()
      const row: AttachmentRow = {id: randomUUID(), addon_id: addon.id, app_id: app.id, addon_app_id: addon.app_id, name: alias.alias, namespace: input.namespace ?? null, log_input_token: newLogInputToken(service.manifest), created_at: at, updated_at: at}
      await tx.insertInto('attachments').values(row).execute()
      await publishAttachment(this.ctx, tx, 'create', actor, row)
      await cutRelease(tx, this.ctx.logs, app.id, actor, `Attach ${alias.alias} (@ref:${addon.name})`, {reserved, checkConfigSize: true})
      return row
    })
  }

  // The owning app's last attachment of its own add-on stays: removing it is what destroy is for.
  async detach(actor: Actor, attachmentId: string): Promise<AttachmentRow> {
    const attachment = await this.byId(actor, attachmentId)
    return this.ctx.store.transaction(async (tx) => {
      const reserved = await reserveRelease(tx, attachment.app_id)
      const addon = await tx.selectFrom('addons').select(['id', 'name', 'app_id']).where('id', '=', attachment.addon_id).executeTakeFirstOrThrow()
      if (attachment.app_id === addon.app_id) {
        const onOwner = await tx.selectFrom('attachments').select('id').where('addon_id', '=', addon.id).where('app_id', '=', addon.app_id).execute()
        if (onOwner.length <= 1) {
          throw invalid(`${attachment.name} is the last attachment of ${addon.name} to its billing app; destroy the add-on instead (addons:destroy ${addon.name}).`)
        }
      }
      const deleted = await tx.deleteFrom('attachments').where('id', '=', attachment.id).executeTakeFirst()
      if (Number(deleted.numDeletedRows) === 0) throw attachmentNotFound()
      await publishAttachment(this.ctx, tx, 'destroy', actor, attachment)
      await cutRelease(tx, this.ctx.logs, attachment.app_id, actor, `Detach ${attachment.name} (@ref:${addon.name})`, {reserved})
      return attachment
    })
  }

  async byId(actor: Actor, id: string): Promise<AttachmentRow> {
    const row = await visible(this.ctx.store.db, actor).where('attachments.id', '=', id).executeTakeFirst()
    if (!row) throw attachmentNotFound()
    return row
  }

  // `/apps/{app}/addon-attachments/{id|name}`
  async onApp(actor: Actor, appRef: string, ref: string): Promise<AttachmentRow> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    const row = await visible(this.ctx.store.db, actor).where('attachments.app_id', '=', app.id)
      .where((eb) => eb.or([eb('attachments.id', '=', ref), eb('attachments.name', '=', ref)]))
      .executeTakeFirst()
    if (!row) throw attachmentNotFound()
    return row
  }

  // For the add-on's provider (partner token): every attachment of its add-on.
  ofAddon(addonId: string): Promise<AttachmentRow[]> {
    return this.ctx.store.db.selectFrom('attachments').selectAll().where('addon_id', '=', addonId).orderBy('name').execute()
  }

  async list(actor: Actor, filter: {app?: string; addon?: string}): Promise<AttachmentRow[]> {
    const db = this.ctx.store.db
    let query = visible(db, actor)
    if (filter.app !== undefined) query = query.where('attachments.app_id', '=', (await findApp(db, actor, filter.app)).id)
    if (filter.addon !== undefined) query = query.where('attachments.addon_id', '=', (await findAddon(db, actor, filter.addon)).id)
    return query.orderBy('attachments.name').orderBy('attachments.id').execute()
  }
}

// Attachments the actor may see: those on its own apps.
export function visible(db: Db, actor: Actor) {
  return db.selectFrom('attachments')
    .innerJoin('apps', 'apps.id', 'attachments.app_id')
    .selectAll('attachments')
    .where('apps.owner_id', '=', actor.id)
}
