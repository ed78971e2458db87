import {SDK_ACCEPT, STATEMENT_TEXT_ACCEPT, type AddonBill, type AppUsage, type BillingStatement} from '../../wire/billing.js'
import {formatStatement} from '../../wire/billing-statement-text.js'
import type {ApiClient} from '../api/client.js'
import type {Addon} from '../api/types.js'

// A month's costs ("YYYY-MM", or the current month), of the account or of one app (addonkit's
// extension of the Platform API).
export function getStatement(api: ApiClient, month: string | undefined, app: string | undefined): Promise<BillingStatement> {
  return api.get<BillingStatement>(statementPath(month, app))
}

// The same as `addonkit billing` prints it: written by the platform, which has the account's ten
// thousand add-ons in hand already; formatted here the same way when a platform answers JSON only.
export async function getStatementText(api: ApiClient, month: string | undefined, app: string | undefined): Promise<string> {
  const answer = await api.get<BillingStatement | string>(statementPath(month, app), {headers: {accept: STATEMENT_TEXT_ACCEPT}})
  return typeof answer === 'string' ? answer : formatStatement(answer, app)
}

function statementPath(month: string | undefined, app: string | undefined): string {
  const query = app === undefined ? '' : `?app=${encodeURIComponent(app)}`
  return `/account/billing/${encodeURIComponent(month ?? 'current')}${query}`
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
