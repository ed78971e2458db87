import {randomUUID} from 'node:crypto'
import type {Catalog} from '../services/catalog.js'
import type {Tx} from '../store/database.js'
import type {Insertable} from 'kysely'
import type {AddonRow, BillingPeriodRow} from '../store/schema.js'

// What the recording calls need from the services' context: the catalog, and the clock tests set.
export interface BillingClockContext {
  catalog: Catalog
  clock?: () => Date
}

// Whole seconds since the epoch on the platform's clock: costs are prorated to the second.
export function nowSeconds(ctx: {clock?: () => Date}): number {
  return Math.floor((ctx.clock?.() ?? new Date()).getTime() / 1000)
}

/**
 * The add-on went on its plan (created, in the transaction that makes it visible): a period opens,
 * with the app's owner (whose invoice it is on), the names and the plan's price as they are now.
 */
export async function recordPlanStart(ctx: BillingClockContext, tx: Tx, addon: AddonRow, atS = nowSeconds(ctx)): Promise<void> {
  const app = await tx.selectFrom('apps').select(['owner_id', 'name']).where('id', '=', addon.app_id).executeTakeFirstOrThrow()
  await tx.insertInto('billing_periods').values(planStartRow(ctx, addon, app, atS)).execute()
}

// The period recordPlanStart opens, for a caller that has the app in hand and writes the period with
// other rows in one statement (a create: services/addon-recording.ts).
export function planStartRow(ctx: BillingClockContext, addon: Pick<AddonRow, 'id' | 'name' | 'app_id' | 'plan_id' | 'service_id'>, app: {owner_id: string; name: string}, atS = nowSeconds(ctx)): Insertable<BillingPeriodRow> {
  const plan = ctx.catalog.plan(addon.plan_id)
  return {
    id: randomUUID(), account_id: app.owner_id, app_id: addon.app_id, app_name: app.name, addon_id: addon.id, addon_name: addon.name,
    service_name: ctx.catalog.service(addon.service_id).row.name, plan_id: plan.id, plan_name: plan.name,
    price_cents: plan.price_cents, price_unit: plan.price_unit, price_contract: plan.price_contract, price_metered: plan.price_metered ?? 0,
    started_s: atS, ended_s: null,
  }
}

// The add-on left its plan (destroyed): its open period ends now. Ending an ended one changes nothing.
export async function recordPlanEnd(ctx: {clock?: () => Date}, tx: Tx, addonId: string, atS = nowSeconds(ctx)): Promise<void> {
  await tx.updateTable('billing_periods').set({ended_s: atS}).where('addon_id', '=', addonId).where('ended_s', 'is', null).execute()
}

// The add-on moved to `addon.plan_id`: one period ends and the next begins at the same second.
export async function recordPlanChange(ctx: BillingClockContext, tx: Tx, addon: AddonRow): Promise<void> {
  const atS = nowSeconds(ctx)
  await recordPlanEnd(ctx, tx, addon.id, atS)
  await recordPlanStart(ctx, tx, addon, atS)
}
