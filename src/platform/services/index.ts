import {createBilling, type Billing} from '../billing/index.js'
import {createAppSetups, type AppSetups} from '../app-setups/index.js'
import {Foreground} from '../jobs/foreground.js'
import {Instance} from '../jobs/instances.js'
import {JobQueue} from '../jobs/queue.js'
import {wakeWorkerOn} from '../jobs/wake.js'
import {JobWorker} from '../jobs/worker.js'
import {createLogDrains, type LogDrains} from '../logs/drains/index.js'
import {createLogs, type Logs} from '../logs/index.js'
import type {ProviderClient} from '../provider-client/client.js'
import type {Store} from '../store/database.js'
import {createWebhooks, type WebhookOptions, type Webhooks} from '../webhooks/index.js'
import {AccountsService} from './accounts.js'
import {AddonUpdates} from './addon-updates.js'
import {AddonsService} from './addons.js'
import {AppsService} from './apps.js'
import {AttachmentsService} from './attachments.js'
import {Catalog} from './catalog.js'
import {ConfigVarsService} from './config-vars.js'
import type {ServiceContext} from './context.js'
import {Deprovisioning} from './deprovisioning.js'
import {DomainsService} from './domains.js'
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
  domains: DomainsService
  releases: ReleasesService
  resolver: Resolver
  partnerAuth: PartnerAuth
  partner: PartnerActions
  provisioning: Provisioning
  deadline: ProvisioningDeadline
  deletions: ProviderDeletions
  sso: SsoService
  logs: Logs
  // where the app's lines are delivered (drains), and the job that delivers them
  drains: LogDrains
  // app and add-on webhooks: subscriptions, the delivery job, deliveries and events
  webhooks: Webhooks
  // what add-ons cost: invoices, a month's breakdown, providers' usage reports
  billing: Billing
  // apps built from an app.json (POST /app-setups) and the job that builds them
  appSetups: AppSetups
  // the API requests this instance is answering: background work makes way for them (the server
  // tells it when a request begins and ends)
  foreground: Foreground
  // this instance and its background-job worker (started by startPlatform)
  instance: Instance
  worker: JobWorker
}

export interface ServicesOptions {
  store: Store
  provider: ProviderClient
  baseUrl(): string
  log(line: string): void
  deletionRetryBaseMs?: number
  // how long an asynchronous provision may take (Heroku: 12 hours)
  asyncProvisioningDeadlineMs?: number
  // how long an instance stays alive without a heartbeat (default 60 s)
  instanceLeaseMs?: number
  jobIntervalMs?: number
  // webhook retry window, back-off and attempt time-out (tests shorten them)
  webhooks?: WebhookOptions
  // the time billing counts by (tests cross month ends); default: the system clock
  clock?: () => Date
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const catalog = new Catalog(options.store.db)
  await catalog.load()
  const instance = new Instance(options.store.db, {leaseMs: options.instanceLeaseMs, log: options.log})
  const jobs = new JobQueue(options.store)
  const logs = createLogs(options.store)
  const ctx: ServiceContext = {
    store: options.store, catalog, provider: options.provider, instance, jobs, logs: logs.stream, baseUrl: options.baseUrl, log: options.log,
    clock: options.clock,
  }
  const accounts = new AccountsService(options.store.db)
  const partnerAuth = new PartnerAuth(options.store.db, catalog)
  const deletions = new ProviderDeletions(ctx, options.deletionRetryBaseMs)
  const provisioning = new Provisioning(ctx, partnerAuth, deletions)
  const deadline = new ProvisioningDeadline(ctx, partnerAuth, deletions, options.asyncProvisioningDeadlineMs)
  // a claim outlasts the longest job: one provider call (its time-out) with room to spare
  const foreground = new Foreground()
  const worker = new JobWorker(jobs, {owner: instance.id, leaseMs: Math.max(60_000, options.provider.timeoutMs * 2), intervalMs: options.jobIntervalMs, whenIdle: () => foreground.idle(), log: options.log})
  // jobs written on this store, due at once, are run as soon as their transaction commits
  wakeWorkerOn(options.store.db, () => void worker.kick())
  worker.register(deletions)
  worker.register(deadline)
  const drains = createLogDrains(ctx)
  worker.register(drains.delivery)
  const webhooks = createWebhooks(ctx, options.webhooks, foreground)
  worker.register(webhooks.events)
  worker.register(webhooks.delivery)
  worker.register(webhooks.prune)
  worker.register({kind: 'reclaim-interrupted', everyMs: Math.max(1000, Math.floor(instance.leaseMs / 4)), run: async () => {
    const reclaimed = await provisioning.reclaimInterrupted()
    if (reclaimed > 0) options.log(`reclaimed ${reclaimed} add-on(s) left mid-provision by an instance that is gone`)
  }})
  const deprovisioning = new Deprovisioning(ctx, partnerAuth)
  const resolver = new Resolver(ctx)
  const spaces = new SpacesService(options.store.db, catalog)
  const addons = new AddonsService(ctx, accounts, provisioning, deprovisioning, new AddonUpdates(ctx), resolver)
  const apps = new AppsService(ctx, spaces, (actor, app) => deprovisioning.destroyOwned(actor, app))
  const configVars = new ConfigVarsService(ctx)
  const appSetups = createAppSetups(ctx, apps, addons, configVars)
  worker.register(appSetups.job)
  return {
    ctx,
    catalog,
    accounts,
    spaces,
    apps,
    addons,
    attachments: new AttachmentsService(ctx),
    configVars,
    domains: new DomainsService(ctx),
    releases: new ReleasesService(ctx),
    resolver,
    partnerAuth,
    partner: new PartnerActions(ctx, partnerAuth),
    provisioning,
    deadline,
    deletions,
    sso: new SsoService(ctx, addons),
    logs,
    drains,
    webhooks,
    appSetups,
    billing: createBilling(ctx),
    instance,
    foreground,
    worker,
  }
}
