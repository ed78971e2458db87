import {fetchMergedPage, fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {AddonRow} from '../store/schema.js'
import type {AddonUpdates, AddonUpdateResult} from './addon-updates.js'
import type {AccountsService} from './accounts.js'
import type {Actor, ServiceContext} from './context.js'
import type {Deprovisioning} from './deprovisioning.js'
import {addonNotFound} from './errors.js'
import {findAddonOrNull, findApp} from './lookup.js'
import type {CreateAddonInput, CreatedAddon, Provisioning} from './provisioning.js'
import type {ResolveAddonInput, Resolver} from './resolve.js'

const PAGE_COLUMNS = {
  id: {column: 'addons.id', key: (a: AddonRow) => a.id},
  name: {column: 'addons.name', key: (a: AddonRow) => a.name},
}

// One entry point for everything a customer does to add-ons; the heavy lifting lives in
// provisioning, deprovisioning, updates and resolve.
export class AddonsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly accounts: AccountsService,
    private readonly provisioning: Provisioning,
    private readonly deprovisioning: Deprovisioning,
    private readonly updates: AddonUpdates,
    private readonly resolver: Resolver,
  ) {}

  async create(actor: Actor, appRef: string, input: CreateAddonInput): Promise<AddonRow> {
    return (await this.provisioning.create(actor, appRef, input)).addon
  }

  // The same, with what the create wrote beside the add-on, so its view needs no further read.
  createDescribed(actor: Actor, appRef: string, input: CreateAddonInput): Promise<CreatedAddon> {
    return this.provisioning.create(actor, appRef, input)
  }

  update(actor: Actor, appRef: string | undefined, addonRef: string, input: {plan?: string; name?: string}): Promise<AddonUpdateResult> {
    return this.updates.update(actor, appRef, addonRef, input)
  }

  destroy(actor: Actor, appRef: string | undefined, addonRef: string, force: boolean): Promise<AddonRow> {
    return this.deprovisioning.destroy(actor, appRef, addonRef, force)
  }

  resolve(actor: Actor, input: ResolveAddonInput): Promise<AddonRow[]> {
    return this.resolver.addons(actor, input)
  }

  // Add-ons owned by the app or attached to it.
  async listForApp(actor: Actor, appRef: string, page: PageRequest): Promise<Page<AddonRow>> {
    const db = this.ctx.store.db
    const app = await findApp(db, actor, appRef)
    const owned = db.selectFrom('addons').selectAll('addons').where('addons.app_id', '=', app.id).where('addons.state', '!=', 'pending')
    const foreignIds = db.selectFrom('attachments').select('addon_id').where('app_id', '=', app.id).where('addon_app_id', '!=', app.id)
    const foreign = db.selectFrom('addons').selectAll('addons').where('addons.id', 'in', foreignIds)
    return fetchMergedPage([owned, foreign], page, PAGE_COLUMNS)
  }

  listAll(actor: Actor, page: PageRequest): Promise<Page<AddonRow>> {
    const query = this.ctx.store.db.selectFrom('addons').innerJoin('apps', 'apps.id', 'addons.app_id').selectAll('addons')
      .where('addons.state', '!=', 'pending')
      .where('apps.owner_id', '=', actor.id)
    return fetchPage(query, page, PAGE_COLUMNS)
  }

  listForUser(actor: Actor, userRef: string, page: PageRequest): Promise<Page<AddonRow>> {
    return this.listAll(this.accounts.resolveUser(actor, userRef), page)
  }

  async info(actor: Actor, appRef: string | undefined, addonRef: string): Promise<AddonRow> {
    const db = this.ctx.store.db
    if (appRef === undefined) {
      const addon = await findAddonOrNull(db, actor, addonRef)
      if (!addon) throw addonNotFound()
      return addon
    }
    const app = await findApp(db, actor, appRef)
    const addon = (await findAddonOrNull(db, actor, addonRef)) ?? (await this.byAttachmentName(app.id, addonRef))
    if (!addon) throw addonNotFound()
    if (addon.app_id !== app.id) {
      const attached = await db.selectFrom('attachments').select('id').where('addon_id', '=', addon.id).where('app_id', '=', app.id).executeTakeFirst()
      if (!attached) throw addonNotFound()
    }
    return addon
  }

  private async byAttachmentName(appId: string, name: string): Promise<AddonRow | undefined> {
    return this.ctx.store.db.selectFrom('attachments').innerJoin('addons', 'addons.id', 'attachments.addon_id').selectAll('addons')
      .where('attachments.app_id', '=', appId).where('attachments.name', '=', name).executeTakeFirst()
  }
}
