import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'

const EXPAND = {'accept-expansion': 'addon_service,plan'}

export type AddonWithAttachments = Addon & {attachments: Attachment[]}

// The add-ons on an app (owned or attached) and the app's attachments, as `addons --app` shows them.
export async function listAppAddons(api: ApiClient, app: string): Promise<{addons: Addon[]; attachments: Attachment[]}> {
  const base = `/apps/${encodeURIComponent(app)}`
  // both requests always complete, so a failure is reported the same way every time
  const [addons, attachments] = await Promise.allSettled([
    api.list<Addon>(`${base}/addons`, {headers: EXPAND}),
    api.list<Attachment>(`${base}/addon-attachments`),
  ])
  if (addons.status === 'rejected') throw addons.reason
  if (attachments.status === 'rejected') throw attachments.reason
  return {addons: addons.value, attachments: attachments.value}
}

export function listAllAddons(api: ApiClient): Promise<Addon[]> {
  return api.list<Addon>('/addons', {headers: EXPAND})
}

// `addons --json`: the API's add-on array, each with its attachments on that app. Grouped once, not
// filtered per add-on: with 1,000 add-ons that was a million comparisons on every `addons` run.
export function withAttachments(addons: Addon[], attachments: Attachment[]): AddonWithAttachments[] {
  const byAddon = new Map<string, Attachment[]>()
  for (const attachment of attachments) {
    const list = byAddon.get(attachment.addon.id)
    if (list) list.push(attachment)
    else byAddon.set(attachment.addon.id, [attachment])
  }
  return addons.map((addon) => ({...addon, attachments: byAddon.get(addon.id) ?? []}))
}

// The attachments of one add-on on every app; with config_vars, the names each one sets.
export function listAddonAttachments(api: ApiClient, addonId: string): Promise<Attachment[]> {
  return api.list<Attachment>(`/addons/${encodeURIComponent(addonId)}/addon-attachments`, {
    headers: {'accept-inclusion': 'config_vars'},
  })
}
