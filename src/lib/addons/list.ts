import {SDK_ACCEPT} from '../../wire/billing.js'
import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import {renderAttachments, renderResources} from './render.js'

// 3.sdk, as the heroku CLI asks: the expanded plan then says whether it is metered
const EXPAND = {'accept-expansion': 'addon_service,plan', accept: SDK_ACCEPT}

export type AddonWithAttachments = Addon & {attachments: Attachment[]}

// The add-ons on an app (owned or attached) and the app's attachments, with the seed's two tables for
// `addons --app`. Each table is laid out as soon as its list arrives, while the other answer is still
// on its way: for 1,000 add-ons a table is several milliseconds of work, and the platform sends the
// second list about as long after the first.
export async function listAppAddons(api: ApiClient, app: string): Promise<{addons: Addon[]; attachments: Attachment[]; lines: string[]}> {
  const base = `/apps/${encodeURIComponent(app)}`
  const addonsRequest = api.list<Addon>(`${base}/addons`, {headers: EXPAND})
  const attachmentsRequest = api.list<Attachment>(`${base}/addon-attachments`)
  // both requests always complete, so a failure is reported the same way every time
  const [resources, aliases] = await Promise.allSettled([
    addonsRequest.then((addons) => ({addons, lines: renderResources(app, addons)})),
    attachmentsRequest.then((attachments) => ({attachments, lines: renderAttachments(app, attachments)})),
  ])
  if (resources.status === 'rejected') throw resources.reason
  if (aliases.status === 'rejected') throw aliases.reason
  return {
    addons: resources.value.addons,
    attachments: aliases.value.attachments,
    lines: [...resources.value.lines, '', ...aliases.value.lines],
  }
}

export function listAllAddons(api: ApiClient): Promise<Addon[]> {
  return api.list<Addon>('/addons', {headers: EXPAND})
}

// `addons --json`: the API's add-on array, each with its attachments on that app. Grouped once, not
// filtered per add-on: with 1,000 add-ons that was a million comparisons on every `addons` run. The
// add-ons are the ones just read from the API, so each gets the field in place rather than as a copy.
export function withAttachments(addons: Addon[], attachments: Attachment[]): AddonWithAttachments[] {
  const byAddon = new Map<string, Attachment[]>()
  for (const attachment of attachments) {
    const list = byAddon.get(attachment.addon.id)
    if (list) list.push(attachment)
    else byAddon.set(attachment.addon.id, [attachment])
  }
  const result = addons as AddonWithAttachments[]
  for (const addon of result) addon.attachments = byAddon.get(addon.id) ?? []
  return result
}

// The attachments of one add-on on every app; with config_vars, the names each one sets.
export function listAddonAttachments(api: ApiClient, addonId: string): Promise<Attachment[]> {
  return api.list<Attachment>(`/addons/${encodeURIComponent(addonId)}/addon-attachments`, {
    headers: {'accept-inclusion': 'config_vars'},
  })
}
