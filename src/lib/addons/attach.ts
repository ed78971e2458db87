import type {ApiClient} from '../api/client.js'
import type {Addon, Attachment} from '../api/types.js'
import type {Deps} from '../deps.js'
import {sendConfirmed} from './confirmation.js'
import {listAddonAttachments} from './list.js'

export interface AttachRequest {
  addon: Addon
  app: string
  // the alias; the platform chooses one when it is not given
  as?: string
  confirm?: string
}

// Attaches an add-on to an app under an alias; a taken alias needs the user's confirmation.
export function attachAddon(deps: Deps, request: AttachRequest): Promise<Attachment> {
  const {addon, app, as} = request
  return sendConfirmed(deps, {
    app,
    confirm: request.confirm,
    send: (confirm) =>
      deps.api.post<Attachment>('/addon-attachments', {
        addon: {name: addon.name},
        app: {name: app},
        ...(as ? {name: as} : {}),
        ...(confirm ? {confirm} : {}),
      }),
    // a chosen alias never clashes, so only an explicit one can need confirming
    warnings: async () => [`${addon.name} will overwrite ${as ? await overwrittenVars(deps.api, addon, as) : 'config vars'} on ${app}.`],
  })
}

// The config vars an alias would take over: the alias plus each suffix the add-on already sets
// (URL for a redis: BROKER_URL). `ALIAS vars` when the suffixes cannot be told.
export async function overwrittenVars(api: ApiClient, addon: Addon, alias: string): Promise<string> {
  const attachments = await listAddonAttachments(api, addon.id)
  const suffixes = varSuffixes(addon, attachments)
  return suffixes.length > 0 ? suffixes.map((suffix) => `${alias}_${suffix}`).join(', ') : `${alias} vars`
}

// URL from REDIS_URL on an attachment named REDIS; taken from each attachment's config_vars when the
// platform included them, else from the add-on's config_vars matched against its aliases on its app.
export function varSuffixes(addon: Pick<Addon, 'config_vars' | 'app'>, attachments: Attachment[]): string[] {
  const suffixes = new Set<string>()
  const collect = (alias: string, names: string[]) => {
    for (const name of names) if (name.startsWith(`${alias}_`)) suffixes.add(name.slice(alias.length + 1))
  }
  for (const attachment of attachments) collect(attachment.name, attachment.config_vars ?? [])
  if (suffixes.size === 0) {
    for (const attachment of attachments.filter((a) => a.app.name === addon.app.name)) collect(attachment.name, addon.config_vars ?? [])
  }
  return [...suffixes].sort()
}
