import {fetchPage, type Page, type PageRequest} from '../../store/paging.js'
import type {Actor, ServiceContext} from '../../services/context.js'
import {now} from '../../services/context.js'
import {addonNotFound, forbidden, invalid, notFound} from '../../services/errors.js'
import {addonById, findAddon, findApp} from '../../services/lookup.js'
import type {LogDrainRow} from '../../store/schema.js'
import {drainRecords, findDrainRecord, insertDrain, type DrainRecord} from './drain-rows.js'
import {drainUrlProblem} from './drain-url.js'

export const drainNotFound = () => notFound('log_drain', "Couldn't find that log drain.")
export const urlTaken = () => invalid('Url has already been taken')

// Who asks about an add-on's drains: its provider (a partner token for that add-on) or a user.
export type AddonCaller = {partnerAddonId: string} | {actor: Actor}

const RANGE_COLUMNS = {
  id: {column: 'log_drains.id', key: (d: DrainRecord) => d.id},
  url: {column: 'log_drains.url', key: (d: DrainRecord) => d.url},
}
export const DRAIN_RANGES = Object.keys(RANGE_COLUMNS)

// An app's log drains: the ones its owner adds and removes here, and the ones add-ons bring (made
// by provisioning from the provider's log_drain_url, removed only with the add-on, moved only by
// the provider). Delivery is delivery.ts.
export class LogDrainsService {
  constructor(private readonly ctx: Pick<ServiceContext, 'store' | 'logs'>) {}

  async list(actor: Actor, appRef: string, page: PageRequest): Promise<Page<DrainRecord>> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    return fetchPage(drainRecords(this.ctx.store.db).where('log_drains.app_id', '=', app.id), page, RANGE_COLUMNS)
  }

  async info(actor: Actor, appRef: string, ref: string): Promise<DrainRecord> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    const drain = await findDrainRecord(this.ctx.store.db, {appId: app.id}, ref)
    if (!drain) throw drainNotFound()
    return drain
  }

  async create(actor: Actor, appRef: string, url: string): Promise<DrainRecord> {
    const {store, logs} = this.ctx
    const app = await findApp(store.db, actor, appRef)
    const problem = drainUrlProblem(url)
    if (problem) throw invalid(problem)
    return store.transaction(async (tx) => {
      const row = await insertDrain(tx, logs, {appId: app.id, addonId: null, url})
      if (!row) throw urlTaken()
      return (await findDrainRecord(tx, {appId: app.id}, row.id))!
    })
  }

  async destroy(actor: Actor, appRef: string, ref: string): Promise<DrainRecord> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    return this.ctx.store.transaction(async (tx) => {
      const drain = await findDrainRecord(tx, {appId: app.id}, ref)
      if (!drain) throw drainNotFound()
      if (drain.addon_id !== null) {
        throw invalid(`The log drain ${drain.token} belongs to the add-on ${drain.addon_name ?? drain.addon_id}: it can only be removed by destroying the add-on.`)
      }
      const {numDeletedRows} = await tx.deleteFrom('log_drains').where('id', '=', drain.id).executeTakeFirst()
      // a concurrent remove got there first
      if (numDeletedRows === 0n) throw drainNotFound()
      return drain
    })
  }

  async listForAddon(caller: AddonCaller, addonRef: string): Promise<DrainRecord[]> {
    const addonId = await this.addonIdFor(caller, addonRef)
    return drainRecords(this.ctx.store.db).where('log_drains.addon_id', '=', addonId).orderBy('log_drains.created_at').execute()
  }

  // The provider moves its drain to another URL (rotating a secret in it, say); the token, and
  // what the drain has been sent, stay.
  async updateForAddon(caller: AddonCaller, addonRef: string, ref: string, url: string): Promise<DrainRecord> {
    if (!('partnerAddonId' in caller)) throw forbidden('Only the add-on provider can change the URL of its log drain.')
    const addonId = await this.addonIdFor(caller, addonRef)
    const problem = drainUrlProblem(url)
    if (problem) throw invalid(problem)
    return this.ctx.store.transaction(async (tx) => {
      const drain = await findDrainRecord(tx, {addonId}, ref)
      if (!drain) throw drainNotFound()
      if (drain.url === url) return drain
      const taken = await tx.selectFrom('log_drains').select('id').where('app_id', '=', drain.app_id).where('url', '=', url).executeTakeFirst()
      if (taken) throw urlTaken()
      const changes: Partial<LogDrainRow> = {url, updated_at: now()}
      await tx.updateTable('log_drains').set(changes).where('id', '=', drain.id).execute()
      return {...drain, ...changes}
    })
  }

  private async addonIdFor(caller: AddonCaller, addonRef: string): Promise<string> {
    if ('actor' in caller) return (await findAddon(this.ctx.store.db, caller.actor, addonRef)).id
    // the auth hook let the token through only for its own add-on's id
    if (!(await addonById(this.ctx.store.db, caller.partnerAddonId))) throw addonNotFound()
    return caller.partnerAddonId
  }
}
