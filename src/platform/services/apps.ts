import {randomUUID} from 'node:crypto'
import {LogStream} from '../logs/log-stream.js'
import type {Page, PageRequest} from '../store/paging.js'
import {fetchPage} from '../store/paging.js'
import type {AppRow} from '../store/schema.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {removeAppDomains} from './domains.js'
import {publishApp} from '../webhooks/entities.js'
import {removeSubscriberWebhooks} from '../webhooks/rows.js'
import {invalid} from './errors.js'
import {findReadableApp, type AppReader} from './partner-scope.js'
import {APP_NAME_PATTERN, generateAppName} from './naming.js'
import type {SpacesService} from './spaces.js'

export interface AppCreateInput {
  name?: string
  region?: string
  space?: string
}

// Removes every add-on an app owns (deprovisioning them) before the app goes.
export type DestroyOwnedAddons = (actor: Actor, app: AppRow) => Promise<void>

export class AppsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly spaces: SpacesService,
    private readonly destroyOwnedAddons: DestroyOwnedAddons,
  ) {}

  async create(actor: Actor, input: AppCreateInput): Promise<AppRow> {
    const db = this.ctx.store.db
    const space = input.space ? await this.spaces.find(actor, input.space) : undefined
    let regionId: string
    if (space) {
      if (input.region && this.ctx.catalog.findRegion(input.region)?.id !== space.region_id) {
        throw invalid(`App region must match the region of space ${space.name}.`)
      }
      regionId = space.region_id
    } else {
      const region = this.ctx.catalog.findRegion(input.region ?? 'us')
      if (!region) throw invalid(`Couldn't find the region "${input.region}".`)
      if (region.private_capable) throw invalid(`Region ${region.name} is only available to apps in a Private Space; pass a space.`)
      regionId = region.id
    }
    if (input.name !== undefined && !APP_NAME_PATTERN.test(input.name)) {
      throw invalid(`Name "${input.name}" is invalid: use 3 to 30 characters, lower-case letters, digits and dashes, starting with a letter.`)
    }
    for (let attempt = 0; ; attempt++) {
      const name = input.name ?? generateAppName()
      const taken = await db.selectFrom('apps').select('id').where('name', '=', name).executeTakeFirst()
      if (taken) {
        if (input.name !== undefined) throw invalid(`Name ${name} is already taken.`)
        if (attempt > 20) throw new Error('could not generate a free app name')
        continue
      }
      const at = now()
      const app: AppRow = {id: randomUUID(), name, owner_id: actor.id, region_id: regionId, space_id: space?.id ?? null, maintenance: 0, released_at: null, run_count: 0, created_at: at, updated_at: at}
      await db.insertInto('apps').values(app).execute()
      return app
    }
  }

  list(actor: Actor, page: PageRequest): Promise<Page<AppRow>> {
    const query = this.ctx.store.db.selectFrom('apps').selectAll().where('owner_id', '=', actor.id)
    return fetchPage(query, page, {
      id: {column: 'id', key: (a) => a.id},
      name: {column: 'name', key: (a) => a.name},
      updated_at: {column: 'updated_at', key: (a) => a.updated_at},
    })
  }

  // Its owner's app, or one a partner token's add-on is attached to (partner-scope.ts).
  find(reader: AppReader, ref: string): Promise<AppRow> {
    return findReadableApp(this.ctx.store.db, reader, ref)
  }

  async update(actor: Actor, ref: string, input: {name?: string; maintenance?: boolean}): Promise<AppRow> {
    const db = this.ctx.store.db
    const app = await this.find(actor, ref)
    const changes: Partial<AppRow> = {updated_at: now()}
    if (input.name !== undefined && input.name !== app.name) {
      if (!APP_NAME_PATTERN.test(input.name)) throw invalid(`Name "${input.name}" is invalid.`)
      const taken = await db.selectFrom('apps').select('id').where('name', '=', input.name).executeTakeFirst()
      if (taken) throw invalid(`Name ${input.name} is already taken.`)
      changes.name = input.name
    }
    if (input.maintenance !== undefined) changes.maintenance = input.maintenance ? 1 : 0
    const updated = {...app, ...changes}
    await this.ctx.store.transaction(async (tx) => {
      await tx.updateTable('apps').set(changes).where('id', '=', app.id).execute()
      await publishApp(this.ctx, tx, 'update', actor, updated, app)
    })
    return updated
  }

  // Deprovisions the app's own add-ons first (so a provider failure leaves the app intact), then
  // removes the app and everything hanging off it in one transaction.
  async destroy(actor: Actor, ref: string): Promise<AppRow> {
    const app = await this.find(actor, ref)
    await this.destroyOwnedAddons(actor, app)
    await this.ctx.store.transaction(async (tx) => {
      // heard by the providers of add-ons attached from other apps; the app's own webhooks go with it
      await publishApp(this.ctx, tx, 'destroy', actor, app)
      await removeSubscriberWebhooks(tx, {appId: app.id})
      const foreign = await tx.selectFrom('attachments').select('id').where('app_id', '=', app.id).execute()
      if (foreign.length > 0) await tx.deleteFrom('attachments').where('app_id', '=', app.id).execute()
      await tx.deleteFrom('config_vars').where('app_id', '=', app.id).execute()
      await tx.deleteFrom('releases').where('app_id', '=', app.id).execute()
      await removeAppDomains(tx, app.id)
      await LogStream.removeApp(tx, app.id)
      await tx.deleteFrom('apps').where('id', '=', app.id).execute()
    })
    return app
  }
}
