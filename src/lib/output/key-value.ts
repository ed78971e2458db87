// `Key: value` lines, values aligned one space after the longest `Key:` (the heroku CLI's info layout).
// A list value puts its first item beside the key and the rest below it, aligned, so each item stays greppable.
export type KeyValue = [key: string, value: string | string[]]

export function formatKeyValues(entries: KeyValue[]): string[] {
  const width = Math.max(0, ...entries.map(([key]) => key.length + 1))
  const lines: string[] = []
  for (const [key, value] of entries) {
    const items = Array.isArray(value) ? value : [value]
    const label = `${key}:`.padEnd(width)
    lines.push(`${label} ${items[0] ?? ''}`.trimEnd())
    for (const item of items.slice(1)) lines.push(`${' '.repeat(width)} ${item}`)
  }
  return lines
}

// `=== TITLE`: the section header every info and list command starts with.
export function formatHeader(title: string): string {
  return `=== ${title}`
}
