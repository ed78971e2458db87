import type {AddonBill, AddonSummary, AppBill, BillingStatement, Invoice} from '../../wire/billing.js'
import {formatStatement} from '../../wire/billing-statement-text.js'
import type {Actor, ServiceContext} from '../services/context.js'
import {appNotFound, invalid, notFound} from '../services/errors.js'
import {findAddon, findAppOrNull} from '../services/lookup.js'
import {chargesMillicents, firstActivityS} from './invoice-totals.js'
import {invoiceView} from './invoice-view.js'
import {type Month, monthAt, monthOfInvoiceNumber, nextMonth, parseMonth} from './months.js'
import {nowSeconds} from './plan-periods.js'
import {buildStatement, emptyAddonBill} from './statement.js'
import {type BillScope, periodsIn, usageIn} from './statement-rows.js'

const invoiceNotFound = () => notFound('invoice', "Couldn't find that invoice.")

/**
 * What add-ons cost: Heroku's invoices of an account (one a month, from the month of its first
 * add-on; the current one pending), and addonkit's breakdown of a month by app and add-on. Costs are
 * counted on the platform's clock (ServiceContext.clock, which tests set to cross month ends).
 */
export class BillingService {
  constructor(private readonly ctx: ServiceContext) {}

  async invoices(actor: Actor): Promise<Invoice[]> {
    const asOfS = nowSeconds(this.ctx)
    const current = monthAt(asOfS)
    const first = await firstActivityS(this.ctx.store.db, actor.id)
    const invoices: Invoice[] = []
    for (let month = monthAt(Math.min(first ?? asOfS, asOfS)); month.startS <= current.startS; month = nextMonth(month)) {
      invoices.push(invoiceView(actor.id, month, await chargesMillicents(this.ctx.store.db, actor.id, month, asOfS), asOfS))
    }
    return invoices
  }

  // By number (202402, the month): any month from the account's first add-on to this one.
  async invoice(actor: Actor, number: string): Promise<Invoice> {
    const month = monthOfInvoiceNumber(number)
    if (!month) throw invoiceNotFound()
    const asOfS = nowSeconds(this.ctx)
    if (month.startS > asOfS) throw invoiceNotFound()
    if (month.startS < monthAt(asOfS).startS) {
      const first = await firstActivityS(this.ctx.store.db, actor.id)
      if (first === undefined || month.endS <= first) throw invoiceNotFound()
    }
    return invoiceView(actor.id, month, await chargesMillicents(this.ctx.store.db, actor.id, month, asOfS), asOfS)
  }

  // A month ("YYYY-MM", or "current") of the account, each add-on in sums; or of one of its apps (by
  // name or id; an app destroyed since is found by the name it had), each add-on with its periods.
  async statement(actor: Actor, monthText: string, appRef?: string): Promise<BillingStatement> {
    const asOfS = nowSeconds(this.ctx)
    const month = monthText === 'current' ? monthAt(asOfS) : parseMonth(monthText)
    if (month.startS > asOfS) throw invalid(`${month.key} has not begun: its costs are not known yet.`)
    if (appRef === undefined) return this.summary({accountId: actor.id}, month, asOfS)
    return this.detail({appId: await this.billedAppId(actor, appRef)}, month, asOfS)
  }

  // The same as text, as `addonkit billing` prints it (`app` as the caller named it, for the heading).
  async statementText(actor: Actor, monthText: string, appRef?: string): Promise<string> {
    return formatStatement(await this.statement(actor, monthText, appRef), appRef)
  }

  // `GET /addons/{addon}/billing`: an add-on of the caller's, this month so far.
  async addonThisMonth(actor: Actor, addonRef: string): Promise<AddonBill> {
    const addon = await findAddon(this.ctx.store.db, actor, addonRef)
    return this.addonCostThisMonth(addon.id)
  }

  /**
   * What an add-on has cost this month so far. No access check: for callers that made their own (the
   * dashboard). An add-on with nothing billed this month (created this very second) costs nothing.
   */
  async addonCostThisMonth(addonId: string): Promise<AddonBill> {
    const statement = await this.detail({addonId}, monthAt(nowSeconds(this.ctx)), nowSeconds(this.ctx))
    const bill = statement.apps[0]?.addons.find((a) => a.addon.id === addonId)
    if (bill) return bill
    const addon = await this.ctx.store.db.selectFrom('addons').select(['id', 'name', 'service_id']).where('id', '=', addonId).executeTakeFirst()
    return emptyAddonBill({id: addonId, name: addon?.name ?? addonId}, addon ? this.ctx.catalog.service(addon.service_id).row.name : '')
  }

  // What an app's add-ons have cost this month so far, each and in all. No access check, as above.
  async appCostThisMonth(appId: string): Promise<AppBill> {
    const statement = await this.detail({appId}, monthAt(nowSeconds(this.ctx)), nowSeconds(this.ctx))
    if (statement.apps.length > 0) return statement.apps[0]
    const app = await this.ctx.store.db.selectFrom('apps').select(['id', 'name']).where('id', '=', appId).executeTakeFirst()
    return {app: {id: appId, name: app?.name ?? appId}, addons: [], cost_millicents: 0}
  }

  private async summary(scope: BillScope, month: Month, asOfS: number): Promise<BillingStatement<AddonSummary>> {
    const db = this.ctx.store.db
    const [periods, usage] = await Promise.all([periodsIn(db, scope, month, asOfS), usageIn(db, scope, month)])
    return buildStatement(month, asOfS, periods, usage, (planId) => this.planName(planId), false)
  }

  private async detail(scope: BillScope, month: Month, asOfS: number): Promise<BillingStatement<AddonBill>> {
    const db = this.ctx.store.db
    const [periods, usage] = await Promise.all([periodsIn(db, scope, month, asOfS, true), usageIn(db, scope, month)])
    return buildStatement(month, asOfS, periods, usage, (planId) => this.planName(planId), true)
  }

  private planName(planId: string): string {
    try {
      return this.ctx.catalog.plan(planId).name
    } catch {
      return planId
    }
  }

  // An app of the actor's, or one it had (destroyed since, or renamed): found through its periods.
  private async billedAppId(actor: Actor, ref: string): Promise<string> {
    const live = await findAppOrNull(this.ctx.store.db, actor, ref)
    if (live) return live.id
    const gone = await this.ctx.store.db.selectFrom('billing_periods').select('app_id')
      .where('account_id', '=', actor.id).where((eb) => eb.or([eb('app_id', '=', ref), eb('app_name', '=', ref)]))
      .orderBy('started_s', 'desc').executeTakeFirst()
    if (!gone) throw appNotFound()
    return gone.app_id
  }
}
