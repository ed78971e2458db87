import {splitPlanRef, type AppJsonAddonObject} from '../../wire/app-json.js'
import type {Addon, Attachment} from '../api/types.js'

// The app.json `addons` that describe an app's add-ons: plan, alias and a chosen name, never a
// config value. Pure; the notes say what app.json cannot describe and was left out.
export interface ExportedAddons {
  entries: AppJsonAddonObject[]
  notes: string[]
}

const GONE: Addon['state'][] = ['deprovisioning', 'deprovisioned']

// Names the platform made up, two words or more and a number ("redis-concave-85537",
// "cooling-carefully-7273"): global, so copying one would keep the file from building a second
// app; without it the platform makes up another.
export function isGeneratedAddonName(name: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)+-\d{4,5}$/.test(name)
}

export function exportAddons(app: string, addons: Addon[], attachments: Attachment[]): ExportedAddons {
  const aliasesOf = new Map<string, Attachment[]>()
  for (const attachment of [...attachments].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.name.localeCompare(b.name))) {
    aliasesOf.set(attachment.addon.id, [...(aliasesOf.get(attachment.addon.id) ?? []), attachment])
  }
  const entries: Array<{entry: AppJsonAddonObject; alias: string}> = []
  const notes: string[] = []
  for (const addon of addons) {
    if (GONE.includes(addon.state)) continue
    const aliases = (aliasesOf.get(addon.id) ?? []).map((a) => a.name)
    if (addon.app.name !== app) {
      notes.push(`Left out ${addon.name} (${aliases.join(', ')}): it belongs to ${addon.app.name}, and app.json only creates add-ons.`)
      continue
    }
    if (aliases.length === 0) {
      notes.push(`Left out ${addon.name}: it has no alias on ${app}.`)
      continue
    }
    // the oldest alias is the one it was created with; app.json gives an add-on one alias
    const [alias, ...others] = aliases
    if (others.length > 0) notes.push(`Left out ${others.length === 1 ? 'the alias' : 'the aliases'} ${others.join(', ')} of ${addon.name}: app.json gives an add-on one alias.`)
    entries.push({
      entry: {plan: addon.plan.name, as: alias, ...(isGeneratedAddonName(addon.name) ? {} : {name: addon.name})},
      alias,
    })
  }
  entries.sort((a, b) => a.alias.localeCompare(b.alias))
  return {entries: entries.map((e) => e.entry), notes}
}

// The document with its `addons` replaced and every other key as it was, in place. Options an
// existing entry gave the same add-on are kept (the platform never shows them again).
export function mergeAddons(doc: Record<string, unknown>, entries: AppJsonAddonObject[]): Record<string, unknown> {
  const previous = Array.isArray(doc.addons) ? doc.addons : []
  const optionsFor = (entry: AppJsonAddonObject) => {
    const service = splitPlanRef(entry.plan)?.service
    const same = previous.find((old: unknown) => {
      if (typeof old !== 'object' || old === null) return false
      const {as, plan} = old as {as?: unknown; plan?: unknown}
      return as === entry.as && typeof plan === 'string' && splitPlanRef(plan)?.service === service
    }) as {options?: unknown} | undefined
    return same?.options
  }
  const addons = entries.map((entry) => {
    const options = optionsFor(entry)
    return options === undefined ? entry : {...entry, options}
  })
  return {...doc, addons}
}

// The indentation a file uses (its first indented line), so a merge does not re-format it.
export function indentOf(text: string): string | number {
  const match = text.match(/\n([ \t]+)\S/)
  return match ? match[1] : 2
}
