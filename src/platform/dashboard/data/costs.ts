import type {AddonBill} from '../../../wire/billing.js'
import type {Reader} from './reader.js'

// What an add-on cost so far this month (Resources' "This month" column, the add-on page).
export interface Cost {
  millicents: number
  // some of the time was on a contract plan, billed elsewhere
  contract: boolean
}

export interface AppCosts {
  // what the app's add-ons cost this month so far, in all
  total: number
  byAddon: Map<string, Cost>
}

const costOf = (bill: AddonBill): Cost => ({millicents: bill.cost_millicents, contract: bill.contract})

// The billing service's own figures (src/platform/billing/): the caller has found the app (or the
// add-on) with the account's rights first, as those reads do no access check of their own.
export async function appCosts({s}: Reader, appId: string): Promise<AppCosts> {
  const bill = await s.billing.service.appCostThisMonth(appId)
  return {total: bill.cost_millicents, byAddon: new Map(bill.addons.map((a) => [a.addon.id, costOf(a)]))}
}

export async function addonCost({s}: Reader, addonId: string): Promise<Cost> {
  return costOf(await s.billing.service.addonCostThisMonth(addonId))
}
