import {distance} from 'fastest-levenshtein'

// The known commands or topics an unknown id was most likely meant to be, at most three: those a typo
// away (edit distance up to a quarter of its letters, at least one), nearest first, with the command the
// id extends (`addons:list` was meant as `addons`) placed after the close typos (distance 1 or 2).
export function suggestCommands(typed: string, known: Iterable<string>): string[] {
  const ids = new Set(known)
  const parent = typed.includes(':') ? typed.slice(0, typed.lastIndexOf(':')) : undefined
  const limit = Math.max(1, Math.floor(typed.length / 4))
  const near = [...ids]
    .filter((id) => id !== parent)
    .map((id) => ({id, d: distance(typed, id)}))
    .filter(({d}) => d <= limit)
  if (parent !== undefined && ids.has(parent)) near.push({id: parent, d: 2.5})
  return near
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({id}) => id)
}
