import {randomUUID} from 'node:crypto'
import {planStartRow} from '../billing/plan-periods.js'
import {insertDrain} from '../logs/drains/drain-rows.js'
import {addonLine} from '../logs/platform-lines.js'
import {logInputUrl, newLogInputToken, requiresSyslogDrain} from '../logs/log-input-url.js'
import type {ProvisionResult} from '../provider-client/client.js'
import {ProviderFailed} from '../provider-client/errors.js'
import {lockApp, type Store} from '../store/database.js'
import type {AddonRow, AppRow, AttachmentRow, OauthGrantRow, PlanRow} from '../store/schema.js'
import {addonEvent, attachmentEvent} from '../webhooks/entities.js'
import {publishAll} from '../webhooks/publish.js'
import {planAlias} from './aliases.js'
import type {CatalogService} from './catalog.js'
import {assertConfigFits} from './config-size.js'
import {configColumns} from '../store/config-columns.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {invalid, PlatformError} from './errors.js'
import {findApp} from './lookup.js'
import {ADDON_NAME_PATTERN, generateAddonName} from './naming.js'
import {newGrant, type PartnerAuth} from './partner-auth.js'
import type {ProviderDeletions} from './provider-deletions.js'
import {fromProviderError} from './provider-errors.js'
import {cutRelease, reserveRelease} from './releases.js'
import {recordProvisioned} from './addon-recording.js'

// A created add-on, with its app's name (as the create saw it under the app's lock) and its one attachment.
export interface CreatedAddon {
  addon: AddonRow
  appName: string
  attachment: AttachmentRow
}

export interface CreateAddonInput {
  plan: string
  name?: string
  attachmentName?: string
  config?: Record<string, unknown>
  confirm?: string
}

// Creating an add-on: every check that can fail runs before the provider is called; the add-on row
// is reserved as 'pending' (hidden) while the provider works, and becomes visible together with its
// attachment, config and release in one transaction. Any failure removes the reservation and
// owes the provider a DELETE for whatever it may have created.
export class Provisioning {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly partnerAuth: PartnerAuth,
    private readonly deletions: ProviderDeletions,
  ) {}

  async create(actor: Actor, appRef: string, input: CreateAddonInput): Promise<CreatedAddon> {
    const {store, catalog} = this.ctx
    const app = await findApp(store.db, actor, appRef)
    const plan = await catalog.fresh(() => catalog.planForCreate(input.plan))
    const service = catalog.service(plan.service_id)
    const region = await this.checkPlacement(app, service, plan)
    const options = providerOptions(input.config)
    if (!service.row.supports_multiple_installations) {
      const existing = await store.db.selectFrom('addons').select('name').where('app_id', '=', app.id).where('service_id', '=', service.row.id).where('state', '!=', 'pending').executeTakeFirst()
      if (existing) throw invalid(`${service.row.name} can be installed only once per app; ${app.name} already has ${existing.name}.`)
    }
    const aliasRequest = {app, service, ownerAppName: app.name, requested: input.attachmentName, confirm: input.confirm}
    const addonId = randomUUID()
    const {name, grant} = await this.reserve(addonId, app, service, plan, input.name, aliasRequest)
    // the owning app's attachment: its log_input_url works once the add-on is recorded
    const logInputToken = newLogInputToken(service.manifest)
    const logDrainToken = requiresSyslogDrain(service.manifest) ? `d.${randomUUID()}` : null

    let result: ProvisionResult
    try {
      result = await this.ctx.provider.provision(service.manifest, {
        uuid: addonId,
        name,
        plan: plan.slug,
        region,
        callback_url: `${this.ctx.baseUrl()}/addons/${addonId}`,
        oauth_grant: grant,
        options,
        log_input_url: logInputUrl(this.ctx.baseUrl(), logInputToken),
        ...(logDrainToken === null ? {} : {log_drain_token: logDrainToken}),
      })
    } catch (error) {
      const reached = error instanceof ProviderFailed && error.reached
      await this.abandon(addonId, service.row.id, reached ? (error as ProviderFailed).providerId ?? addonId : undefined)
      throw fromProviderError(error)
    }

    try {
      return await store.transaction(async (tx) => {
        // SQLite: an add-on the provider answered for at once always cuts a release, and taking its
        // version is what takes the app's lock. PostgreSQL takes the version in the statement that
        // records the add-on (below), under the lock taken here.
        const reserved = result.async || store.dialect === 'postgres' ? undefined : await reserveRelease(tx, app.id)
        const locked = reserved?.app ?? (await lockApp(tx, app.id)) ?? app
        // chosen (or the user's checked again) under the app's lock, seeing every change made meanwhile
        const alias = await planAlias(tx, catalog, {...aliasRequest, addonName: name})
        if (alias.replaces) await tx.deleteFrom('attachments').where('id', '=', alias.replaces.id).execute()
        if (alias.userVarsToRemove.length > 0) await tx.deleteFrom('config_vars').where('app_id', '=', app.id).where('name', 'in', alias.userVarsToRemove).execute()
        const at = now()
        const changes = {
          state: (result.async ? 'provisioning' : 'provisioned') as AddonRow['state'],
          provider_id: result.id,
          ...configColumns(service.manifest, result.async ? {} : result.config),
          staged_config: result.async && Object.keys(result.config).length > 0 ? JSON.stringify(result.config) : null,
          provision_message: result.message,
          updated_at: at,
        }
        const attachment: AttachmentRow = {id: randomUUID(), addon_id: addonId, app_id: app.id, addon_app_id: app.id, name: alias.alias, namespace: null, log_input_token: logInputToken, created_at: at, updated_at: at}
        const period = planStartRow(this.ctx, {id: addonId, name, app_id: app.id, plan_id: plan.id, service_id: service.row.id}, locked)
        const varsChanged = !result.async || alias.replaces !== undefined || alias.userVarsToRemove.length > 0
        const description = `Attach ${alias.alias} (@ref:${name})`
        const release = varsChanged ? {id: randomUUID(), description, user_id: actor.id, created_at: at} : undefined
        // only while still pending: another instance reclaims only the reservations of instances it takes for gone
        const {row, release: recorded} = await recordProvisioned(tx, {addonId, changes, attachment, period, release})
        if (!row) throw new Reclaimed()
        // the 32 KB check: from the release's own read of the app's vars when there is one (below)
        if (!varsChanged) await assertConfigFits(tx, {appId: app.id})
        // the provider reads the app's lines at the URL it answered with, identified by the token it was sent
        if (logDrainToken !== null && result.logDrainUrl !== undefined) {
          if (!(await insertDrain(tx, this.ctx.logs, {appId: app.id, addonId, url: result.logDrainUrl, token: logDrainToken}))) {
            throw new PlatformError(503, 'service_unavailable', `The add-on provider ${service.manifest.id} answered with a log_drain_url ${app.name} already drains to: ${result.logDrainUrl}`)
          }
        }
        const events = [addonEvent(this.ctx, tx, 'create', actor, row), attachmentEvent(this.ctx, tx, 'create', actor, attachment)]
        const provisioned = addonLine('Provision', name, plan.name, actor.email, result.message)
        // the add-on's line and the release's go to the log in one write, and its events with the
        // release's, with one question of who listens
        if (varsChanged) await cutRelease(tx, this.ctx.logs, app.id, actor, description, {firstLines: [provisioned], reserved, checkConfigSize: true, recorded, publishWith: events})
        else {
          await publishAll(tx, events)
          await this.ctx.logs.append(app.id, [provisioned], tx)
        }
        return {addon: row, appName: locked.name, attachment}
      })
    } catch (error) {
      if (error instanceof Reclaimed) {
        // the reclaiming instance owed a DELETE by our uuid; the provider may know it by its own id
        if (result.id !== addonId) await this.deletions.enqueue(service.row.id, result.id)
        throw new PlatformError(503, 'unavailable', 'The platform took too long to record this add-on and removed it; please try again.')
      }
      await this.abandon(addonId, service.row.id, result.id)
      throw error
    }
  }

  // Add-ons whose provider never answered because the instance waiting on it is gone (killed
  // mid-provision, or its lease ran out): forget them and owe the provider a DELETE, keyed by our
  // uuid (the idempotency key it was given). Pending add-ons of live instances are left alone.
  async reclaimInterrupted(): Promise<number> {
    await this.ctx.instance.reapDead()
    const stale = await this.ctx.store.db.selectFrom('addons').select(['id', 'service_id', 'provider_id']).where('state', '=', 'pending')
      .where((eb) => eb.or([eb('instance_id', 'is', null), eb('instance_id', 'not in', eb.selectFrom('instances').select('id'))]))
      .execute()
    let reclaimed = 0
    for (const addon of stale) if (await this.abandon(addon.id, addon.service_id, addon.provider_id ?? addon.id)) reclaimed++
    return reclaimed
  }

  // Removes a reservation still pending and, in the same transaction, owes the provider its DELETE;
  // false when it was no longer pending (finished, or already reclaimed by another instance).
  private async abandon(addonId: string, serviceId: string, providerId: string | undefined): Promise<boolean> {
    const removed = await this.ctx.store.transaction(async (tx) => {
      // a no-op update takes the row's lock (PostgreSQL) and tells whether it is still pending
      const {numUpdatedRows} = await tx.updateTable('addons').set((eb) => ({id: eb.ref('id')})).where('id', '=', addonId).where('state', '=', 'pending').executeTakeFirst()
      if (numUpdatedRows === 0n) return false
      await this.partnerAuth.revokeAll(tx, addonId)
      await tx.deleteFrom('attachments').where('addon_id', '=', addonId).execute()
      await tx.deleteFrom('addons').where('id', '=', addonId).execute()
      if (providerId !== undefined) await this.deletions.enqueue(serviceId, providerId, tx)
      return true
    })
    return removed
  }

  // Region and Private Space rules, checked before the provider hears of the add-on.
  private async checkPlacement(app: AppRow, service: CatalogService, plan: PlanRow): Promise<string> {
    const region = this.ctx.catalog.region(app.region_id)
    if (!this.ctx.catalog.supportsRegion(service, region)) {
      throw invalid(`${service.row.name} is not available in region ${region.name} (it supports: ${service.manifest.api.regions.join(', ') || 'none'}).`)
    }
    if (app.space_id) {
      if (!plan.inside_private_network) {
        const space = await this.ctx.store.db.selectFrom('spaces').select('name').where('id', '=', app.space_id).executeTakeFirst()
        throw invalid(`The plan ${plan.name} cannot be installed inside a Private Space (${app.name} is in ${space?.name ?? 'a space'}); choose a plan that can.`)
      }
    } else if (!plan.outside_private_network) {
      throw invalid(`The plan ${plan.name} can only be installed on apps in a Private Space.`)
    }
    return `${region.provider_name}::${region.provider_region}`
  }

  // Checks the name and the alias the user asked for (a default one is chosen only when the add-on
  // is recorded: the provider is not told it), then inserts the hidden 'pending' row that holds the
  // name, together with the OAuth grant the provider may exchange for a partner token.
  private async reserve(addonId: string, app: AppRow, service: CatalogService, plan: PlanRow, requestedName: string | undefined, aliasRequest: Omit<Parameters<typeof planAlias>[2], 'addonName'>) {
    const {store, catalog} = this.ctx
    if (requestedName !== undefined && !ADDON_NAME_PATTERN.test(requestedName)) {
      throw invalid(`Name "${requestedName}" is invalid: it must start with a letter and contain only letters, digits, dashes and underscores.`)
    }
    for (let attempt = 0; ; attempt++) {
      const name = requestedName ?? generateAddonName(service.row.name)
      // refused now (taken and not confirmed, or invalid) rather than after the provider worked
      if (aliasRequest.requested !== undefined) await planAlias(store.db, catalog, {...aliasRequest, addonName: name})
      const at = now()
      const {row: grantRow, grant} = newGrant(addonId)
      const addon: AddonRow = {
        id: addonId, name, service_id: service.row.id, plan_id: plan.id, app_id: app.id, state: 'pending',
        provider_id: null, config: '{}', config_var_count: 0, config_bytes: 0, staged_config: null, provision_message: null, instance_id: this.ctx.instance.id, created_at: at, updated_at: at,
      }
      if (await insertReservation(store, addon, grantRow)) return {name, grant}
      if (requestedName !== undefined) throw invalid(`Name ${requestedName} is already taken.`)
      if (attempt > 20) throw new PlatformError(500, 'internal_error', 'Could not generate a free add-on name.')
    }
  }
}

// The pending add-on and its grant, both or neither; false when another add-on holds the name.
// PostgreSQL: one statement (the grant is inserted from what the add-on's insert returned), so one
// round trip and no transaction around it. SQLite, which has no such statement, runs the two in one
// transaction (statements cost it no round trip).
async function insertReservation(store: Store, addon: AddonRow, grant: OauthGrantRow): Promise<boolean> {
  if (store.dialect === 'postgres') {
    const inserted = await store.db
      .with('reserved', (db) => db.insertInto('addons').values(addon).onConflict((oc) => oc.column('name').doNothing()).returning('id'))
      .insertInto('oauth_grants')
      .columns(['code_hash', 'addon_id', 'expires_at'])
      .expression((eb) => eb.selectFrom('reserved').select((s) => [s.val(grant.code_hash).as('code_hash'), 'reserved.id', s.val(grant.expires_at).as('expires_at')]))
      .returning('addon_id')
      .executeTakeFirst()
    return inserted !== undefined
  }
  return store.transaction(async (tx) => {
    const inserted = await tx.insertInto('addons').values(addon).onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst()
    if (!inserted) return false
    await tx.insertInto('oauth_grants').values(grant).execute()
    return true
  })
}

// The reservation was taken over while the provider worked (this instance was thought gone).
class Reclaimed extends Error {}

// Extra `addons:create -- --flag value` options go to the provider as strings.
function providerOptions(config: Record<string, unknown> | undefined): Record<string, string> {
  const options: Record<string, string> = {}
  for (const [key, value] of Object.entries(config ?? {})) {
    if (typeof value === 'string') options[key] = value
    else if (typeof value === 'boolean' || typeof value === 'number') options[key] = String(value)
    else throw invalid(`Config option ${key} must be a string.`)
  }
  return options
}
