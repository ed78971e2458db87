import type {ProviderClient} from '../provider-client/client.js'
import type {Store} from '../store/database.js'
import {AccountsService} from './accounts.js'
import {AddonUpdates} from './addon-updates.js'
import {AddonsService} from './addons.js'
import {AppsService} from './apps.js'
import {AttachmentsService} from './attachments.js'
import {Catalog} from './catalog.js'
import {ConfigVarsService} from './config-vars.js'
import type {ServiceContext} from './context.js'
import {Deprovisioning} from './deprovisioning.js'
import {PartnerActions} from './partner-actions.js'
import {PartnerAuth} from './partner-auth.js'
import {ProviderDeletions} from './provider-deletions.js'
import {Provisioning} from './provisioning.js'
import {ProvisioningDeadline} from './provisioning-deadline.js'
import {ReleasesService} from './releases.js'
import {Resolver} from './resolve.js'
import {SpacesService} from './spaces.js'
import {SsoService} from './sso.js'

export interface Services {
  ctx: ServiceContext
  catalog: Catalog
  accounts: AccountsService
  apps: AppsService
  spaces: SpacesService
  addons: AddonsService
  attachments: AttachmentsService
  configVars: ConfigVarsService
  releases: ReleasesService
  resolver: Resolver
  partnerAuth: PartnerAuth
  partner: PartnerActions
  provisioning: Provisioning
  deadline: ProvisioningDeadline
  deletions: ProviderDeletions
  sso: SsoService
}

export interface ServicesOptions {
  store: Store
  provider: ProviderClient
  baseUrl(): string
  log(line: string): void
  deletionRetryBaseMs?: number
  // how long an asynchronous provision may take (Heroku: 12 hours)
  asyncProvisioningDeadlineMs?: number
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const catalog = new Catalog(options.store.db)
  await catalog.load()
  const ctx: ServiceContext = {store: options.store, catalog, provider: options.provider, baseUrl: options.baseUrl, log: options.log}
  const accounts = new AccountsService(options.store.db)
  const partnerAuth = new PartnerAuth(options.store.db, catalog)
  const deletions = new ProviderDeletions(ctx, options.deletionRetryBaseMs)
  const provisioning = new Provisioning(ctx, partnerAuth, deletions)
  const deprovisioning = new Deprovisioning(ctx, partnerAuth)
  const resolver = new Resolver(ctx)
  const spaces = new SpacesService(options.store.db, catalog)
  const addons = new AddonsService(ctx, accounts, provisioning, deprovisioning, new AddonUpdates(ctx), resolver)
  return {
    ctx,
    catalog,
    accounts,
    spaces,
    apps: new AppsService(ctx, spaces, (actor, app) => deprovisioning.destroyOwned(actor, app)),
    addons,
    attachments: new AttachmentsService(ctx),
    configVars: new ConfigVarsService(ctx),
    releases: new ReleasesService(options.store.db),
    resolver,
    partnerAuth,
    partner: new PartnerActions(ctx, partnerAuth),
    provisioning,
    deadline: new ProvisioningDeadline(ctx, partnerAuth, deletions, options.asyncProvisioningDeadlineMs),
    deletions,
    sso: new SsoService(ctx, addons),
  }
}
