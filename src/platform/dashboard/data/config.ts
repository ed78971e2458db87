import type {App} from '../../../wire/platform-api.js'
import {apps as appViews} from '../../serializers/core.js'
import {attachmentViews, type Reader} from './reader.js'

export interface ConfigVarEntry {
  name: string
  // the attachment that owns the var (read-only here), or undefined for a var the user set
  owner?: {addonId: string; addonName: string; attachment: string}
  // present only when the user asked to see this value
  value?: string
}

export interface ConfigData {
  app: App
  vars: ConfigVarEntry[]
}

// An app's config vars by name. Values are read on the server but only those in `reveal` (the
// user asked) are put into the page: a page shows no secret until asked.
export async function configVars(reader: Reader, appName: string, reveal: ReadonlySet<string> | 'all'): Promise<ConfigData> {
  const {s, actor} = reader
  const appRow = await s.apps.find(actor, appName)
  const [app] = await appViews(s.ctx.store.db, s.catalog, [appRow])
  const values = await s.configVars.get(appRow)
  const owners = new Map<string, NonNullable<ConfigVarEntry['owner']>>()
  for (const attachment of await attachmentViews(reader, await s.attachments.list(actor, {app: appRow.id}))) {
    for (const name of attachment.config_vars ?? []) owners.set(name, {addonId: attachment.addon.id, addonName: attachment.addon.name, attachment: attachment.name})
  }
  const shown = (name: string) => reveal === 'all' || reveal.has(name)
  return {
    app,
    vars: Object.keys(values).map((name) => ({name, owner: owners.get(name), ...(shown(name) ? {value: values[name]} : {})})),
  }
}

// One value, asked for by name (the reveal button); undefined when the app has no such var.
export async function configValue(reader: Reader, appName: string, name: string): Promise<string | undefined> {
  const app = await reader.s.apps.find(reader.actor, appName)
  const values = await reader.s.configVars.get(app)
  return Object.hasOwn(values, name) ? values[name] : undefined
}
