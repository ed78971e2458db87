import {randomUUID} from 'node:crypto'
import type {ProviderManifest} from '../../providers/kit/manifest-types.js'
import {validateManifest} from '../../providers/kit/manifest-problems.js'
import {meterColumns} from '../billing/plan-meters.js'
import type {Db} from '../store/database.js'
import type {AddonServiceRow, PlanRow, RegionRow} from '../store/schema.js'
import {invalid, notFound} from './errors.js'

export interface CatalogService {
  row: AddonServiceRow
  manifest: ProviderManifest
  plans: PlanRow[]
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)

// Services, plans and regions change only when an instance starts (manifest registration), so they
// are held in memory: every add-on serialisation needs them and must not cost a query. With several
// instances on one database, another instance's registration is seen on the next refresh (every
// few seconds) or at once when a name is not found here; every instance should be given the same
// --manifest files (README, "Running several instances").
const REFRESH_MS = 5000
const RELOAD_ON_MISS_MS = 1000

export class Catalog {
  private services = new Map<string, CatalogService>()
  private plans = new Map<string, PlanRow>()
  private regions = new Map<string, RegionRow>()
  private timer?: NodeJS.Timeout
  private lastLoad = 0
  private reloading?: Promise<void>

  constructor(private readonly db: Db) {}

  startRefreshing(intervalMs = REFRESH_MS): void {
    this.timer = setInterval(() => void this.reload().catch(() => {}), intervalMs)
    this.timer.unref()
  }

  stopRefreshing(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  // Reloads when a reference is unknown here (it may have been registered through another
  // instance); at most once a second, so unknown names typed by users cost little.
  private async refreshOnMiss(): Promise<boolean> {
    if (Date.now() - this.lastLoad < RELOAD_ON_MISS_MS) return false
    await this.reload()
    return true
  }

  // Runs a lookup; if it finds nothing, reloads once (see refreshOnMiss) and looks again.
  async fresh<T>(lookup: () => T): Promise<T> {
    try {
      return lookup()
    } catch (error) {
      if (!(await this.refreshOnMiss())) throw error
      return lookup()
    }
  }

  private reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => (this.reloading = undefined))
    return this.reloading
  }

  async load(): Promise<void> {
    this.lastLoad = Date.now()
    const [services, plans, regions] = await Promise.all([
      this.db.selectFrom('addon_services').selectAll().execute(),
      this.db.selectFrom('plans').selectAll().execute(),
      this.db.selectFrom('regions').selectAll().execute(),
    ])
    // built aside, then swapped in, so a request never sees a half-loaded catalog
    const byId = new Map<string, CatalogService>()
    const planById = new Map<string, PlanRow>()
    for (const row of services) byId.set(row.id, {row, manifest: JSON.parse(row.manifest), plans: []})
    for (const plan of plans) {
      planById.set(plan.id, plan)
      byId.get(plan.service_id)?.plans.push(plan)
    }
    this.services = byId
    this.plans = planById
    this.regions = new Map(regions.map((r) => [r.id, r]))
  }

  // Adds or updates a service and its plans from a provider manifest; plans it no longer lists stay
  // (add-ons may still use them).
  async register(manifest: ProviderManifest): Promise<CatalogService> {
    validateManifest(manifest)
    const now = new Date().toISOString()
    await this.db.transaction().execute(async (tx) => {
      const fields = {
        human_name: manifest.name ?? manifest.id,
        cli_plugin_name: manifest.cli_plugin_name ?? null,
        state: 'ga',
        supports_multiple_installations: manifest.supports_multiple_installations === false ? 0 : 1,
        supports_sharing: manifest.supports_sharing === false ? 0 : 1,
        manifest: JSON.stringify(manifest),
        updated_at: now,
      }
      // an upsert: instances started together on a fresh store all register their services at once
      // (on PostgreSQL the later ones wait for the first, then update its row and see its plans)
      const {id: serviceId} = await tx.insertInto('addon_services').values({id: randomUUID(), name: manifest.id, created_at: now, ...fields})
        .onConflict((oc) => oc.column('name').doUpdateSet(fields)).returning('id').executeTakeFirstOrThrow()

      const plans = manifest.plans && manifest.plans.length > 0 ? manifest.plans : [{name: 'test', price: {cents: 0, unit: 'month'}, default: true}]
      const hasDefault = plans.some((p) => p.default)
      for (const [index, plan] of plans.entries()) {
        const name = `${manifest.id}:${plan.name}`
        const planFields = {
          human_name: plan.human_name ?? plan.name,
          description: plan.description ?? `${manifest.name ?? manifest.id} ${plan.human_name ?? plan.name}`,
          price_cents: plan.price.cents,
          price_unit: plan.price.unit,
          price_contract: plan.price.contract ? 1 : 0,
          ...meterColumns(plan),
          is_default: (hasDefault ? plan.default : index === 0) ? 1 : 0,
          inside_private_network: plan.installable_inside_private_network === false ? 0 : 1,
          outside_private_network: plan.installable_outside_private_network === false ? 0 : 1,
          updated_at: now,
        }
        const row = await tx.selectFrom('plans').select('id').where('name', '=', name).executeTakeFirst()
        if (row) await tx.updateTable('plans').set(planFields).where('id', '=', row.id).execute()
        else await tx.insertInto('plans').values({id: randomUUID(), service_id: serviceId, name, slug: plan.name, created_at: now, ...planFields}).execute()
      }
    })
    await this.load()
    return this.serviceByName(manifest.id)!
  }

  listServices(): CatalogService[] {
    return [...this.services.values()]
  }

  service(id: string): CatalogService {
    const service = this.services.get(id)
    if (!service) throw new Error(`catalog has no service ${id}`)
    return service
  }

  serviceByName(name: string): CatalogService | undefined {
    for (const s of this.services.values()) if (s.row.name === name) return s
    return undefined
  }

  findService(idOrName: string): CatalogService {
    const service = this.services.get(idOrName) ?? this.serviceByName(idOrName)
    if (!service) throw notFound('addon_service', "Couldn't find that add-on service.")
    return service
  }

  plan(id: string): PlanRow {
    const plan = this.plans.get(id)
    if (!plan) throw new Error(`catalog has no plan ${id}`)
    return plan
  }

  defaultPlan(service: CatalogService): PlanRow {
    return service.plans.find((p) => p.is_default === 1) ?? service.plans[0]
  }

  // Plan references from clients: uuid, "service:plan", or a bare service name (its default plan).
  findPlan(ref: string): PlanRow | undefined {
    if (isUuid(ref)) return this.plans.get(ref)
    if (!ref.includes(':')) {
      const service = this.serviceByName(ref)
      return service ? this.defaultPlan(service) : undefined
    }
    for (const plan of this.plans.values()) if (plan.name === ref) return plan
    return undefined
  }

  planForCreate(ref: string): PlanRow {
    const plan = this.findPlan(ref)
    if (!plan) throw invalid(`Couldn't find either the add-on service or the add-on plan of "${ref}".`)
    return plan
  }

  findPlanOr404(ref: string): PlanRow {
    const plan = this.findPlan(ref)
    if (!plan) throw notFound('plan', "Couldn't find that plan.")
    return plan
  }

  listRegions(): RegionRow[] {
    return [...this.regions.values()]
  }

  region(id: string): RegionRow {
    const region = this.regions.get(id)
    if (!region) throw new Error(`catalog has no region ${id}`)
    return region
  }

  findRegion(idOrName: string): RegionRow | undefined {
    return this.regions.get(idOrName) ?? [...this.regions.values()].find((r) => r.name === idOrName)
  }

  // Whether a service may be provisioned in a region: manifest regions list the region or `*`.
  supportsRegion(service: CatalogService, region: RegionRow): boolean {
    const regions = service.manifest.api.regions ?? []
    return regions.includes('*') || regions.includes(region.name)
  }
}

