import type {ApiClient} from '../api/client.js'
import type {Attachment, ConfigVars} from '../api/types.js'
import {AddonkitError} from '../errors.js'
import {humanList} from './format.js'
import {getConfigVars} from './vars.js'

export interface UnsetPreview {
  // set on the app: what the unset removes
  unset: string[]
  // not set: nothing happens to them
  absent: string[]
}

// config:unset --dry-run: which of the names are set, from the app's vars and its attachments (a var
// an attachment owns cannot be unset: the real command would be refused, and so is this).
export async function previewUnset(api: ApiClient, app: string, names: string[]): Promise<UnsetPreview> {
  const [vars, attachments] = await Promise.all([
    getConfigVars(api, app),
    api.list<Attachment>(`/apps/${encodeURIComponent(app)}/addon-attachments`, {headers: {'accept-inclusion': 'config_vars'}}),
  ])
  const owner = new Map(attachments.flatMap((a) => (a.config_vars ?? []).map((name) => [name, a.name] as const)))
  const owned = names.filter((name) => owner.has(name))
  if (owned.length === 1) {
    const alias = owner.get(owned[0])
    throw new AddonkitError(`${owned[0]} belongs to the attachment ${alias}: config:unset would be refused (addons:detach ${alias} removes it).`)
  }
  if (owned.length > 1) {
    const listed = humanList(owned.map((name) => `${name} (${owner.get(name)})`))
    throw new AddonkitError(`${listed} belong to attachments: config:unset would be refused (addons:detach removes them).`)
  }
  return {unset: names.filter((name) => isSet(vars, name)), absent: names.filter((name) => !isSet(vars, name))}
}

const isSet = (vars: ConfigVars, name: string) => Object.hasOwn(vars, name)

export function unsetPreviewLines(app: string, preview: UnsetPreview): string[] {
  return [
    ...(preview.unset.length > 0 ? [`Would unset ${humanList(preview.unset)} on ${app}`] : []),
    ...(preview.absent.length > 0 ? [`Not set on ${app}: ${humanList(preview.absent)}`] : []),
    'Dry run: nothing changed.',
  ]
}
