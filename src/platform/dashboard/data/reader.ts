import type {Addon, Attachment} from '../../../wire/platform-api.js'
import {addons, attachments} from '../../serializers/addons.js'
import type {Actor} from '../../services/context.js'
import type {Services} from '../../services/index.js'
import type {PageRequest} from '../../store/paging.js'
import type {AddonRow, AttachmentRow} from '../../store/schema.js'

// Who a page is drawn for, and the services it reads through: the same ones the API routes call,
// with the account's own rights (the signed-in session's account is the actor).
export interface Reader {
  s: Services
  actor: Actor
}

// One screen of a long list, in `field` order, starting after `after`.
export function screen(field: string, size: number, after?: string): PageRequest {
  return {field, start: after || undefined, startExclusive: true, max: size, order: 'asc'}
}

// Add-ons and attachments in the shapes the API serves them (as the routes render them), so a page
// shows what `addonkit` and the heroku CLI show.
export function addonViews({s}: Reader, rows: AddonRow[]): Promise<Addon[]> {
  return addons(s.ctx.store.db, s.catalog, rows, {baseUrl: s.ctx.baseUrl(), expandService: false, expandPlan: false, providerMessages: false})
}

export function attachmentViews({s}: Reader, rows: AttachmentRow[]): Promise<Attachment[]> {
  return attachments(s.ctx.store.db, s.catalog, rows, {baseUrl: s.ctx.baseUrl(), includeConfigVars: true, includeAddonPlan: false})
}
