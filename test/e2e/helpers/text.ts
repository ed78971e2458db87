// What a user sees, written out independently of src/lib/output so the e2e suites check the text itself.

// Lines as a command prints them: each ends with a newline.
export const lines = (...text: string[]) => text.map((line) => `${line}\n`).join('')

// The seed's tables: headers, a dashed rule, columns two spaces apart, the last rule two wider than its text.
export function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)))
  widths[widths.length - 1] += 2
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
}

const byFirst = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

// `addons --app APP`: resources as [plan, name, price], attachments as [alias, add-on, billing app].
export function addonsListing(app: string, resources: string[][], attachments: string[][]): string {
  const sortedResources = [...resources].sort((a, b) => byFirst(a, b) || byFirst(a.slice(1), b.slice(1)))
  return lines(
    `=== Resources for ${app}`,
    ...(resources.length === 0 ? ['There are no add-ons.'] : table(['Plan', 'Name', 'Price'], sortedResources)),
    '',
    `=== Attachments for ${app}`,
    ...(attachments.length === 0 ? ['There are no attachments.'] : table(['Name', 'Add-on', 'Billing App'], [...attachments].sort(byFirst))),
  )
}

// `config --app APP`: keys sorted, values one space after the longest `KEY:`.
export function configListing(vars: Record<string, string>): string {
  const keys = Object.keys(vars).sort()
  const width = Math.max(...keys.map((key) => key.length + 1))
  return lines(...keys.map((key) => `${`${key}:`.padEnd(width)} ${vars[key]}`))
}
