import type {ServiceContext} from '../services/context.js'
import {BillingService} from './service.js'
import {UsageReports} from './usage-reports.js'

/**
 * Billing (issue 14), what this folder owns: metered plans' meters (plan-meters.ts), each add-on's
 * plan periods (plan-periods.ts, recorded by provisioning, plan changes and deprovisioning in their
 * own transactions), providers' usage reports (usage-reports.ts), and what add-ons cost: money
 * (money.ts, the rounding rule), months (months.ts), a month's breakdown (statement.ts) and Heroku's
 * invoices (invoice-totals.ts, invoice-view.ts); routes.ts serves them.
 */
export interface Billing {
  service: BillingService
  usage: UsageReports
}

export function createBilling(ctx: ServiceContext): Billing {
  return {service: new BillingService(ctx), usage: new UsageReports(ctx)}
}
