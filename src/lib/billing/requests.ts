import {SDK_ACCEPT, type AddonBill, type AppUsage, type BillingStatement} from '../../wire/billing.js'
import type {ApiClient} from '../api/client.js'
import type {Addon} from '../api/types.js'

// A month's costs ("YYYY-MM", or the current month), of the account or of one app (addonkit's
// extension of the Platform API).
export function getStatement(api: ApiClient, month: string | undefined, app: string | undefined): Promise<BillingStatement> {
  const query = app === undefined ? '' : `?app=${encodeURIComponent(app)}`
  return api.get<BillingStatement>(`/account/billing/${encodeURIComponent(month ?? 'current')}${query}`)
}

// What an add-on has cost this month; undefined where the platform has no such figure (Heroku
// itself) or cannot give it now: addons:info then simply leaves the line out.
export async function getAddonCost(api: ApiClient, addonId: string): Promise<AddonBill | undefined> {
  try {
    return await api.get<AddonBill>(`/addons/${encodeURIComponent(addonId)}/billing`)
  } catch {
    return undefined
  }
}

// This month's usage of the app's metered add-ons, with the add-ons for their names (as
// `heroku usage:addons` asks for both).
export async function getAppUsage(api: ApiClient, app: string): Promise<{usage: AppUsage; addons: Addon[]}> {
  const base = `/apps/${encodeURIComponent(app)}`
  const [usage, addons] = await Promise.all([api.get<AppUsage>(`${base}/usage`, {headers: {accept: SDK_ACCEPT}}), api.list<Addon>(`${base}/addons`)])
  return {usage, addons}
}
