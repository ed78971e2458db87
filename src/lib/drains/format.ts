import type {LogDrain} from '../api/types.js'
import {formatHeader} from '../output/key-value.js'

// `drains`: the drains the user added, `URL (TOKEN)`, then the ones add-ons brought, `PLAN (ADDON)`
// (the heroku CLI's layout); a section with nothing in it is left out.
export function formatDrainList(drains: LogDrain[], plans: Map<string, string>): string[] {
  const own = drains.filter((d) => d.addon === null)
  const fromAddons = drains.filter((d) => d.addon !== null)
  const lines: string[] = []
  if (own.length > 0) lines.push(formatHeader('Drains'), ...own.map((d) => `${d.url} (${d.token})`))
  if (fromAddons.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push(formatHeader('Add-on Drains'), ...fromAddons.map((d) => `${plans.get(d.addon!.name) ?? ''} (${d.addon!.name})`))
  }
  return lines
}
